package org.reelflow.providers.stock;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A step of a stock resolution, as the {@code stage:visuals} event OpenReels emits for it: {@link #type()} is the
 * event's {@code type}, {@link #data()} its other fields. The stage forwards them with {@code ctx.emit}.
 */
public sealed interface StockEvent {

    int scene();

    String type();

    JsonObject data();

    /** A candidate the vision model accepted (relevant, confidence ≥ threshold): {@code stock_verified}. */
    record Verified(int scene, String query, double confidence, String reason) implements StockEvent {
        public String type() {
            return "stock_verified";
        }

        public JsonObject data() {
            return withReason(Json.createObjectBuilder().add("scene", scene).add("query", query).add("confidence", confidence), reason);
        }
    }

    /**
     * A candidate used without a verdict — verification is off, or the vision model failed — reported as
     * {@code stock_unverified} with {@code confidence -1} (OpenReels reports both as {@code stock_verified}, its bug
     * §1.8-12).
     */
    record Unverified(int scene, String query, String reason) implements StockEvent {
        public String type() {
            return "stock_unverified";
        }

        public JsonObject data() {
            return withReason(Json.createObjectBuilder().add("scene", scene).add("query", query).add("confidence", -1), reason);
        }
    }

    /** A candidate the vision model turned down: {@code stock_rejected}. */
    record Rejected(int scene, String query, double confidence, String reason) implements StockEvent {
        public String type() {
            return "stock_rejected";
        }

        public JsonObject data() {
            return withReason(Json.createObjectBuilder().add("scene", scene).add("query", query).add("confidence", confidence), reason);
        }
    }

    /**
     * {@code stock_reformulated}: sent twice, as OpenReels does — with no queries when the rewrite starts (so a
     * client can show progress during the LLM call), then with the new queries.
     */
    record Reformulated(int scene, List<String> queries) implements StockEvent {
        public Reformulated {
            queries = List.copyOf(queries);
        }

        public String type() {
            return "stock_reformulated";
        }

        public JsonObject data() {
            var list = Json.createArrayBuilder();
            queries.forEach(list::add);
            return Json.createObjectBuilder().add("scene", scene).add("queries", list).build();
        }
    }

    /** Stock gave up; an AI picture follows: {@code stock_fallback {scene, attempts}}. */
    record Fallback(int scene, int attempts) implements StockEvent {
        public String type() {
            return "stock_fallback";
        }

        public JsonObject data() {
            return Json.createObjectBuilder().add("scene", scene).add("attempts", attempts).build();
        }
    }

    private static JsonObject withReason(JsonObjectBuilder b, String reason) {
        if (reason != null) {
            b.add("reason", reason);
        }
        return b.build();
    }
}
