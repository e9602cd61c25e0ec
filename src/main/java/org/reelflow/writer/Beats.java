package org.reelflow.writer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.reelflow.score.Words;

/**
 * What the body scenes talk about: first whatever the producer's direction names, then the phrasebook's angles on
 * the topic. Tone instructions in the direction ("make it funny") are not narration and are skipped.
 */
final class Beats {

    /** One body scene's idea: candidate cores (best first), its text-card headline and the subject of its image. */
    record Beat(List<String> cores, String headline, String imageSubject) {
    }

    private static final List<String> INSTRUCTION_PREFIXES = List.of(
            "make sure to mention ", "be sure to mention ", "focus on ", "talk about ", "touch on ", "mention ",
            "emphasize ", "emphasise ", "highlight ", "explain ", "cover ", "include ", "discuss ", "explore ",
            "describe ", "feature ", "show ");
    private static final List<String> DIRECTIVE_VERBS = List.of(
            "make", "keep", "use", "be", "avoid", "don't", "do", "try", "aim", "target", "write", "end", "start",
            "open", "close", "add", "set", "give", "tell", "say", "go", "stay", "sound", "no", "never", "always");
    private static final int MAX_FOCUS_WORDS = 8;
    private static final int MAX_STATEMENT_WORDS = 10;
    static final int MAX_DIRECTION_SENTENCES = 8;

    private Beats() {
    }

    /** The direction split into sentences (at most eight), or empty when there is none. */
    static List<String> sentences(String direction) {
        if (direction == null || direction.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : direction.strip().split("(?<=[.!?])\\s+|\\R+")) {
            String s = String.join(" ", Words.split(part.replace('\u2014', ' ').replace('\u2013', ' ')));
            if (!s.isEmpty() && out.size() < MAX_DIRECTION_SENTENCES) {
                out.add(s);
            }
        }
        return out;
    }

    /** Body beats in narration order: direction first, then topic angles, repeated if a plan needs more. */
    static List<Beat> forPlan(String subject, String imageSubject, String direction, int count) {
        List<Beat> beats = new ArrayList<>();
        for (String sentence : sentences(direction)) {
            Beat beat = fromDirection(sentence, subject);
            if (beat != null) {
                beats.add(beat);
            }
        }
        for (Phrasebook.Angle angle : Phrasebook.ANGLES) {
            beats.add(new Beat(withFallbacks(angle.cores(), subject, subject), angle.headline(), imageSubject));
        }
        List<Beat> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(beats.get(i % beats.size()));
        }
        return out;
    }

    private static Beat fromDirection(String sentence, String subject) {
        String request = sentence.replaceFirst("(?i)^please\\s+", "");
        for (String prefix : INSTRUCTION_PREFIXES) {
            if (request.regionMatches(true, 0, prefix, 0, prefix.length())) {
                String focus = LineBuilder.shorten(LineBuilder.clean(request.substring(prefix.length())), MAX_FOCUS_WORDS);
                return focus.isEmpty() ? null : new Beat(withFallbacks(Phrasebook.FOCUS_CORES, focus, focus),
                                                         LineBuilder.titleCase(LineBuilder.shorten(focus, 4)), focus);
            }
        }
        String first = Words.split(request.toLowerCase(Locale.ROOT))[0].replaceAll("[^\\p{L}']", "");
        if (DIRECTIVE_VERBS.contains(first) || Words.count(sentence) > MAX_STATEMENT_WORDS) {
            return null;
        }
        String statement = sentence.matches(".*[.!?]$") ? sentence : sentence + ".";
        String gist = LineBuilder.shorten(LineBuilder.clean(sentence), 4);
        return new Beat(withFallbacks(Phrasebook.STATEMENT_CORES, statement, subject), LineBuilder.titleCase(gist),
                        LineBuilder.shorten(LineBuilder.clean(sentence), MAX_FOCUS_WORDS));
    }

    private static List<String> withFallbacks(List<String> templates, String x, String fallbackX) {
        List<String> cores = new ArrayList<>();
        templates.forEach(t -> cores.add(LineBuilder.fill(t, x)));
        Phrasebook.BODY_FALLBACKS.forEach(t -> cores.add(LineBuilder.fill(t, fallbackX)));
        return cores;
    }
}
