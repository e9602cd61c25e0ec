package org.reelflow.media.render;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reelflow.media.TimedWord;
import org.reelflow.media.render.CaptionTrack.WordState;

class CaptionTrackTest {

    private static final List<TimedWord> WORDS = List.of(
            new TimedWord("a", 0.0, 0.4), new TimedWord("b", 0.5, 0.9), new TimedWord("c", 1.0, 1.2),
            new TimedWord("d", 2.0, 2.4), new TimedWord("e", 2.5, 3.0));

    @Test
    void cutsFixedChunks() {
        CaptionTrack track = new CaptionTrack(WORDS, 3, 0.3);
        assertThat(track.chunks().size(), is(2));
        assertThat(track.chunks().get(1).getFirst().word(), is("d"));
    }

    @Test
    void aChunkLingersUntilLingerRunsOutOrTheNextStarts() {
        CaptionTrack track = new CaptionTrack(WORDS, 3, 0.3);
        assertThat(track.chunkAt(0.0), is(0));
        assertThat(track.chunkAt(1.2), is(0));
        assertThat(track.chunkAt(1.5), is(0));         // 1.2 + 0.3 linger, next chunk starts at 2.0
        assertThat(track.chunkAt(1.51), is(1));        // selected, but not started …
        assertThat(track.visibleChunkAt(1.51), is(-1)); // … so nothing is drawn
        assertThat(track.visibleChunkAt(2.0), is(1));
        assertThat(track.chunkAt(3.3), is(1));
        assertThat(track.chunkAt(3.31), is(-1));       // after the last word's end + linger
    }

    @Test
    void theNextChunkCutsTheLingerShort() {
        List<TimedWord> tight = List.of(new TimedWord("a", 0, 0.5), new TimedWord("b", 0.6, 1.2),
                                        new TimedWord("c", 1.3, 1.6));
        CaptionTrack track = new CaptionTrack(tight, 2, 0.3);
        assertThat(track.chunkAt(1.25), is(0));   // lingering: 1.25 ≤ 1.5 and the next starts at 1.3
        assertThat(track.chunkAt(1.3), is(1));
    }

    @Test
    void wordStatesFollowStartAndEnd() {
        TimedWord w = new TimedWord("c", 1.0, 1.2);
        assertThat(CaptionTrack.state(w, 0.999), is(WordState.UNSPOKEN));
        assertThat(CaptionTrack.state(w, 1.0), is(WordState.ACTIVE));
        assertThat(CaptionTrack.state(w, 1.199), is(WordState.ACTIVE));
        assertThat(CaptionTrack.state(w, 1.2), is(WordState.SPOKEN));
        // at 30 fps a word starting at 1.91 s is active from frame 58 (1.933 s), not frame 57 (1.9 s)
        TimedWord late = new TimedWord("x", 1.91, 2.3);
        assertThat(CaptionTrack.state(late, 57 / 30.0), is(WordState.UNSPOKEN));
        assertThat(CaptionTrack.state(late, 58 / 30.0), is(WordState.ACTIVE));
    }

    @Test
    void springMatchesTheClosedForm() {
        // damping 15, stiffness 100, mass 1: ω0 = 10, ζ = 0.75, ωd = 6.614; at 0.1 s: 1 − e^−0.75 (cos 0.661 + 1.134 sin 0.661)
        assertThat(new Spring(15, 100, 1).at(0.1), closeTo(0.2982, 1e-3));
        // critically damped (20, 100, 1): 1 − e^−1 × 2
        assertThat(new Spring(20, 100, 1).at(0.1), closeTo(0.2642, 1e-3));
        assertThat(new Spring(15, 100, 1).at(0), is(0.0));
        assertThat(new Spring(15, 100, 1).at(3), closeTo(1.0, 1e-6));
        assertThat("gradient_rise's loose spring overshoots by ~19 % at its peak (0.2 s)", new Spring(8, 150, 0.5).at(0.2), greaterThan(1.15));
    }
}
