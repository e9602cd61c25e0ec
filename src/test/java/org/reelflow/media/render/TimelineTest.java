package org.reelflow.media.render;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reelflow.media.TimedWord;

class TimelineTest {

    private static TimedWord w(double start, double end) {
        return new TimedWord("w", start, end);
    }

    private static List<TimedWord> words(int n) {
        List<TimedWord> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(w(i, i + 0.5));
        }
        return list;
    }

    private static List<Integer> sizes(List<List<TimedWord>> split) {
        return split.stream().map(List::size).toList();
    }

    @Test
    void sceneLengthIsSpokenSpanPlusHalfASecondAtLeastTwoSeconds() {
        // 1.9 − 0.2 + 0.5 = 2.2 s → 66 frames
        assertThat(Timeline.sceneFrames(List.of(w(0.2, 0.5), w(0.6, 1.9)), 30), is(66));
        // 1.5 − 1.0 + 0.5 = 1.0 s → the 2 s floor, 60 frames
        assertThat(Timeline.sceneFrames(List.of(w(1.0, 1.5)), 30), is(60));
        // no words: 3.5 s
        assertThat(Timeline.sceneFrames(List.of(), 30), is(105));
        // 2.51 s × 30 = 75.3 → 75; 2.52 s → 75.6 → 76
        assertThat(Timeline.sceneFrames(List.of(w(0, 2.01)), 30), is(75));
        assertThat(Timeline.sceneFrames(List.of(w(0, 2.02)), 30), is(76));
    }

    @Test
    void wordsSplitByScriptTokensWhenCountsMatch() {
        assertThat(sizes(Timeline.splitWordsIntoScenes(List.of("a b c", "d e"), words(5))), contains(3, 2));
    }

    @Test
    void wordsSplitProportionallyWhenTheVoiceSaidMoreOrFewer() {
        // 6 words for 5 tokens: round(3×6/5 = 3.6) = 4, round(2×6/5 = 2.4) = 2
        assertThat(sizes(Timeline.splitWordsIntoScenes(List.of("a b c", "d e"), words(6))), contains(4, 2));
        // 4 words: round(2.4) = 2, round(1.6) = 2
        assertThat(sizes(Timeline.splitWordsIntoScenes(List.of("a b c", "d e"), words(4))), contains(2, 2));
        // 10 words for 9 tokens: round(3.33) = 3 each, the leftover word goes to the last scene
        assertThat(sizes(Timeline.splitWordsIntoScenes(List.of("a b c", "d e f", "g h i"), words(10))), contains(3, 3, 4));
        // a blank line still takes max(1, round(0)) = 1 word when counts differ; the last scene gets what remains
        assertThat(sizes(Timeline.splitWordsIntoScenes(List.of("", "a b"), words(3))), contains(1, 2));
        assertThat(sizes(Timeline.splitWordsIntoScenes(List.of("a", "b"), List.of())), contains(0, 0));
    }

    @Test
    void transitionsOverlapNeighboursExceptAfterNone() {
        // 90 + 60 + 75 = 225 frames, minus one 15-frame crossfade = 210; the words end at 7.0 s = frame 210
        Timeline t = Timeline.fromFrames(new int[] {90, 60, 75}, List.of("crossfade", "none", "slide_left"), 15, 7.0, 30);
        assertThat(t.totalFrames(), is(210));
        assertThat(t.spans().get(1).start(), is(75));
        assertThat(t.spans().get(1).overlapIn(), is(15));
        assertThat(t.spans().get(2).start(), is(135));
        assertThat(t.spans().get(2).overlapIn(), is(0));

        assertThat(t.at(74).inTransition(), is(false));
        Timeline.Slice first = t.at(75);
        assertThat(first.outgoingFrame(), is(75));
        assertThat(first.incomingFrame(), is(0));
        assertThat(first.progress(), closeTo(0.0, 1e-9));
        assertThat(t.at(82).progress(), closeTo(7 / 15.0, 1e-9));
        assertThat(t.at(89).incomingFrame(), is(14));
        Timeline.Slice after = t.at(90);
        assertThat(after.incoming(), is(nullValue()));
        assertThat(after.outgoing().index(), is(1));
        assertThat(after.outgoingFrame(), is(15));
        assertThat(t.at(135).outgoing().index(), is(2));
        assertThat(t.at(209).outgoingFrame(), is(74));
    }

    @Test
    void lastSceneStretchesToCoverTheLastWord() {
        // ceil(7.41 × 30) = ceil(222.3) = 223 frames needed; 210 planned → the last scene grows by 13 to 88
        Timeline t = Timeline.fromFrames(new int[] {90, 60, 75}, List.of("crossfade", "none", "none"), 15, 7.41, 30);
        assertThat(t.totalFrames(), is(223));
        assertThat(t.spans().get(2).frames(), is(88));
    }

    @Test
    void anOverlapLongerThanAShortSceneIsClamped() {
        Timeline t = Timeline.fromFrames(new int[] {10, 8}, List.of("wipe", "none"), 15, 0, 30);
        assertThat(t.spans().get(1).overlapIn(), is(7));
        assertThat(t.totalFrames(), is(11));
    }

    @Test
    void planCombinesWordSplitSceneLengthsAndOverlaps() {
        // scene 0 speaks 0.0–1.6 → 2.1 s = 63 frames; scene 1 speaks 2.0–4.5 → 3.0 s = 90 frames; 12-frame flip
        List<TimedWord> ws = List.of(w(0.0, 0.7), w(0.8, 1.6), w(2.0, 3.0), w(3.1, 4.5));
        List<RenderScene> scenes = List.of(new RenderScene("ai_image", "zoom_in", "flip", "one two", "p", null),
                                           new RenderScene("text_card", "static", "none", "three four", "p", null));
        Timeline t = Timeline.plan(scenes, ws, 12, 30);
        assertThat(t.spans().get(0).frames(), is(63));
        assertThat(t.spans().get(1).start(), is(51));
        // 63 + 90 − 12 = 141 ≥ ceil(4.5 × 30) = 135, so no stretch
        assertThat(t.totalFrames(), is(141));
    }
}
