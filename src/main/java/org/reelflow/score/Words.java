package org.reelflow.score;

import java.util.regex.Pattern;

/** Word counting for narration budgets: words are runs of non-whitespace (Unicode whitespace included). */
public final class Words {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private Words() {
    }

    public static int count(String text) {
        String trimmed = text == null ? "" : WHITESPACE.matcher(text).replaceAll(" ").strip();
        return trimmed.isEmpty() ? 0 : trimmed.split(" ").length;
    }

    /** The words of {@code text} in order; empty for blank text. */
    public static String[] split(String text) {
        String trimmed = text == null ? "" : WHITESPACE.matcher(text).replaceAll(" ").strip();
        return trimmed.isEmpty() ? new String[0] : trimmed.split(" ");
    }
}
