package org.reelflow.cli;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;

import org.reelflow.events.Event;
import org.reelflow.events.StageEvent;
import org.reelflow.events.StageName;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

class SseParserTest {

    private static List<StreamEvent> parse(SseParser p, String text) {
        List<StreamEvent> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            StreamEvent e = p.line(line);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void framesCommentsRetryAndIds() {
        SseParser p = new SseParser();
        List<StreamEvent> events = parse(p, """
                retry: 3000

                : heartbeat

                id: 7
                event: stage:director
                data: {"stage":"director","type":"complete","detail":"9 scenes, infographic","durationSec":0.03}

                id: 8
                event: job:completed
                data: {}

                """);
        assertThat(events.size(), is(2));
        assertThat(events.get(0).id(), is(7L));
        assertThat(events.get(0).event(), is(new StageEvent.StageCompleted(StageName.DIRECTOR, "9 scenes, infographic", 0.03)));
        assertThat(events.get(1).terminal(), is(true));
        assertThat(p.lastEventId(), is("8"));
        assertThat(p.retryMillis(), is(3000L));
    }

    @Test
    void multiLineDataNoSpaceAfterColonAndDefaults() {
        SseParser p = new SseParser();
        List<StreamEvent> events = parse(p, "data:{\"a\":\ndata: 1}\n\nevent:x\n\n");
        assertThat(events.size(), is(1));
        assertThat("a nameless event is a message, which no Reelflow event is",
                   events.get(0).event(), is(new Event.Unknown("message", Json.createObjectBuilder().add("a", 1).build())));
        assertThat(events.get(0).id(), is(-1L));
    }

    @Test
    void aHalfReceivedEventIsDroppedOnReconnect() {
        SseParser p = new SseParser();
        parse(p, "id: 3\nevent: stage:tts\ndata: {\"stage\":\"tts\",\"type\":\"start\"}\n\nevent: stage:tts\ndata: {\"type\":\"comp");
        p.reset();
        List<StreamEvent> events = parse(p, "id: 4\nevent: stage:tts\ndata: {\"stage\":\"tts\",\"type\":\"skipped\",\"reason\":\"r\"}\n\n");
        assertThat(events.size(), is(1));
        assertThat(events.get(0).event(), is(new StageEvent.StageSkipped(StageName.TTS, "r")));
        assertThat(p.lastEventId(), is("4"));
    }
}
