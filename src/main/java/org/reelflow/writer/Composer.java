package org.reelflow.writer;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.reelflow.score.Words;

/**
 * Composes narration lines of an exact word count: one core sentence plus filler sentences from the phrasebook.
 * One composer per plan, so a filler is not repeated while an unused variant of the same length remains.
 */
final class Composer {

    private final Random random;
    private final Set<String> used = new HashSet<>();
    private final Set<String> lines = new HashSet<>();

    Composer(Random random) {
        this.random = random;
    }

    Random random() {
        return random;
    }

    /**
     * The first core (in order) that up to three fillers of different lengths pad to exactly {@code words};
     * one-word fillers only as a last resort. Callers end {@code cores} with a short fallback, so with fillers
     * of 1-8 words a solution exists for every budget the tiers allow.
     */
    String compose(List<String> cores, Map<Integer, List<String>> fillers, int words) {
        String repeat = null;
        for (boolean allowOneWord : new boolean[] {false, true}) {
            for (String core : cores) {
                List<Integer> lengths = combination(words - Words.count(core), allowOneWord);
                // A few tries per core: a plan that says the same line twice reads as a glitch.
                for (int attempt = 0; lengths != null && attempt < 3; attempt++) {
                    StringBuilder line = new StringBuilder(core);
                    for (int n : lengths) {
                        line.append(' ').append(pick(fillers.get(n)));
                    }
                    if (lines.add(line.toString())) {
                        return line.toString();
                    }
                    repeat = line.toString();
                }
            }
        }
        if (repeat == null) {
            throw new IllegalStateException("No phrasing of " + words + " words from " + cores);
        }
        return repeat;
    }

    private String pick(List<String> options) {
        List<String> fresh = options.stream().filter(o -> !used.contains(o)).toList();
        List<String> from = fresh.isEmpty() ? options : fresh;
        String choice = from.get(random.nextInt(from.size()));
        used.add(choice);
        return choice;
    }

    /** Filler lengths (distinct, largest first, each 1-8) summing to {@code remainder}; null when impossible. */
    private static List<Integer> combination(int remainder, boolean allowOneWord) {
        if (remainder == 0) {
            return List.of();
        }
        int min = allowOneWord ? 1 : 2;
        for (int a = Math.min(8, remainder); a >= min; a--) {
            if (a == remainder) {
                return List.of(a);
            }
            for (int b = a - 1; b >= min; b--) {
                if (a + b == remainder) {
                    return List.of(a, b);
                }
                for (int c = b - 1; c >= min; c--) {
                    if (a + b + c == remainder) {
                        return List.of(a, b, c);
                    }
                }
            }
        }
        return null;
    }
}
