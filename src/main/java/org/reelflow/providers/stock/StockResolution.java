package org.reelflow.providers.stock;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * How a stock scene was resolved. {@link #toLogJson()} is the {@code log.json} {@code stockResolutions[]} entry.
 *
 * @param file             the scene's asset ({@code scene-<i>-stock.jpg|.mp4}, or the AI fallback's picture); null
 *                         when the fallback failed too (or none was given)
 * @param candidate        the stock hit used; null for {@link Method#AI_FALLBACK}
 * @param confidence       the vision model's confidence; -1 when unverified or not stock
 * @param rejectionContext what was handed to the AI fallback; null when nothing was rejected
 * @param fallbackError    why the AI fallback failed, when it did
 */
public record StockResolution(int scene, Method method, Path file, StockCandidate candidate, String query, double confidence,
                              List<Attempt> attempts, String originalQuery, String rejectionContext, String fallbackError) {

    public StockResolution {
        attempts = List.copyOf(attempts);
    }

    public enum Method {
        STOCK_VERIFIED, STOCK_UNVERIFIED, AI_FALLBACK;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What one candidate (or one empty/failed search) came to. */
    public enum Result {
        VERIFIED, REJECTED, UNVERIFIED, NOT_FOUND, ERROR;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param candidateId null for a search that found nothing or failed
     * @param confidence  null when no verdict was given
     */
    public record Attempt(String query, String provider, String candidateId, Result result, Double confidence, String reason) {
    }

    /** A video's length when a stock clip was used; 0 otherwise. */
    public double durationSeconds() {
        return candidate != null && candidate.video() ? candidate.durationSeconds() : 0;
    }

    public JsonObject toLogJson() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (Attempt a : attempts) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("query", a.query()).add("provider", a.provider())
                    .add("candidateId", a.candidateId() == null ? "" : a.candidateId()).add("result", a.result().key());
            if (a.confidence() != null) {
                b.add("confidence", a.confidence());
            }
            if (a.reason() != null) {
                b.add("reason", a.reason());
            }
            list.add(b);
        }
        return Json.createObjectBuilder().add("method", method.key()).add("attempts", list).add("originalQuery", originalQuery).build();
    }
}
