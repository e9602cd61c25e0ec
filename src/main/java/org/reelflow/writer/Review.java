package org.reelflow.writer;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A critic's verdict on a plan, OpenReels' critic output. {@code weakestSceneIndex} is 0-based like every scene index
 * on the wire; {@code revisionInstructions} and {@code weakestSceneIndex} are null when there is nothing to fix.
 */
public record Review(double score,
                     List<String> strengths,
                     List<String> weaknesses,
                     boolean revisionNeeded,
                     String revisionInstructions,
                     Integer weakestSceneIndex) {

    /** Scores at or above this pass the quality gate. */
    public static final int PASS_THRESHOLD = 7;

    public Review {
        strengths = List.copyOf(strengths);
        weaknesses = List.copyOf(weaknesses);
    }

    /** The {@code review} event payload and {@code meta.criticReview}. */
    public JsonObject toEventJson() {
        return Json.createObjectBuilder()
                .add("score", scoreJson())
                .add("strengths", array(strengths))
                .add("weaknesses", array(weaknesses))
                .build();
    }

    /** Every field, snake_case as the critic's schema names them (for logs and revision prompts). */
    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("score", scoreJson())
                .add("strengths", array(strengths))
                .add("weaknesses", array(weaknesses))
                .add("revision_needed", revisionNeeded);
        if (revisionInstructions == null) {
            b.addNull("revision_instructions");
        } else {
            b.add("revision_instructions", revisionInstructions);
        }
        if (weakestSceneIndex == null) {
            b.addNull("weakest_scene_index");
        } else {
            b.add("weakest_scene_index", weakestSceneIndex);
        }
        return b.build();
    }

    /** Whole scores are written as integers ({@code 8}, not {@code 8.0}), as a JavaScript critic would. */
    private jakarta.json.JsonNumber scoreJson() {
        return score == Math.rint(score) && Math.abs(score) < 1e9
                ? Json.createValue((long) score)
                : Json.createValue(score);
    }

    private static JsonArrayBuilder array(List<String> items) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        items.forEach(b::add);
        return b;
    }
}
