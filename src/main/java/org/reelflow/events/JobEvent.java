package org.reelflow.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import jakarta.json.JsonObject;

/**
 * One event of a job's stream as it is logged and published: a per-job, monotonically increasing id, the typed
 * {@link Event}, its SSE name and one-line JSON payload, and the wire frame. The frame is built once here and
 * shared by every subscriber — serializing per subscriber is what makes fan-out to thousands of streams slow.
 *
 * @param at when it happened: kept in the log beside the event, not on the wire (OpenReels' payloads have no time),
 *           so that folding the log dates the record (startedAt, completedAt) exactly as it was dated live. Null
 *           for an event that is never logged (a snapshot) and for one read from a log of an older version.
 */
public record JobEvent(long id, Event event, String name, JsonObject data, byte[] frame, Instant at) {

    /** A new event: encoded once, here. */
    public static JobEvent of(long id, Event event, Instant at) {
        String name = EventCodec.name(event);
        JsonObject data = EventCodec.data(event);
        return new JobEvent(id, event, name, data, SseFrames.event(id, name, data.toString()), at);
    }

    /** An event that is sent but never logged (a snapshot, a wake-up): it has no place in the job's history. */
    public static JobEvent unlogged(long id, Event event) {
        return of(id, event, null);
    }

    /** An event read back (from the log): the payload stays as it was written, whether or not it decodes. */
    public static JobEvent read(long id, String name, JsonObject data, Instant at) {
        return new JobEvent(id, EventCodec.decode(name, data), name, data, SseFrames.event(id, name, data.toString()), at);
    }

    /** A terminal event ends the job's stream: the server closes every connection after writing it. */
    public boolean terminal() {
        return event.terminal();
    }

    @Override
    public String toString() {
        return new String(frame, StandardCharsets.UTF_8).strip();
    }
}
