package org.reelflow.providers.stock;

import java.util.List;

import org.reelflow.events.StageEvent;

/**
 * A step of a stock resolution, in the resolver's own terms; {@link #toEvent()} is the {@code stage:visuals} event
 * OpenReels emits for it, which the stage forwards.
 */
public sealed interface StockEvent {

    int scene();

    StageEvent toEvent();

    /** A candidate the vision model accepted (relevant, confidence ≥ threshold): {@code stock_verified}. */
    record Verified(int scene, String query, double confidence, String reason) implements StockEvent {
        public StageEvent toEvent() {
            return new StageEvent.StockVerified(scene, query, confidence, reason);
        }
    }

    /**
     * A candidate used without a verdict — verification is off, or the vision model failed — reported as
     * {@code stock_unverified} with {@code confidence -1} (OpenReels reports both as {@code stock_verified}, its bug
     * §1.8-12).
     */
    record Unverified(int scene, String query, String reason) implements StockEvent {
        public StageEvent toEvent() {
            return new StageEvent.StockUnverified(scene, query, reason);
        }
    }

    /** A candidate the vision model turned down: {@code stock_rejected}. */
    record Rejected(int scene, String query, double confidence, String reason) implements StockEvent {
        public StageEvent toEvent() {
            return new StageEvent.StockRejected(scene, query, confidence, reason);
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

        public StageEvent toEvent() {
            return new StageEvent.StockReformulated(scene, queries);
        }
    }

    /** Stock gave up; an AI picture follows: {@code stock_fallback {scene, attempts}}. */
    record Fallback(int scene, int attempts) implements StockEvent {
        public StageEvent toEvent() {
            return new StageEvent.StockFallback(scene, attempts);
        }
    }
}
