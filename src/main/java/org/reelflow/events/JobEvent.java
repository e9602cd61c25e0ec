package org.reelflow.events;

import java.nio.charset.StandardCharsets;

import jakarta.json.JsonObject;

/**
 * One event of a job's stream as it is logged and published: a per-job, monotonically increasing id, the typed
 * {@link Event}, its SSE name and one-line JSON payload, and the wire frame. The frame is built once here and
 * shared by every subscriber — serializing per subscriber is what makes fan-out to thousands of streams slow.
 */
public record JobEvent(long id, Event event, String name, JsonObject data, byte[] frame) {

    /** A new event: encoded once, here. */
    public static JobEvent of(long id, Event event) {
        String name = EventCodec.name(event);
        JsonObject data = EventCodec.data(event);
        return new JobEvent(id, event, name, data, SseFrames.event(id, name, data.toString()));
    }

    /** An event read back (from the log): the payload stays as it was written, whether or not it decodes. */
    public static JobEvent read(long id, String name, JsonObject data) {
        return new JobEvent(id, EventCodec.decode(name, data), name, data, SseFrames.event(id, name, data.toString()));
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
