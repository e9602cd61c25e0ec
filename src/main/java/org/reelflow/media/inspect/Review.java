package org.reelflow.media.inspect;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;

/** The critic's verdict: a 1–10 score with strengths and weaknesses a person can act on. */
public record Review(int score, List<String> strengths, List<String> weaknesses) {

    public Review {
        strengths = List.copyOf(strengths);
        weaknesses = List.copyOf(weaknesses);
    }

    public JsonObject toJson() {
        JsonArrayBuilder s = Json.createArrayBuilder();
        strengths.forEach(s::add);
        JsonArrayBuilder w = Json.createArrayBuilder();
        weaknesses.forEach(w::add);
        return Json.createObjectBuilder().add("score", score).add("strengths", s).add("weaknesses", w).build();
    }
}
