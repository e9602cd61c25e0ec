package org.reelflow.media.render;

import java.util.ArrayList;
import java.util.List;
import org.reelflow.media.TimedWord;

/**
 * Which words are on screen when (the reference's caption-utils): the word list cut into fixed chunks of
 * {@code chunkSize}; a chunk stays selected until its last word ends, or up to {@code linger} seconds longer while the
 * next chunk has not started; nothing after the last word's end plus linger. A selected chunk is drawn only once its
 * first word has started.
 */
public final class CaptionTrack {

    public enum WordState { UNSPOKEN, ACTIVE, SPOKEN }

    private final List<List<TimedWord>> chunks;
    private final double linger;

    public CaptionTrack(List<TimedWord> words, int chunkSize, double lingerS) {
        List<List<TimedWord>> c = new ArrayList<>();
        for (int i = 0; i < words.size(); i += chunkSize) {
            c.add(List.copyOf(words.subList(i, Math.min(words.size(), i + chunkSize))));
        }
        this.chunks = List.copyOf(c);
        this.linger = lingerS;
    }

    public List<List<TimedWord>> chunks() {
        return chunks;
    }

    /** The selected chunk at {@code t} seconds, or -1. */
    public int chunkAt(double t) {
        for (int i = 0; i < chunks.size(); i++) {
            double lastEnd = chunks.get(i).getLast().end();
            if (t <= lastEnd) {
                return i;
            }
            double nextStart = i + 1 < chunks.size() ? chunks.get(i + 1).getFirst().start() : Double.POSITIVE_INFINITY;
            if (t <= lastEnd + linger && t < nextStart) {
                return i;
            }
        }
        return -1;
    }

    /** The chunk to draw at {@code t}: selected and already started; -1 when the caption area is empty. */
    public int visibleChunkAt(double t) {
        int i = chunkAt(t);
        return i >= 0 && t >= chunks.get(i).getFirst().start() ? i : -1;
    }

    /** unspoken before its start, active from its start until its end, spoken afterwards. */
    public static WordState state(TimedWord word, double t) {
        if (t < word.start()) {
            return WordState.UNSPOKEN;
        }
        return t < word.end() ? WordState.ACTIVE : WordState.SPOKEN;
    }
}
