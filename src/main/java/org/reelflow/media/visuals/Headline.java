package org.reelflow.media.visuals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a scene's visual prompt into words worth putting on a card. The reference drew the script line on text cards,
 * which the captions then repeated word for word; a headline taken from the visual prompt adds information instead.
 */
public final class Headline {

    /** Camera and medium phrasing that describes the picture rather than its subject. */
    private static final List<String> FRAMING = List.of(
            "a close-up of ", "close-up of ", "closeup of ", "an extreme close-up of ", "a wide shot of ", "wide shot of ",
            "an aerial view of ", "aerial view of ", "a shot of ", "shot of ", "an image of ", "image of ",
            "a photo of ", "photo of ", "a photograph of ", "an illustration of ", "illustration of ",
            "text card: ", "text card ", "title card: ", "a bold text card reading ", "bold text reading ",
            "text reading ", "text: ", "bold text reading: ", "text reading: ", "text card reading: ", "a ", "an ", "the ");

    private static final Set<String> STOPWORDS = Set.of(
            "the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "with", "for", "from", "by", "into", "over",
            "under", "its", "his", "her", "their", "this", "that", "these", "those", "is", "are", "was", "were", "be",
            "as", "while", "against", "through", "between", "showing", "featuring", "background", "foreground",
            "dramatic", "lighting", "close", "shot", "view", "image", "scene", "style", "vertical", "text", "card",
            "reading", "bold", "large", "small", "very");

    private Headline() {
    }

    /**
     * The headline: the prompt's first clause without framing phrases, at most {@code maxWords} words, first letter
     * capitalised; the script line when the prompt is blank.
     */
    public static String from(String visualPrompt, String scriptLine, int maxWords) {
        String source = visualPrompt == null || visualPrompt.isBlank() ? scriptLine : visualPrompt;
        if (source == null || source.isBlank()) {
            return "";
        }
        String s = stripFraming(source.strip().replaceAll("[\"“”]", ""));
        String[] clauses = s.split("\\s*[,;:.!?—–]\\s+|\\s+-\\s+|[.!?]$");
        String clause = stripFraming(clauses.length > 0 && !clauses[0].isBlank() ? clauses[0].strip() : s);
        String[] words = clause.split("\\s+");
        if (words.length > maxWords) {
            clause = String.join(" ", Arrays.copyOf(words, maxWords));
        }
        return Character.toUpperCase(clause.charAt(0)) + clause.substring(1);
    }

    private static String stripFraming(String text) {
        String clause = text;
        String lower = clause.toLowerCase(Locale.ROOT);
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String f : FRAMING) {
                if (lower.startsWith(f) && clause.length() > f.length() + 2) {
                    clause = clause.substring(f.length()).strip();
                    lower = clause.toLowerCase(Locale.ROOT);
                    stripped = true;
                }
            }
        }
        return clause;
    }

    /** Up to {@code n} salient words of the prompt (longest non-stopwords first, skipping -ing/-ly words), for illustration typography. */
    public static List<String> keywords(String text, int n) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            // -ing and -ly words are mostly verbs and adverbs: poor subjects for a poster word
            if (w.length() > 2 && !STOPWORDS.contains(w) && !words.contains(w) && !w.endsWith("ing") && !w.endsWith("ly")) {
                words.add(w);
            }
        }
        words.sort(Comparator.comparingInt(String::length).reversed());
        return words.subList(0, Math.min(n, words.size()));
    }
}
