package org.reelflow.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;

import org.reelflow.support.SseClient.Event;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/** Shared expectations about event streams. */
public final class Streams {

    /** How long a test waits for anything the server should do promptly. */
    public static final Duration WAIT = Duration.ofSeconds(20);

    private Streams() {
    }

    /** "name type" for each event, e.g. {@code stage:tts start}; every data must parse as a JSON object. */
    public static List<String> shape(List<Event> events) {
        List<String> out = new ArrayList<>();
        for (Event e : events) {
            JsonObject data = TestServer.json(e.data()).asJsonObject();
            out.add(e.name().startsWith("stage:") ? e.name() + " " + data.getString("type") : e.name());
            if (e.name().startsWith("stage:")) {
                assertThat(data.getString("stage"), is(e.name().substring("stage:".length())));
            }
        }
        return out;
    }
}
