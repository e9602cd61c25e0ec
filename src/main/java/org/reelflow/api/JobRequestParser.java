package org.reelflow.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.reelflow.catalog.Archetypes;
import org.reelflow.catalog.Platforms;
import org.reelflow.jobs.JobRequest;
import org.reelflow.providers.ProviderCatalog;
import org.reelflow.providers.ProviderChoice;
import org.reelflow.score.DirectorScore;
import org.reelflow.score.PacingTier;
import org.reelflow.score.ScoreValidationException;

/**
 * Validates a {@code POST /api/v1/jobs} body in OpenReels' order and with its messages, and
 * closes the reference's gaps: {@code dryRun}, {@code noMusic}, {@code noVideo} must be booleans (the string
 * "false" is not true), {@code keys} must map names to strings, {@code maxCostUsd} must be a non-negative number.
 */
public final class JobRequestParser {

    static final int MAX_TOPIC = 500;
    static final int MAX_DIRECTION_BYTES = 10_240;
    /** Far above any one short's cost (a few dollars); a cap beyond it is a mistake, not a budget. */
    static final double MAX_COST_USD = 10_000;

    private final Archetypes archetypes;
    private final Platforms platforms;
    private final Double defaultMaxCost;

    public JobRequestParser(Archetypes archetypes, Platforms platforms) {
        this(archetypes, platforms, null);
    }

    /** @param defaultMaxCost the server's cap for jobs that name none ({@code cost.max-usd}), or null */
    public JobRequestParser(Archetypes archetypes, Platforms platforms, Double defaultMaxCost) {
        this.archetypes = archetypes;
        this.platforms = platforms;
        this.defaultMaxCost = defaultMaxCost;
    }

    public JobRequest parse(JsonObject body) {
        String topic = body.get("topic") instanceof JsonString s ? s.getString().trim() : "";
        if (topic.isEmpty()) {
            throw ApiException.badRequest("topic is required");
        }
        if (topic.length() > MAX_TOPIC) {
            throw ApiException.badRequest("topic must be 500 characters or fewer");
        }
        String archetype = optionalText(body, "archetype");
        if (archetype != null && archetypes.find(archetype).isEmpty()) {
            throw ApiException.badRequest("Unknown archetype: " + archetype);
        }
        String pacing = optionalText(body, "pacing");
        if (pacing != null && PacingTier.of(pacing).isEmpty()) {
            throw ApiException.badRequest("Unknown pacing tier: " + pacing + ". Available: " + String.join(", ", PacingTier.keys()));
        }
        String platform = optionalText(body, "platform");
        if (platform != null && platforms.find(platform).isEmpty()) {
            throw ApiException.badRequest("Unknown platform: " + platform + ". Available: " + String.join(", ", platforms.names()));
        }
        String direction = direction(body);
        JsonObject replay = replayScore(body);
        return new JobRequest(topic, archetype, pacing, platform == null ? Platforms.DEFAULT : platform,
                              flag(body, "dryRun"), flag(body, "noMusic"), flag(body, "noVideo"),
                              replay == null ? direction : null,     // direction is dropped when replaying, as the reference
                              replay, providers(body), maxCost(body) != null ? maxCost(body) : defaultMaxCost, keys(body));
    }

    private static String direction(JsonObject body) {
        JsonValue v = body.get("direction");
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw ApiException.badRequest("direction must be a string");
        }
        if (s.getString().getBytes(StandardCharsets.UTF_8).length > MAX_DIRECTION_BYTES) {
            throw ApiException.badRequest("direction exceeds 10KB limit");
        }
        String trimmed = s.getString().trim();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private JsonObject replayScore(JsonObject body) {
        JsonValue v = body.get("score");
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        DirectorScore score;
        try {
            score = DirectorScore.parse(v);
        } catch (ScoreValidationException e) {
            throw ApiException.badRequest("Invalid DirectorScore: " + e.getMessage());
        }
        DirectorScore.unknownArchetype(score, archetypes).ifPresent(a -> {
            throw ApiException.badRequest("Score references unknown archetype: " + a);
        });
        return score.toJson();      // unknown keys stripped, as the reference
    }

    /** A truthy-or-absent text field: the reference ignores "" and null. */
    private static String optionalText(JsonObject body, String field) {
        JsonValue v = body.get(field);
        if (v == null || v == JsonValue.NULL || v == JsonValue.FALSE) {
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw ApiException.badRequest(field + " must be a string");
        }
        return s.getString().isEmpty() ? null : s.getString();
    }

    /** Absent is false; null is refused: {@code dryRun: null} must not quietly start a full, paid job. */
    private static boolean flag(JsonObject body, String field) {
        JsonValue v = body.get(field);
        if (v == null) {
            return false;
        }
        if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
            return v == JsonValue.TRUE;
        }
        throw ApiException.badRequest(field + " must be true or false");
    }

    private static ProviderChoice providers(JsonObject body) {
        JsonValue v = body.get("providers");
        if (v == null || v == JsonValue.NULL) {
            return ProviderChoice.defaults();
        }
        if (!(v instanceof JsonObject o)) {
            throw ApiException.badRequest("providers must be an object");
        }
        o.forEach((field, value) -> {
            if (value != JsonValue.NULL && !(value instanceof JsonString)) {
                throw ApiException.badRequest("providers." + field + " must be a string");
            }
        });
        ProviderChoice choice = ProviderChoice.fromJson(o);
        choice.names().forEach((field, name) -> {
            String kind = ProviderChoice.kindOf(field);
            if (!ProviderCatalog.known(kind, name)) {
                throw ApiException.badRequest("Unknown providers." + field + ": " + JsonBodies.printable(name)
                                              + ". Available: " + String.join(", ", ProviderCatalog.keys(kind)));
            }
        });
        return choice;
    }

    private static Double maxCost(JsonObject body) {
        JsonValue v = body.get("maxCostUsd");
        if (v == null || v == JsonValue.NULL) {
            return null;
        }
        if (!(v instanceof JsonNumber n) || !(n.doubleValue() >= 0 && n.doubleValue() <= MAX_COST_USD)) {
            throw ApiException.badRequest("maxCostUsd must be a number of dollars from 0 to " + (int) MAX_COST_USD);
        }
        return n.doubleValue();
    }

    private static Map<String, String> keys(JsonObject body) {
        JsonValue v = body.get("keys");
        if (v == null || v == JsonValue.NULL) {
            return Map.of();
        }
        if (!(v instanceof JsonObject o)) {
            throw ApiException.badRequest("keys must be an object of key names to strings");
        }
        Map<String, String> keys = new LinkedHashMap<>();
        o.forEach((name, value) -> {
            if (!(value instanceof JsonString s)) {
                throw ApiException.badRequest("keys." + name + " must be a string");
            }
            if (!s.getString().isBlank()) {
                keys.put(name, s.getString().trim());
            }
        });
        return keys;
    }
}
