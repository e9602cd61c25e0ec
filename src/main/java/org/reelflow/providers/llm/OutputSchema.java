package org.reelflow.providers.llm;

import jakarta.json.JsonObject;

/**
 * What a structured call must return: a JSON Schema sent to the vendor (a subset every vendor accepts: object,
 * array, string, enum, number, integer, boolean, null, anyOf, required, additionalProperties, description), and a
 * reader that validates the answer against the project's own rules and turns it into a value.
 *
 * @param name       a short identifier, e.g. {@code director_score} (vendors require {@code [a-zA-Z0-9_-]})
 * @param jsonSchema the JSON Schema of the answer; its root is an object
 * @param reader     throws {@link InvalidOutputException} with a readable reason when the answer does not fit
 */
public record OutputSchema<T>(String name, JsonObject jsonSchema, Reader<T> reader) {

    /** Turns a vendor's JSON answer into a value, or says why it cannot. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(JsonObject json) throws InvalidOutputException;
    }

    /** The answer was well-formed JSON but broke the schema or a rule the schema cannot express. */
    public static final class InvalidOutputException extends Exception {
        public InvalidOutputException(String message) {
            super(message);
        }
    }
}
