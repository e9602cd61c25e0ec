package org.reelflow.jobs;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** A stage's entry in the job record: {@code {status, detail?, durationSec?}}. */
public record StageState(String status, String detail, Double durationSec) {

    public static final StageState PENDING = new StageState("pending", null, null);
    public static final StageState RUNNING = new StageState("running", null, null);

    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("status", status);
        if (detail != null) {
            b.add("detail", detail);
        }
        if (durationSec != null) {
            b.add("durationSec", durationSec);
        }
        return b.build();
    }

    public static StageState fromJson(JsonObject o) {
        return new StageState(o.getString("status", "pending"), o.getString("detail", null),
                              o.containsKey("durationSec") ? o.getJsonNumber("durationSec").doubleValue() : null);
    }
}
