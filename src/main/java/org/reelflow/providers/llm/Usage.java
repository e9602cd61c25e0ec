package org.reelflow.providers.llm;

/** Tokens one or more LLM calls consumed, as the vendor reported them (0 when it reported none). */
public record Usage(long inputTokens, long outputTokens) {

    public static final Usage ZERO = new Usage(0, 0);

    public Usage plus(Usage other) {
        return other == null ? this : new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }
}
