package org.reelflow.writer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.reelflow.score.Words;

/** Text helpers: turns topics and directions into short phrases for narration, headlines and search queries. */
final class LineBuilder {

    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "at", "by", "from", "about", "as",
            "is", "are", "was", "were", "be", "it", "its", "that", "this", "these", "those", "how", "why", "what",
            "when", "where", "who", "which", "do", "does", "did", "can", "could", "should", "would", "will", "into",
            "your", "our", "their", "my", "vs", "versus", "but", "so", "than", "then");
    private static final Set<String> TRAILING_LABELS = Set.of(
            "explained", "explainer", "101", "basics", "overview", "guide", "facts", "story");
    private static final int MAX_SUBJECT_WORDS = 8;
    private static final int MAX_SHORT_SUBJECT_WORDS = 4;
    private static final int MAX_WORD_CHARS = 40;

    private LineBuilder() {
    }

    /** Em and en dashes become spaces (the narration never uses them), whitespace collapses, end punctuation goes. */
    static String clean(String text) {
        String s = text == null ? "" : text.replace('\u2014', ' ').replace('\u2013', ' ');
        s = String.join(" ", Words.split(s));
        return s.replaceAll("[\\s.?!:;,]+$", "");
    }

    /** Words that open a question even when the topic has no question mark ("Why the sky is blue"). */
    private static final Set<String> QUESTION_OPENERS = Set.of("why", "how", "what", "when", "where", "who",
            "which", "can", "could", "do", "does", "did", "is", "are", "should", "would", "will");

    static boolean isQuestion(String topic) {
        if (topic == null || topic.isBlank()) {
            return false;
        }
        String[] words = Words.split(topic.strip());
        return topic.strip().endsWith("?")
               || words.length >= 3 && QUESTION_OPENERS.contains(bare(words[0]).toLowerCase(Locale.ROOT));
    }

    /**
     * The topic as a noun phrase for the hook: its first words, cut back so it does not end on a function word.
     * Question topics become "this question" (the hook asks the question itself).
     */
    static String subject(String topic) {
        if (isQuestion(topic)) {
            return "this question";
        }
        String phrase = shorten(clean(topic), MAX_SUBJECT_WORDS);
        return phrase.isEmpty() ? "this topic" : phrase;
    }

    /**
     * The topic's head noun phrase for repeated mentions: what follows the last "of" ("the history of the pencil"
     * → "the pencil"), without labels such as "explained", at most four words.
     */
    static String shortSubject(String topic) {
        String full = subject(topic);
        int of = full.toLowerCase(Locale.ROOT).lastIndexOf(" of ");
        String head = of > 0 && of + 4 < full.length() ? full.substring(of + 4) : full;
        List<String> words = new ArrayList<>(List.of(Words.split(head)));
        while (words.size() > 1 && TRAILING_LABELS.contains(bare(words.getLast()))) {
            words.removeLast();
        }
        String shortened = shorten(String.join(" ", words), MAX_SHORT_SUBJECT_WORDS);
        return shortened.isEmpty() ? full : shortened;
    }

    /** What pictures and stock searches show: the short subject, or a question topic's content words. */
    static String imageSubject(String topic) {
        List<String> words = keywords(topic);
        return isQuestion(topic) && !words.isEmpty() ? String.join(" ", words.subList(0, Math.min(4, words.size())))
                : shortSubject(topic);
    }

    /** At most {@code max} words, no trailing function words or commas, each word at most 40 characters. */
    static String shorten(String text, int max) {
        List<String> words = new ArrayList<>();
        for (String w : Words.split(text)) {
            if (words.size() == max) {
                break;
            }
            words.add(w.codePointCount(0, w.length()) > MAX_WORD_CHARS
                              ? w.substring(0, w.offsetByCodePoints(0, MAX_WORD_CHARS)) : w);
        }
        while (words.size() > 1 && STOP_WORDS.contains(bare(words.getLast()))) {
            words.removeLast();
        }
        if (!words.isEmpty() && STOP_WORDS.contains(bare(words.getFirst()))) {
            words.set(0, words.getFirst().toLowerCase(Locale.ROOT));
        }
        return String.join(" ", words).replaceAll("[,;:]+$", "");
    }

    /** Content words, lowercased and stripped of punctuation: the raw material of stock search queries. */
    static List<String> keywords(String text) {
        List<String> out = new ArrayList<>();
        for (String w : Words.split(clean(text))) {
            String b = bare(w);
            if (!b.isEmpty() && !STOP_WORDS.contains(b) && !out.contains(b)) {
                out.add(b);
            }
        }
        return out;
    }

    /** "the basics of ink" → "The Basics Of Ink": for text cards. */
    static String titleCase(String text) {
        List<String> out = new ArrayList<>();
        for (String w : Words.split(text)) {
            int first = w.codePointAt(0);
            out.add(new StringBuilder().appendCodePoint(Character.toTitleCase(first))
                            .append(w.substring(Character.charCount(first))).toString());
        }
        return String.join(" ", out);
    }

    static String fill(String template, String x) {
        return template.replace("{x}", x);
    }

    private static String bare(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}'-]", "");
    }
}
