package org.reelflow.events;

import java.nio.charset.StandardCharsets;

import jakarta.json.JsonObject;

/**
 * One event of a job's stream: a per-job, monotonically increasing id, an SSE event name
 * ({@code job:completed}, {@code stage:research} …) and a one-line JSON payload.
 * The wire frame is built once here and shared by every subscriber — serializing per subscriber is what makes
 * fan-out to thousands of streams slow (helidon-notes §9).
 */
public record JobEvent(long id, String name, JsonObject data, byte[] frame) {

    public static final String SNAPSHOT = "job:snapshot";
    public static final String COMPLETED = "job:completed";
    public static final String FAILED = "job:failed";

    public static JobEvent of(long id, String name, JsonObject data) {
        return new JobEvent(id, name, data, SseFrames.event(id, name, data.toString()));
    }

    /** A terminal event ends the job's stream: the server closes every connection after writing it. */
    public boolean terminal() {
        return COMPLETED.equals(name) || FAILED.equals(name);
    }

    /** The stage a {@code stage:<s>} event belongs to, or null for job events. */
    public String stage() {
        return name.startsWith("stage:") ? name.substring("stage:".length()) : null;
    }

    @Override
    public String toString() {
        return new String(frame, StandardCharsets.UTF_8).strip();
    }
}
