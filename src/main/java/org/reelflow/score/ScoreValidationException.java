package org.reelflow.score;

import java.util.List;

/** A DirectorScore failed the schema. Every issue is kept; the message lists them as {@code path: message; …}. */
public final class ScoreValidationException extends Exception {

    private final List<String> issues;

    public ScoreValidationException(List<String> issues) {
        super(String.join("; ", issues));
        this.issues = List.copyOf(issues);
    }

    /** Each issue as {@code path: message}, or the bare message for whole-score issues such as the golden rule. */
    public List<String> issues() {
        return issues;
    }
}
