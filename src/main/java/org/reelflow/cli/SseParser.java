package org.reelflow.cli;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.reelflow.events.EventCodec;

/**
 * The event-stream parser of the HTML specification, one line at a time: {@code field: value} (one space after
 * the colon dropped), {@code :} comments ignored, {@code data} lines joined with newlines, a blank line
 * dispatches, {@code id} sets the last event id when its event ends (kept across events), {@code retry} the reconnection delay.
 * An event without data is not dispatched; {@code event} defaults to {@code message}.
 */
final class SseParser {

    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String eventName;
    /** The id field as read so far; it becomes the last event id only when a blank line ends the event. */
    private String idBuffer;
    private String lastEventId;
    private long retryMillis = -1;

    /** @return the event this line completes, or null */
    StreamEvent line(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith(":")) {
            return null;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> eventName = value;
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    idBuffer = value;
                }
            }
            case "retry" -> {
                if (value.matches("\\d{1,9}")) {
                    retryMillis = Long.parseLong(value);
                }
            }
            default -> {
                // unknown fields are ignored
            }
        }
        return null;
    }

    private StreamEvent dispatch() {
        lastEventId = idBuffer;
        try {
            if (!hasData) {
                return null;
            }
            long id = -1;
            try {
                id = lastEventId == null ? -1 : Long.parseLong(lastEventId.trim());
            } catch (NumberFormatException e) {
                // a server whose ids are not numbers: resume by the text, show the event anyway
            }
            return new StreamEvent(id, EventCodec.decode(eventName == null || eventName.isEmpty() ? "message" : eventName,
                                                        json(data.toString())));
        } finally {
            data.setLength(0);
            hasData = false;
            eventName = null;
        }
    }

    private static JsonObject json(String text) {
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            JsonValue v = r.readValue();
            return v instanceof JsonObject o ? o : Json.createObjectBuilder().add("value", v).build();
        } catch (JsonException e) {
            return Json.createObjectBuilder().add("text", text).build();
        }
    }

    /** The id to send as {@code Last-Event-ID} on a reconnect, or null. */
    String lastEventId() {
        return lastEventId;
    }

    /** The server's {@code retry:} hint, or -1. */
    long retryMillis() {
        return retryMillis;
    }

    /**
     * A new connection starts a new event: a half-received one is dropped, with its id, so the resume asks for it
     * again. The last complete event's id and the retry hint stay.
     */
    void reset() {
        idBuffer = lastEventId;
        data.setLength(0);
        hasData = false;
        eventName = null;
    }
}
