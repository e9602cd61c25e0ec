package org.reelflow.media;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** One spoken word of the voiceover with its start and end in seconds from the start of the audio. */
public record TimedWord(String word, double start, double end) {

    public TimedWord {
        if (end < start) {
            throw new IllegalArgumentException("word '" + word + "' ends before it starts: " + start + " > " + end);
        }
    }

    public JsonObject toJson() {
        return Json.createObjectBuilder().add("word", word).add("start", start).add("end", end).build();
    }

    public static TimedWord fromJson(JsonObject json) {
        return new TimedWord(json.getString("word"), json.getJsonNumber("start").doubleValue(),
                             json.getJsonNumber("end").doubleValue());
    }
}
