package org.reelflow.catalog;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * An output target. Only width, height and fps drive rendering; the durations are advisory, as in OpenReels
 * (codec is always h264 there, so it is not modelled).
 */
public record Platform(String name,
                       int width,
                       int height,
                       int fps,
                       int maxDurationSeconds,
                       int recommendedMinSeconds,
                       int recommendedMaxSeconds) {

    static Platform fromJson(JsonObject json) {
        JsonObject recommended = json.getJsonObject("recommendedDurationSeconds");
        return new Platform(json.getString("name"), json.getInt("width"), json.getInt("height"), json.getInt("fps"),
                            json.getInt("maxDurationSeconds"), recommended.getInt("min"), recommended.getInt("max"));
    }

    /** One item of {@code GET /api/v1/platforms}. */
    public JsonObject toApiJson() {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("width", width)
                .add("height", height)
                .add("fps", fps)
                .add("maxDurationSeconds", maxDurationSeconds)
                .build();
    }
}
