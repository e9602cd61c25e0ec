package org.reelflow.media.voice;

import java.util.ArrayList;
import java.util.List;
import org.reelflow.media.TimedWord;

/**
 * A script in speakable form that still knows where each spoken word came from, so timings measured on the spoken
 * words (by a TTS engine or an aligner) can be reported against the words the script actually shows.
 */
public record NormalizedScript(List<SpokenWord> words) {

    public NormalizedScript {
        words = List.copyOf(words);
    }

    /** Every spoken word in order: the units a TTS engine or aligner times. */
    public List<String> spokenTokens() {
        List<String> out = new ArrayList<>();
        words.forEach(w -> out.addAll(w.spoken()));
        return out;
    }

    /** The text to hand a speech engine: spoken words with their sentence marks, nothing it could re-expand. */
    public String speakableText() {
        StringBuilder text = new StringBuilder();
        for (SpokenWord word : words) {
            for (String token : word.spoken()) {
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(token);
            }
            // A word with nothing to say (a dash) still leaves its pause on the previous word.
            if (!word.pause().isEmpty() && !text.isEmpty() && !endsWithPause(text)) {
                text.append(word.pause());
            }
        }
        return text.toString();
    }

    /**
     * Folds timings of the spoken tokens (one per {@link #spokenTokens()} entry, in order) back onto the script's
     * words: a word spans its first to its last spoken token; a word with none sits, zero-length, where the
     * previous one ended.
     */
    public List<TimedWord> toScriptWords(List<TimedWord> tokenTimes) {
        int expected = spokenTokens().size();
        if (tokenTimes.size() != expected) {
            throw new IllegalArgumentException("got " + tokenTimes.size() + " token timings for " + expected
                                               + " spoken tokens");
        }
        List<TimedWord> out = new ArrayList<>(words.size());
        int next = 0;
        double lastEnd = 0;
        for (SpokenWord word : words) {
            int n = word.spoken().size();
            if (n == 0) {
                out.add(new TimedWord(word.original(), lastEnd, lastEnd));
                continue;
            }
            double start = Math.max(tokenTimes.get(next).start(), lastEnd);
            double end = Math.max(tokenTimes.get(next + n - 1).end(), start);
            out.add(new TimedWord(word.original(), start, end));
            lastEnd = end;
            next += n;
        }
        return out;
    }

    private static boolean endsWithPause(StringBuilder text) {
        return ",.?!".indexOf(text.charAt(text.length() - 1)) >= 0;
    }
}
