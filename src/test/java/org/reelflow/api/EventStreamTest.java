package org.reelflow.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.reelflow.events.StageEvent;
import org.reelflow.events.StageName;
import org.reelflow.pipeline.StageResult;
import org.reelflow.support.FakeStages;
import org.reelflow.support.SseClient;
import org.reelflow.support.SseClient.Event;
import org.reelflow.support.TestServer;

import static org.reelflow.support.Streams.WAIT;
import static org.reelflow.support.Streams.shape;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** The event stream against a real server: sequences, snapshot, terminal events, ids. */
class EventStreamTest {

    @TempDir
    Path dir;

    /** Fakes that emit what the real stages emit, in the reference's order. */
    static FakeStages realisticFakes() {
        return FakeStages.create()
                .with(StageName.RESEARCH, ctx -> StageResult.complete("5 facts")
                        .then(new StageEvent.ResearchResults("s", List.of("f"), "epic")))
                .with(StageName.DIRECTOR, ctx -> StageResult.complete("3 scenes, infographic")
                        .then(new StageEvent.ScoreReady(Json.createObjectBuilder().add("archetype", "infographic").build()))
                        .then(new StageEvent.CostEstimate(Json.createObjectBuilder().add("totalCost", 0.12).build())))
                .with(StageName.TTS, ctx -> StageResult.complete("42 words"))
                .with(StageName.VISUALS, ctx -> {
                    for (int i = 0; i < 2; i++) {
                        ctx.emit(new StageEvent.Asset(i, "text_card", "assets/scene-" + i + "-card.png"));
                    }
                    return StageResult.complete("2/2 assets");
                })
                .with(StageName.ASSEMBLY, ctx -> {
                    ctx.emit(new StageEvent.Rendering(60));
                    ctx.emit(new StageEvent.RenderProgress(30, 60));
                    return StageResult.complete("2.0s video");
                })
                .with(StageName.CRITIC, ctx -> StageResult.complete("score 8/10").then(new StageEvent.CriticReview(
                        Json.createObjectBuilder().add("score", 8).add("strengths", Json.createArrayBuilder())
                            .add("weaknesses", Json.createArrayBuilder()).build())));
    }

    static final List<String> NORMAL_RUN = List.of(
            "job:started", "stage:research start", "stage:research complete", "stage:research results",
            "stage:director start", "stage:director complete", "stage:director score", "stage:director cost_estimate",
            "stage:tts start", "stage:tts complete",
            "stage:visuals start", "stage:visuals asset", "stage:visuals asset", "stage:visuals complete",
            "stage:assembly start", "stage:assembly rendering", "stage:assembly render_progress", "stage:assembly complete",
            "stage:critic start", "stage:critic complete", "stage:critic review",
            "job:completed");

    @Test
    void normalRunStreamsEveryEventOnceInOrderAndCloses() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        FakeStages fakes = realisticFakes().with(StageName.RESEARCH, ctx -> {
            FakeStages.blockUntil(gate, entered).run(ctx);
            return StageResult.complete("5 facts").then(new StageEvent.ResearchResults("s", List.of("f"), "epic"));
        });
        try (TestServer server = TestServer.start(dir, c -> fakes.pipeline())) {
            String id = server.submit("{\"topic\":\"Black holes\"}");
            entered.await();
            try (SseClient sse = server.events(id)) {
                assertThat(sse.status(), is(200));
                assertThat(sse.header("content-type"), startsWith("text/event-stream"));
                Event snapshot = sse.next(WAIT);
                assertThat(snapshot.name(), is("job:snapshot"));
                JsonObject meta = TestServer.json(snapshot.data()).asJsonObject();
                assertThat(meta.getString("status"), is("running"));
                assertThat(meta.getJsonObject("stages").getJsonObject("research").getString("status"), is("running"));
                gate.countDown();
                List<Event> rest = sse.readToEnd(WAIT);
                List<String> all = new ArrayList<>(List.of("job:started", "stage:research start"));
                all.addAll(shape(rest));
                assertThat(all, equalTo(NORMAL_RUN));
                assertIdsFollow(Long.parseLong(snapshot.id()), rest);
                assertThat(rest.getLast().data(), is("{}"));
                assertThat(sse.endedCleanly(), is(true));
            }
            // The persisted log is the same sequence: a resume from 0 replays all of it.
            try (SseClient replay = server.events(id, Map.of("Last-Event-ID", "0"))) {
                assertThat(shape(replay.readToEnd(WAIT)), equalTo(NORMAL_RUN));
            }
            JsonObject meta = server.job(id);
            assertThat(meta.getString("status"), is("completed"));
            assertThat(meta.getJsonObject("stages").getJsonObject("critic").getString("detail"), is("score 8/10"));
            assertThat(meta.getJsonObject("researchData").getString("summary"), is("s"));
            assertThat(meta.getJsonObject("costEstimate").getJsonNumber("totalCost").doubleValue(), is(0.12));
        }
    }

    static void assertIdsFollow(long after, List<Event> events) {
        long expected = after + 1;
        for (Event e : events) {
            assertThat("event ids increase by one without gaps: " + e, Long.parseLong(e.id()), is(expected++));
        }
    }

    @Test
    void failedStageSendsErrorThenJobFailedWithItsMessage() throws Exception {
        FakeStages fakes = realisticFakes().with(StageName.TTS, ctx -> {
            throw new IllegalStateException("ELEVENLABS_API_KEY is required");
        });
        try (TestServer server = TestServer.start(dir, c -> fakes.pipeline())) {
            String id = server.submit("{\"topic\":\"Black holes\"}");
            server.awaitStatus(id, WAIT, "failed");
            try (SseClient sse = server.events(id, Map.of("Last-Event-ID", "0"))) {
                List<Event> events = sse.readToEnd(WAIT);
                assertThat(shape(events).subList(8, shape(events).size()),
                           contains("stage:tts start", "stage:tts error", "job:failed"));
                assertThat(TestServer.json(events.get(9).data()).asJsonObject().getString("error"),
                           is("ELEVENLABS_API_KEY is required"));
                assertThat(events.getLast().data(), is("{\"error\":\"ELEVENLABS_API_KEY is required\"}"));
            }
            JsonObject meta = server.job(id);
            assertThat(meta.getString("error"), is("ELEVENLABS_API_KEY is required"));
            assertThat(meta.getJsonObject("stages").getJsonObject("tts").getString("status"), is("error"));
            assertThat(meta.getJsonObject("stages").getJsonObject("visuals").getString("status"), is("pending"));
        }
    }

    @Test
    void finishedJobStreamIsSnapshotTerminalAndClose() throws Exception {
        try (TestServer server = TestServer.start(dir, c -> realisticFakes().pipeline())) {
            String id = server.submit("{\"topic\":\"Black holes\"}");
            server.awaitStatus(id, WAIT, "completed");
            try (SseClient sse = server.events(id)) {
                Event retry = sse.nextRaw(WAIT);
                assertThat("a retry hint comes first", retry.retry(), notNullValue());
                List<Event> events = sse.readToEnd(WAIT);
                assertThat(shape(events), contains("job:snapshot", "job:completed"));
                assertThat(TestServer.json(events.get(0).data()).asJsonObject().getString("status"), is("completed"));
                assertThat(Long.parseLong(events.get(1).id()), is(Long.parseLong(events.get(0).id()) + 1));
                assertThat(sse.endedCleanly(), is(true));
            }
        }
    }

    @Test
    void resumeAfterTheTerminalEventEndsAtOnceAndUnknownIdGetsSnapshot() throws Exception {
        try (TestServer server = TestServer.start(dir, c -> realisticFakes().pipeline())) {
            String id = server.submit("{\"topic\":\"Black holes\"}");
            server.awaitStatus(id, WAIT, "completed");
            long last = NORMAL_RUN.size();
            try (SseClient sse = server.events(id, Map.of("Last-Event-ID", Long.toString(last)))) {
                assertThat(sse.readToEnd(WAIT), is(List.of()));
            }
            try (SseClient sse = SseClient.connect(server.port(), "/api/v1/jobs/" + id + "/events?lastEventId=" + (last - 1), Map.of())) {
                assertThat(shape(sse.readToEnd(WAIT)), contains("job:completed"));
            }
            try (SseClient sse = server.events(id, Map.of("Last-Event-ID", "999"))) {
                assertThat(shape(sse.readToEnd(WAIT)), contains("job:snapshot", "job:completed"));
            }
            try (SseClient sse = server.events(id, Map.of("Last-Event-ID", "not-a-number"))) {
                assertThat(shape(sse.readToEnd(WAIT)), contains("job:snapshot", "job:completed"));
            }
        }
    }

    @Test
    void streamErrorsAreJson() throws Exception {
        try (TestServer server = TestServer.start(dir, c -> realisticFakes().pipeline())) {
            var missing = server.get("/api/v1/jobs/42/events");
            assertThat(missing.statusCode(), is(404));
            assertThat(missing.body(), is("{\"error\":\"Job not found\"}"));
            try (SseClient sse = server.events("42")) {        // an EventSource accepts only text/event-stream
                assertThat(sse.status(), is(404));
                assertThat(sse.header("content-type"), startsWith("application/json"));
            }
            var invalid = server.get("/api/v1/jobs/a.b/events");
            assertThat(invalid.statusCode(), is(400));
            assertThat(invalid.body(), is("{\"error\":\"Invalid job ID\"}"));
        }
    }
}
