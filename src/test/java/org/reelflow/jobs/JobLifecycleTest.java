package org.reelflow.jobs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.reelflow.events.StageName;
import org.reelflow.app.StandardStages;
import org.reelflow.support.FakeStages;
import org.reelflow.support.SseClient;
import org.reelflow.support.TestServer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.reelflow.support.Streams.WAIT;
import static org.reelflow.support.Streams.shape;

/** Restarts, BYOK keys, pruning and concurrency, through real servers on one jobs folder. */
class JobLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void aRestartKeepsIdsAndLogsAndMarksTheRunningJobInterrupted() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        FakeStages blocking = FakeStages.create().with(StageName.DIRECTOR, FakeStages.blockUntil(gate, entered));
        String done;
        String running;
        String queued;
        try (TestServer first = TestServer.start(dir, c -> blocking.pipeline())) {
            done = first.submit("{\"topic\":\"done\",\"dryRun\":true}");
            entered.await();                     // "done" holds the only worker in its director stage
            gate.countDown();
            first.awaitStatus(done, WAIT, "completed");
        }
        CountDownLatch gate2 = new CountDownLatch(1);
        CountDownLatch entered2 = new CountDownLatch(1);
        FakeStages blocking2 = FakeStages.create().with(StageName.DIRECTOR, FakeStages.blockUntil(gate2, entered2));
        try (TestServer second = TestServer.start(dir, c -> blocking2.pipeline())) {
            running = second.submit("{\"topic\":\"running\"}");
            entered2.await();
            queued = second.submit("{\"topic\":\"queued\",\"dryRun\":true}");
            // The process "dies" here: stop() ends streams and leaves the jobs as they are on disk.
        }
        assertThat(running, is("2"));
        try (TestServer third = TestServer.start(dir, StandardStages::create)) {
            JsonObject interrupted = third.job(running);
            assertThat(interrupted.getString("status"), is("failed"));
            assertThat(interrupted.getString("error"), is("interrupted by restart"));
            assertThat(interrupted.getJsonObject("stages").getJsonObject("director").getString("status"), is("error"));
            assertThat("a queued job runs after the restart", third.awaitStatus(queued, WAIT, "completed")
                    .getString("status"), is("completed"));
            assertThat("ids continue after a restart", third.submit("{\"topic\":\"next\",\"dryRun\":true}"), is("4"));
            try (SseClient sse = third.events(done, Map.of("Last-Event-ID", "0"))) {
                List<String> log = shape(sse.readToEnd(WAIT));
                assertThat("the whole log survives a restart", log.getLast(), is("job:completed"));
                assertThat("started, six stages started and completed, then job:completed", log.size(), is(14));
            }
            try (SseClient sse = third.events(running, Map.of("Last-Event-ID", "4"))) {
                assertThat(shape(sse.readToEnd(WAIT)), contains("job:failed"));
            }
        }
    }

    @Test
    void byokKeysReachNoFile() throws Exception {
        String secret = "sk-test-" + "9f8e7d6c5b4a3210";
        try (TestServer server = TestServer.start(dir, StandardStages::create)) {
            String id = server.submit("{\"topic\":\"Keys\",\"dryRun\":true,\"keys\":{\"ANTHROPIC_API_KEY\":\"" + secret + "\"}}");
            server.awaitStatus(id, WAIT, "completed");
            String failing = server.submit("{\"topic\":\"Keys\",\"providers\":{\"llm\":\"openai-compatible\"},\"keys\":{\"OPENAI_API_KEY\":\"" + secret + "\"}}");
            server.awaitStatus(failing, WAIT, "failed");
            assertThat(server.get("/api/v1/jobs/" + id).body().contains(secret), is(false));
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(f + " holds the key", content.contains(secret), is(false));
            }
        }
    }

    @Test
    void jobsMaxPrunesTheOldestFinishedJobs() throws Exception {
        try (TestServer server = TestServer.start(dir, StandardStages::create, Map.of("jobs.max", "2"), Map.of())) {
            for (int i = 1; i <= 4; i++) {
                server.awaitStatus(server.submit("{\"topic\":\"t" + i + "\",\"dryRun\":true}"), WAIT, "completed");
            }
            Thread.sleep(200);     // pruning runs right after a job ends
            assertThat(server.get("/api/v1/jobs/1").statusCode(), is(404));
            assertThat(server.get("/api/v1/jobs/2").statusCode(), is(404));
            assertThat(server.get("/api/v1/jobs/4").statusCode(), is(200));
            assertThat(Files.exists(dir.resolve("1")), is(false));
        }
    }

    @Test
    void concurrencyRunsThatManyJobsAtOnce() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(2);
        FakeStages fakes = FakeStages.create().with(StageName.RESEARCH, FakeStages.blockUntil(gate, entered));
        try (TestServer server = TestServer.start(dir, c -> fakes.pipeline(), Map.of("jobs.concurrency", "2"), Map.of())) {
            String a = server.submit("{\"topic\":\"a\"}");
            String b = server.submit("{\"topic\":\"b\"}");
            String c = server.submit("{\"topic\":\"c\"}");
            assertThat("two jobs run together", entered.await(10, java.util.concurrent.TimeUnit.SECONDS), is(true));
            assertThat(server.job(c).getString("status"), is("queued"));
            gate.countDown();
            for (String id : List.of(a, b, c)) {
                server.awaitStatus(id, WAIT, "completed");
            }
        }
    }
}
