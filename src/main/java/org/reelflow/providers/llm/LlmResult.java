package org.reelflow.providers.llm;

import jakarta.json.JsonObject;

/**
 * A structured call's answer: the validated value, the JSON it was read from, and the tokens of every request the
 * call made (a web-search call makes two passes, and may retry the second).
 */
public record LlmResult<T>(T value, JsonObject json, Usage usage) {
}
