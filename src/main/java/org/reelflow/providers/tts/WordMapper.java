package org.reelflow.providers.tts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.reelflow.media.TimedWord;
import org.reelflow.media.voice.NormalizedScript;
import org.reelflow.media.voice.SpokenWord;
import org.reelflow.media.voice.TextNormalizer;

/**
 * Puts a vendor's word timings onto the script's words. Vendors split and spell differently from the script
 * ("AI-powered" may come back as one word or two, "$3.50" as "three dollars and fifty cents", a dash as a word or
 * not at all), so this is a monotone alignment: each script word takes zero or more consecutive vendor words,
 * scored against both its written form and the words our normaliser would say for it, and the cheapest
 * segmentation wins. A script word left without a vendor word shares the gap between its timed neighbours; if too
 * few words match at all, the mapping is refused rather than guessed.
 */
public final class WordMapper {

    /** Segments closer than this (normalised edit distance) count as a match. */
    static final double MATCH = 0.34;
    /** At least this share of the sounding script words must match, or the timings are not this script's. */
    static final double MIN_MATCHED_SHARE = 0.75;
    /** Leaving a sounding script word without any vendor word. */
    private static final double SKIP_WORD = 1.0;
    /** Ignoring a vendor word (a filler, a word the vendor added): cheaper than gluing it onto a neighbour. */
    private static final double SKIP_VENDOR = 0.3;
    /** Per vendor word more or fewer than the form being compared has: keeps fillers off real words. */
    private static final double COUNT_PENALTY = 0.15;

    /** The words with their timings, or why not. */
    public record Result(List<TimedWord> words, int matched, int sounding, String firstMiss) {
        public boolean acceptable() {
            return words != null && (sounding == 0 || matched >= Math.ceil(MIN_MATCHED_SHARE * sounding));
        }

        public String describe() {
            return matched + " of " + sounding + " script words matched the vendor's words"
                   + (firstMiss == null ? "" : " (first miss: '" + firstMiss + "')");
        }
    }

    private final TextNormalizer normalizer = new TextNormalizer();

    public Result map(String script, List<TimedWord> vendor) {
        NormalizedScript normalized = normalizer.normalize(script);
        List<SpokenWord> words = normalized.words();
        int n = words.size();
        String[] literal = new String[n];
        String[] spoken = new String[n];
        int[] maxTake = new int[n];
        int[] spokenCount = new int[n];
        for (int i = 0; i < n; i++) {
            literal[i] = key(words.get(i).original());
            StringBuilder s = new StringBuilder();
            words.get(i).spoken().forEach(t -> s.append(key(t)));
            spoken[i] = s.toString();
            spokenCount[i] = words.get(i).spoken().size();
            maxTake[i] = Math.min(16, Math.max(1, spokenCount[i]) + 3);
        }
        List<TimedWord> tokens = vendor.stream().filter(t -> !key(t.word()).isEmpty()).toList();
        String[] tk = tokens.stream().map(t -> key(t.word())).toArray(String[]::new);
        int m = tk.length;

        // Banded DP: cost[i][j] = cheapest way to give the first i script words the first j vendor words.
        int band = 40 + Math.abs(m - n) + (n + m) / 10;
        double[][] cost = new double[n + 1][m + 1];
        int[][] take = new int[n + 1][m + 1];   // >= 0: script word i-1 took that many; -1: vendor word j-1 skipped
        for (double[] row : cost) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        cost[0][0] = 0;
        for (int i = 0; i <= n; i++) {
            int center = n == 0 ? 0 : (int) ((long) i * m / Math.max(1, n));
            int lo = Math.max(0, center - band);
            int hi = Math.min(m, center + band);
            for (int j = lo; j <= hi; j++) {
                if (i == 0 && j == 0) {
                    continue;
                }
                double best = Double.POSITIVE_INFINITY;
                int how = 0;
                if (j > 0 && cost[i][j - 1] + SKIP_VENDOR < best) {
                    best = cost[i][j - 1] + SKIP_VENDOR;
                    how = -1;
                }
                if (i > 0) {
                    boolean silent = literal[i - 1].isEmpty() && spoken[i - 1].isEmpty();
                    double none = cost[i - 1][j] + (silent ? 0 : SKIP_WORD);
                    if (none < best) {
                        best = none;
                        how = 0;
                    }
                    if (!silent) {
                        StringBuilder joined = new StringBuilder();
                        for (int k = 1; k <= maxTake[i - 1] && j - k >= 0; k++) {
                            joined.insert(0, tk[j - k]);
                            double prev = cost[i - 1][j - k];
                            if (prev == Double.POSITIVE_INFINITY) {
                                continue;
                            }
                            double c = prev + segmentCost(joined.toString(), k, literal[i - 1], spoken[i - 1],
                                                          spokenCount[i - 1]);
                            if (c < best) {
                                best = c;
                                how = k;
                            }
                        }
                    }
                }
                cost[i][j] = best;
                take[i][j] = how;
            }
        }
        if (cost[n][m] == Double.POSITIVE_INFINITY) {
            return new Result(null, 0, n, n == 0 ? null : words.getFirst().original());
        }
        // Walk back: the vendor words each script word took.
        int[] from = new int[n];
        int[] to = new int[n];
        for (int i = n, j = m; i > 0 || j > 0; ) {
            int how = take[i][j];
            if (how < 0) {
                j--;
            } else {
                from[i - 1] = j - how;
                to[i - 1] = j;
                j -= how;
                i--;
            }
        }
        int matched = 0;
        int sounding = 0;
        String firstMiss = null;
        TimedWord[] out = new TimedWord[n];
        boolean[] timed = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean silent = literal[i].isEmpty() && spoken[i].isEmpty();
            if (!silent) {
                sounding++;
            }
            if (to[i] > from[i]) {
                StringBuilder joined = new StringBuilder();
                for (int j = from[i]; j < to[i]; j++) {
                    joined.append(tk[j]);
                }
                if (distance(joined.toString(), literal[i], spoken[i]) <= MATCH) {
                    matched++;
                } else if (firstMiss == null) {
                    firstMiss = words.get(i).original();
                }
                out[i] = new TimedWord(words.get(i).original(), tokens.get(from[i]).start(),
                                       Math.max(tokens.get(from[i]).start(), tokens.get(to[i] - 1).end()));
                timed[i] = true;
            } else if (!silent && firstMiss == null) {
                firstMiss = words.get(i).original();
            }
        }
        return new Result(place(words, out, timed, literal, spoken), matched, sounding, firstMiss);
    }

    /**
     * Fills words without a vendor word: a silent one (a dash) sits zero-length where the previous word ended; a
     * run of sounding ones shares the gap between its timed neighbours by length. Times are made monotone.
     */
    private static List<TimedWord> place(List<SpokenWord> words, TimedWord[] out, boolean[] timed, String[] literal,
                                         String[] spoken) {
        int n = words.size();
        List<TimedWord> result = new ArrayList<>(n);
        double lastEnd = 0;
        for (int i = 0; i < n; ) {
            if (timed[i]) {
                double start = Math.max(out[i].start(), lastEnd);
                double end = Math.max(out[i].end(), start);
                result.add(new TimedWord(out[i].word(), start, end));
                lastEnd = end;
                i++;
                continue;
            }
            int j = i;
            while (j < n && !timed[j]) {
                j++;
            }
            double gapEnd = j < n ? Math.max(lastEnd, out[j].start()) : lastEnd;
            int weight = 0;
            for (int k = i; k < j; k++) {
                weight += Math.max(literal[k].length(), spoken[k].length());
            }
            double t = lastEnd;
            for (int k = i; k < j; k++) {
                int w = Math.max(literal[k].length(), spoken[k].length());
                double d = weight == 0 ? 0 : (gapEnd - lastEnd) * w / weight;
                result.add(new TimedWord(words.get(k).original(), t, t + d));
                t += d;
            }
            lastEnd = t;
            i = j;
        }
        return result;
    }

    /** {@link #distance} plus a penalty for taking more or fewer vendor words than the nearer form has. */
    static double segmentCost(String joined, int taken, String literal, String spoken, int spokenCount) {
        double best = Double.POSITIVE_INFINITY;
        if (!literal.isEmpty()) {
            best = levenshtein(joined, literal) / (double) Math.max(joined.length(), literal.length())
                   + COUNT_PENALTY * Math.abs(taken - 1);
        }
        if (!spoken.isEmpty()) {
            best = Math.min(best, levenshtein(joined, spoken) / (double) Math.max(joined.length(), spoken.length())
                                  + COUNT_PENALTY * Math.abs(taken - spokenCount));
        }
        return best == Double.POSITIVE_INFINITY ? 1.0 : best;
    }

    /** Normalised edit distance of the joined vendor words to the nearer of the word's two forms. */
    static double distance(String joined, String literal, String spoken) {
        double best = Double.POSITIVE_INFINITY;
        for (String form : new String[]{literal, spoken}) {
            if (form.isEmpty()) {
                continue;
            }
            best = Math.min(best, levenshtein(joined, form) / (double) Math.max(joined.length(), form.length()));
        }
        return best == Double.POSITIVE_INFINITY ? 1.0 : best;
    }

    /** Lower case letters and digits only, accents removed: what two spellings of one word share. */
    static String key(String word) {
        String s = Normalizer.normalize(word, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
