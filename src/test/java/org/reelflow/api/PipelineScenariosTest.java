package org.reelflow.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.reelflow.events.StageEvent;
import org.reelflow.app.StandardStages;
import org.reelflow.events.StageName;
import org.reelflow.pipeline.StageResult;
import org.reelflow.support.FakeStages;
import org.reelflow.support.SseClient;
import org.reelflow.support.SseClient.Event;
import org.reelflow.support.TestServer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.reelflow.support.Streams.WAIT;
import static org.reelflow.support.Streams.shape;

/** Dry run, replay and cancel through the real server, with the real (zero-key) pipeline where it applies. */
class PipelineScenariosTest {

    static final String CANCELLED = "{\"error\":\"Cancelled by user\",\"status\":\"cancelled\"}";

    @TempDir
    Path dir;

    private static List<Event> wholeLog(TestServer server, String id) throws Exception {
        try (SseClient sse = server.events(id, Map.of("Last-Event-ID", "0"))) {
            return sse.readToEnd(WAIT);
        }
    }

    @Test
    void dryRunPlansAndSkipsTheMediaStages() throws Exception {
        try (TestServer server = TestServer.start(dir, StandardStages::create)) {
            String id = server.submit("{\"topic\":\"Black holes\",\"dryRun\":true,\"archetype\":\"infographic\"}");
            server.awaitStatus(id, WAIT, "completed");
            List<Event> log = wholeLog(server, id);
            assertThat(shape(log), contains("job:started", "job:output", "stage:research start", "stage:research complete",
                    "stage:research results",
                    "stage:director start", "stage:director complete", "stage:director score",
                    "stage:tts skipped", "stage:visuals skipped", "stage:assembly skipped", "stage:critic skipped",
                    "job:completed"));
            for (int i = 8; i < 12; i++) {
                assertThat(TestServer.json(log.get(i).data()).asJsonObject().getString("reason"), is("dry run"));
            }
            JsonObject meta = server.job(id);
            assertThat(meta.getString("archetype"), is("infographic"));
            int scenes = meta.getJsonObject("score").getJsonArray("scenes").size();
            assertThat("infographic is a fast archetype: 8-12 scenes", scenes >= 8 && scenes <= 12, is(true));
            assertThat(meta.getJsonObject("stages").getJsonObject("director").getString("detail"),
                       containsString("scenes, infographic"));
            assertThat(meta.getJsonObject("providers").getString("llm"), is("offline"));
            assertThat("no cost estimate in a dry run", meta.containsKey("costEstimate"), is(false));
        }
    }

    @Test
    void replayDryRunSkipsResearchAndUsesTheGivenScore() throws Exception {
        String score = """
                {"emotional_arc":"wonder","archetype":"comic_book","music_mood":"epic_cinematic","scenes":[
                 {"visual_type":"text_card","visual_prompt":"Space","motion":"static","script_line":"Look up tonight.","transition":null},
                 {"visual_type":"ai_image","visual_prompt":"A galaxy","motion":"zoom_in","script_line":"Galaxies spin.","transition":"crossfade"},
                 {"visual_type":"stock_image","visual_prompt":"night sky","motion":"pan_left","script_line":"Follow for more.","transition":null}]}""";
        try (TestServer server = TestServer.start(dir, StandardStages::create)) {
            String id = server.submit("{\"topic\":\"Space\",\"dryRun\":true,\"score\":" + score + "}");
            server.awaitStatus(id, WAIT, "completed");
            List<Event> log = wholeLog(server, id);
            assertThat(shape(log), contains("job:started", "job:output", "stage:research skipped", "stage:director start",
                    "stage:director score",
                    "stage:director complete", "stage:tts skipped", "stage:visuals skipped", "stage:assembly skipped",
                    "stage:critic skipped", "job:completed"));
            assertThat(TestServer.json(log.get(2).data()).asJsonObject().getString("reason"), is("Replaying from saved score"));
            assertThat(TestServer.json(log.get(5).data()).asJsonObject().getString("detail"), is("Replayed from saved score"));
            assertThat(server.job(id).getString("archetype"), is("comic_book"));
        }
    }

    @Test
    void replayWithoutDryRunEstimatesCostBeforeCompleting() throws Exception {
        String score = """
                {"emotional_arc":"wonder","archetype":"comic_book","music_mood":"epic_cinematic","scenes":[
                 {"visual_type":"text_card","visual_prompt":"Space","motion":"static","script_line":"Look up tonight.","transition":null},
                 {"visual_type":"ai_image","visual_prompt":"A galaxy","motion":"zoom_in","script_line":"Galaxies spin.","transition":null},
                 {"visual_type":"stock_image","visual_prompt":"night sky","motion":"pan_left","script_line":"Follow for more.","transition":null}]}""";
        try (TestServer server = TestServer.start(dir, StandardStages::create)) {
            String id = server.submit("{\"topic\":\"Space\",\"score\":" + score + "}");
            server.awaitStatus(id, WAIT, "failed", "completed");
            List<String> log = shape(wholeLog(server, id));
            assertThat(log.subList(0, 7), contains("job:started", "job:output", "stage:research skipped", "stage:director start",
                    "stage:director score", "stage:director cost_estimate", "stage:director complete"));
            assertThat(server.job(id).getJsonObject("costEstimate").containsKey("totalCost"), is(true));
        }
    }

    @Test
    void cancelWhileQueuedEndsAtOnceWithTheCancelEvent() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        FakeStages fakes = FakeStages.create().with(StageName.RESEARCH, FakeStages.blockUntil(gate, entered));
        try (TestServer server = TestServer.start(dir, c -> fakes.pipeline())) {
            String first = server.submit("{\"topic\":\"first\"}");
            entered.await();
            String queued = server.submit("{\"topic\":\"second\"}");
            assertThat(server.job(queued).getString("status"), is("queued"));
            try (SseClient sse = server.events(queued)) {
                assertThat(sse.next(WAIT).name(), is("job:snapshot"));
                var res = server.postJson("/api/v1/jobs/" + queued + "/cancel", "");
                assertThat(res.statusCode(), is(200));
                assertThat(res.body(), is("{\"status\":\"cancelled\"}"));
                List<Event> rest = sse.readToEnd(WAIT);
                assertThat(shape(rest), contains("job:cancel_requested", "job:failed"));
                assertThat(rest.getLast().data(), is(CANCELLED));
            }
            JsonObject meta = server.job(queued);
            assertThat(meta.getString("status"), is("cancelled"));
            assertThat(meta.getJsonObject("stages").getJsonObject("research").getString("status"), is("pending"));
            var again = server.postJson("/api/v1/jobs/" + queued + "/cancel", "");
            assertThat(again.statusCode(), is(409));
            assertThat(again.body(), is("{\"error\":\"Job already cancelled\"}"));
            gate.countDown();
            server.awaitStatus(first, WAIT, "completed");
            assertThat("the cancelled job never ran", server.job(queued).getString("status"), is("cancelled"));
        }
    }

    @Test
    void cancelWhileRunningInterruptsASleepingStageAndAChildProcess() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        FakeStages fakes = FakeStages.create().with(StageName.TTS, ctx -> {
            // Work fanned out in a child scope: one task sleeps, one waits for a child process.
            try (var scope = new org.reelflow.pipeline.Scope("tts-children")) {
                scope.fork(() -> {
                    Thread.sleep(60_000);
                    return null;
                });
                scope.fork(() -> org.reelflow.media.ExternalProcess.run(List.of("sleep", "60"), null, null));
                entered.countDown();
                scope.join();
            }
            return StageResult.complete("never");
        });
        try (TestServer server = TestServer.start(dir, c -> fakes.pipeline())) {
            String id = server.submit("{\"topic\":\"Black holes\"}");
            assertThat(entered.await(10, TimeUnit.SECONDS), is(true));
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (sleepChildren() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat("the stage's child process runs", sleepChildren(), is(1L));
            long t0 = System.nanoTime();
            var res = server.postJson("/api/v1/jobs/" + id + "/cancel", "");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(res.statusCode(), is(200));
            assertThat("cancel returns once the job has stopped, promptly", ms, lessThan(5_000L));
            JsonObject meta = server.job(id);
            assertThat(meta.getString("status"), is("cancelled"));
            assertThat("as OpenReels, a cancel leaves the stage it stopped as it was",
                       meta.getJsonObject("stages").getJsonObject("tts").getString("status"), is("running"));
            assertThat(meta.getJsonObject("stages").getJsonObject("visuals").getString("status"), is("pending"));
            assertThat("no child process outlives the job", sleepChildren(), is(0L));
            List<Event> log = wholeLog(server, id);
            assertThat("a cancel sends its request and the terminal event, no stage event",
                       shape(log.subList(log.size() - 3, log.size())),
                       contains("stage:tts start", "job:cancel_requested", "job:failed"));
            assertThat(log.getLast().data(), is(CANCELLED));
        }
    }

    @Test
    void anEstimateOverTheJobsCapFailsBeforeAnythingIsSpent() throws Exception {
        CountDownLatch spent = new CountDownLatch(1);
        FakeStages fakes = FakeStages.create()
                .with(StageName.DIRECTOR, ctx -> StageResult.complete("3 scenes, infographic").then(new StageEvent.CostEstimate(
                        jakarta.json.Json.createObjectBuilder().add("totalCost", 0.5).build())))
                .with(StageName.TTS, ctx -> {
                    spent.countDown();
                    return StageResult.complete("60 words");
                });
        try (TestServer server = TestServer.start(dir, c -> fakes.pipeline())) {
            String id = server.submit("{\"topic\":\"capped\",\"maxCostUsd\":0.25}");
            JsonObject meta = server.awaitStatus(id, WAIT, "failed");
            assertThat(meta.getString("error"), is("Estimated cost $0.500 exceeds this job's cap of $0.25 (maxCostUsd)"));
            assertThat("no paid stage ran", spent.getCount(), is(1L));
            String ok = server.submit("{\"topic\":\"within\",\"maxCostUsd\":1}");
            server.awaitStatus(ok, WAIT, "completed");
        }
    }

    @Test
    void theServersDefaultCapAppliesToJobsThatNameNone() throws Exception {
        FakeStages fakes = FakeStages.create()
                .with(StageName.DIRECTOR, ctx -> StageResult.complete("3 scenes, infographic").then(new StageEvent.CostEstimate(
                        jakarta.json.Json.createObjectBuilder().add("totalCost", 0.5).build())));
        try (TestServer server = TestServer.start(dir, c -> fakes.pipeline(), Map.of("cost.max-usd", "0.25"), Map.of())) {
            String id = server.submit("{\"topic\":\"default cap\"}");
            JsonObject meta = server.awaitStatus(id, WAIT, "failed");
            assertThat(meta.getString("error"), is("Estimated cost $0.500 exceeds this job's cap of $0.25 (maxCostUsd)"));
            String own = server.submit("{\"topic\":\"own cap\",\"maxCostUsd\":1}");
            server.awaitStatus(own, WAIT, "completed");
        }
    }

    private static long sleepChildren() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/sleep")).orElse(false)).count();
    }
}
