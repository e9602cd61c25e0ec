package org.reelflow.events;

import java.nio.charset.StandardCharsets;

/**
 * Server-Sent Events framing, written by hand: Helidon's SseSink cannot write {@code retry:},
 * and pre-framed bytes let one serialization serve every subscriber. Field names are followed by one space, as
 * OpenReels writes them ({@code event: <name>}); every data payload is a single line of JSON.
 */
public final class SseFrames {

    private SseFrames() {
    }

    /** A named event with an id; {@code id < 0} writes no id line. */
    public static byte[] event(long id, String name, String jsonLine) {
        if (jsonLine.indexOf('\n') >= 0 || jsonLine.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("SSE data must be one line: " + jsonLine);
        }
        StringBuilder sb = new StringBuilder(jsonLine.length() + name.length() + 32);
        if (id >= 0) {
            sb.append("id: ").append(id).append('\n');
        }
        sb.append("event: ").append(name).append('\n');
        sb.append("data: ").append(jsonLine).append("\n\n");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A comment line: ignored by EventSource, but a write that finds dead connections and keeps proxies open. */
    public static byte[] comment(String text) {
        return (": " + text + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The reconnection delay hint sent once on connect. */
    public static byte[] retry(long millis) {
        return ("retry: " + millis + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
