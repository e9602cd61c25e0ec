package org.reelflow.jobs;

import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.reelflow.providers.ProviderChoice;

/**
 * A validated job submission. {@code keys} (BYOK API keys) live only in memory for the job's run: they are left
 * out of {@link #toJson()}, and so out of every file, event and log line.
 *
 * @param archetype   requested archetype, null = the director chooses
 * @param pacing      requested pacing tier key, null = the archetype's
 * @param replayScore a validated DirectorScore to replay (research and critic are skipped), or null
 * @param maxCostUsd  per-job spending cap, null = the server's default
 */
public record JobRequest(String topic,
                         String archetype,
                         String pacing,
                         String platform,
                         boolean dryRun,
                         boolean noMusic,
                         boolean noVideo,
                         String direction,
                         JsonObject replayScore,
                         ProviderChoice providers,
                         Double maxCostUsd,
                         Map<String, String> keys) {

    public JobRequest {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        providers = providers == null ? ProviderChoice.defaults() : providers;
    }

    public boolean replay() {
        return replayScore != null;
    }

    /** The same request with the BYOK keys dropped — what remains once the job no longer runs. */
    public JobRequest withoutKeys() {
        return new JobRequest(topic, archetype, pacing, platform, dryRun, noMusic, noVideo, direction, replayScore,
                              providers, maxCostUsd, Map.of());
    }

    /** What is persisted (request.json): everything but the keys. */
    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("topic", topic);
        if (archetype != null) {
            b.add("archetype", archetype);
        }
        if (pacing != null) {
            b.add("pacing", pacing);
        }
        b.add("platform", platform).add("dryRun", dryRun).add("noMusic", noMusic).add("noVideo", noVideo);
        if (direction != null) {
            b.add("direction", direction);
        }
        if (replayScore != null) {
            b.add("score", replayScore);
        }
        b.add("providers", providers.toJson());
        if (maxCostUsd != null) {
            b.add("maxCostUsd", maxCostUsd);
        }
        return b.build();
    }

    /** Reads what {@link #toJson()} wrote (no keys: a restarted job uses the server's own). */
    public static JobRequest fromJson(JsonObject o) {
        return new JobRequest(o.getString("topic"), o.getString("archetype", null), o.getString("pacing", null),
                              o.getString("platform", "youtube"), o.getBoolean("dryRun", false),
                              o.getBoolean("noMusic", false), o.getBoolean("noVideo", false),
                              o.getString("direction", null), o.getJsonObject("score"),
                              ProviderChoice.fromJson(o.getJsonObject("providers")),
                              o.containsKey("maxCostUsd") ? o.getJsonNumber("maxCostUsd").doubleValue() : null,
                              Map.of());
    }
}
