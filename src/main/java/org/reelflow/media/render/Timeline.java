package org.reelflow.media.render;

import java.util.ArrayList;
import java.util.List;
import org.reelflow.media.TimedWord;

/**
 * The reference's scene timing (OpenReels score-to-props and TransitionSeries): per-scene lengths from the words each
 * scene speaks, transitions that overlap neighbouring scenes, and a last scene stretched to cover the last word.
 */
public final class Timeline {

    /** Scene {@code index} occupies frames {@code [start, start + frames)}; the first {@code overlapIn} overlap the previous scene. */
    public record Span(int index, int start, int frames, int overlapIn, String transitionIn) {
        public int end() {
            return start + frames;
        }
    }

    /** What frame {@code f} shows: one scene, or two with the transition's linear progress in [0, 1). */
    public record Slice(Span outgoing, int outgoingFrame, Span incoming, int incomingFrame, double progress) {
        public boolean inTransition() {
            return incoming != null;
        }
    }

    private final List<Span> spans;
    private final int totalFrames;

    private Timeline(List<Span> spans) {
        this.spans = List.copyOf(spans);
        Span last = spans.getLast();
        this.totalFrames = last.end();
    }

    /** {@code max(last.end − first.start + 0.5, 2)} seconds for a scene's words, 3.5 s for a scene without words. */
    public static double sceneSeconds(List<TimedWord> sceneWords) {
        if (sceneWords.isEmpty()) {
            return 3.5;
        }
        return Math.max(sceneWords.getLast().end() - sceneWords.getFirst().start() + 0.5, 2.0);
    }

    public static int sceneFrames(List<TimedWord> sceneWords, int fps) {
        return (int) Math.round(sceneSeconds(sceneWords) * fps);
    }

    /**
     * The reference's split (utils.ts splitWordsIntoScenes): each scene takes as many words as its script line has
     * tokens; when the voice produced a different word count, each takes {@code max(1, round(expected × actual /
     * expectedTotal))}; whatever is left goes to the last scene.
     */
    public static List<List<TimedWord>> splitWordsIntoScenes(List<String> scriptLines, List<TimedWord> words) {
        List<List<TimedWord>> out = new ArrayList<>();
        if (words.isEmpty()) {
            scriptLines.forEach(l -> out.add(List.of()));
            return out;
        }
        int[] expected = scriptLines.stream().mapToInt(Timeline::tokenCount).toArray();
        int totalExpected = java.util.Arrays.stream(expected).sum();
        int index = 0;
        for (int count : expected) {
            int take = count;
            if (totalExpected != words.size() && totalExpected > 0) {
                take = Math.max(1, (int) Math.round((double) count * words.size() / totalExpected));
            }
            int end = Math.min(words.size(), index + take);
            out.add(new ArrayList<>(words.subList(index, end)));
            index = end;
        }
        if (!out.isEmpty()) {
            out.getLast().addAll(words.subList(index, words.size()));
        }
        return out;
    }

    /** Lays out the scenes: lengths from their words, overlaps from their transitions, the last one stretched if needed. */
    public static Timeline plan(List<RenderScene> scenes, List<TimedWord> words, int transitionFrames, int fps) {
        if (scenes.isEmpty()) {
            throw new IllegalArgumentException("a video needs at least one scene");
        }
        List<List<TimedWord>> perScene = splitWordsIntoScenes(scenes.stream().map(RenderScene::scriptLine).toList(), words);
        int[] frames = perScene.stream().mapToInt(w -> sceneFrames(w, fps)).toArray();
        return fromFrames(frames, scenes.stream().map(RenderScene::transition).toList(), transitionFrames,
                          words.isEmpty() ? 0 : words.getLast().end(), fps);
    }

    /**
     * The frame maths alone: scene lengths, each scene's outgoing transition, and the end of the last word. An overlap
     * longer than either neighbour (which Remotion rejects) is clamped to the shorter scene minus one frame.
     */
    public static Timeline fromFrames(int[] frames, List<String> transitions, int transitionFrames, double lastWordEnd, int fps) {
        List<Span> spans = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < frames.length; i++) {
            int overlap = 0;
            String in = "none";
            if (i > 0) {
                in = normalise(transitions.get(i - 1));
                if (!in.equals("none")) {
                    overlap = Math.max(0, Math.min(transitionFrames, Math.min(frames[i - 1], frames[i]) - 1));
                }
                start = spans.get(i - 1).end() - overlap;
            }
            spans.add(new Span(i, start, frames[i], overlap, in));
        }
        int needed = (int) Math.ceil(lastWordEnd * fps);
        Span last = spans.getLast();
        if (last.end() < needed) {
            spans.set(spans.size() - 1, new Span(last.index(), last.start(), last.frames() + needed - last.end(),
                                                 last.overlapIn(), last.transitionIn()));
        }
        return new Timeline(spans);
    }

    public int totalFrames() {
        return totalFrames;
    }

    public List<Span> spans() {
        return spans;
    }

    /** The scene or scene pair on screen at frame {@code f} (0 ≤ f < totalFrames). */
    public Slice at(int f) {
        int i = spans.size() - 1;
        while (i > 0 && spans.get(i).start() > f) {
            i--;
        }
        Span s = spans.get(i);
        if (i > 0 && f < s.start() + s.overlapIn()) {
            Span prev = spans.get(i - 1);
            return new Slice(prev, f - prev.start(), s, f - s.start(), (f - s.start()) / (double) s.overlapIn());
        }
        return new Slice(s, f - s.start(), null, 0, 0);
    }

    static String normalise(String transition) {
        if (transition == null) {
            return "none";
        }
        return switch (transition) {
            case "crossfade", "slide_left", "slide_right", "wipe", "flip" -> transition;
            default -> "none";
        };
    }

    private static int tokenCount(String line) {
        if (line == null || line.isBlank()) {
            return 0;
        }
        return line.strip().split("\\s+").length;
    }
}
