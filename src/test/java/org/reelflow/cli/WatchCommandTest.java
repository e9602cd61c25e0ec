package org.reelflow.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.reelflow.events.StageName;
import org.reelflow.pipeline.StageResult;
import org.reelflow.support.FakeStages;
import org.reelflow.support.TestServer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** watch against a real server on a free loopback port, and against a server that drops the connection. */
class WatchCommandTest {

    @TempDir
    Path dir;

    private static int watch(TestTerminal t, String... args) throws Exception {
        return watchWithToken(t, null, args);
    }

    private static int watchWithToken(TestTerminal t, String token, String... args) throws Exception {
        return new WatchCommand(t.terminal, Duration.ofMillis(100), 3, Duration.ofSeconds(5), token).run(List.of(args));
    }

    @Test
    void aServerWithATokenIsWatchedWithTheSameApiToken() throws Exception {
        try (TestServer server = TestServer.start(dir, c -> FakeStages.create().pipeline(),
                                                  java.util.Map.of("api.token", "s3cret-token"), java.util.Map.of())) {
            String id = server.submit("{\"topic\":\"Tides\"}", "s3cret-token");
            TestTerminal denied = TestTerminal.plain();
            assertThat(watchWithToken(denied, null, "http://127.0.0.1:" + server.port(), id), is(1));
            assertThat(denied.err(), containsString("401"));
            TestTerminal t = TestTerminal.plain();
            assertThat(t.err(), watchWithToken(t, "s3cret-token", "http://127.0.0.1:" + server.port(), id), is(0));
            assertThat(t.out(), containsString("Completed 6/6 stages"));
        }
    }

    @Test
    void followsARealServersJobFromTheMiddleToTheEnd() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        try (TestServer server = TestServer.start(dir, c -> FakeStages.create()
                .with(StageName.RESEARCH, ctx -> StageResult.complete("5 facts"))
                .with(StageName.VISUALS, FakeStages.blockUntil(gate, entered)).pipeline())) {
            String id = server.submit("{\"topic\":\"Tides\"}");
            assertThat(entered.await(10, TimeUnit.SECONDS), is(true));
            TestTerminal t = TestTerminal.plain();
            Thread opener = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                gate.countDown();
            });
            int code = watch(t, "http://127.0.0.1:" + server.port() + "/", id);
            opener.join();
            assertThat(t.err(), code, is(0));
            String out = t.out();
            assertThat(out, containsString("✓ research    0.0s  5 facts"));
            assertThat(out, containsString("▸ visuals           running"));       // running when we joined
            assertThat(out, containsString("Watching job " + id + " \"Tides\" (running) on http://127.0.0.1:" + server.port()));
            assertThat(out, containsString("✓ visuals"));
            assertThat(out, containsString("✓ critic"));
            assertThat(out, containsString("Completed 6/6 stages"));
        }
    }

    @Test
    void aFailedJobExitsOneAndAMissingJobSaysSo() throws Exception {
        try (TestServer server = TestServer.start(dir, c -> FakeStages.create()
                .with(StageName.DIRECTOR, ctx -> {
                    throw new IllegalStateException("no plan");
                }).pipeline())) {
            String id = server.submit("{\"topic\":\"Tides\"}");
            server.awaitStatus(id, Duration.ofSeconds(10), "failed");
            TestTerminal t = TestTerminal.plain();
            assertThat(watch(t, "http://127.0.0.1:" + server.port(), id), is(1));
            assertThat(t.out(), containsString("✗ director"));
            assertThat(t.err(), is("Pipeline failed: no plan\n"));

            TestTerminal missing = TestTerminal.plain();
            assertThat(watch(missing, "http://127.0.0.1:" + server.port(), "999"), is(1));
            assertThat(missing.err(), is("Job 999 not found on http://127.0.0.1:" + server.port() + "\n"));
        }
    }

    @Test
    void noServerIsAOneLineError() throws Exception {
        TestTerminal t = TestTerminal.plain();
        assertThat(watch(t, "http://127.0.0.1:1", "1"), is(1));
        assertThat(t.err(), is("Cannot connect to http://127.0.0.1:1: connection refused\n"));
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(assertThrows(UsageException.class, () -> WatchCommand.parse(List.of("http://x"))).getMessage(),
                   containsString("needs a server URL and a job id"));
        assertThat(assertThrows(UsageException.class, () -> WatchCommand.parse(List.of("ftp://x", "1"))).getMessage(),
                   containsString("must be http:// or https://"));
        assertThat(assertThrows(UsageException.class, () -> WatchCommand.parse(List.of("localhost:8080", "1"))).getMessage(),
                   containsString("must be http:// or https://"));
        assertThat(assertThrows(UsageException.class, () -> WatchCommand.parse(List.of("http://x", "../1"))).getMessage(),
                   containsString("invalid job id"));
        assertThat(assertThrows(UsageException.class, () -> WatchCommand.parse(List.of("http://x", "1", "--follow"))).getMessage(),
                   containsString("unknown option '--follow'"));
    }

    /** A server whose first connection breaks after two events: the second must resume with Last-Event-ID. */
    @Test
    void aDroppedConnectionResumesWithLastEventIdAndShowsNothingTwice() throws Exception {
        List<String> lastEventIds = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/jobs/7/events", ex -> {
            String last = ex.getRequestHeaders().getFirst("Last-Event-ID");
            lastEventIds.add(String.valueOf(last));
            ex.getResponseHeaders().add("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                if (last == null) {
                    write(out, "retry: 50\n\n");
                    write(out, frame(2, "job:snapshot", Json.createObjectBuilder().add("topic", "Tides").add("status", "running")
                            .add("stages", Json.createObjectBuilder()
                                    .add("research", Json.createObjectBuilder().add("status", "running"))).build().toString()));
                    write(out, frame(3, "stage:research", "{\"stage\":\"research\",\"type\":\"complete\",\"detail\":\"5 facts\",\"durationSec\":0.1}"));
                    write(out, "id: 4\nevent: stage:director\ndata: {\"stage\":\"dir");    // cut mid-event
                } else {
                    write(out, frame(4, "stage:director", "{\"stage\":\"director\",\"type\":\"start\"}"));
                    write(out, frame(5, "stage:director", "{\"stage\":\"director\",\"type\":\"complete\",\"detail\":\"3 scenes, infographic\",\"durationSec\":0.2}"));
                    write(out, frame(6, "job:completed", "{}"));
                }
            }
        });
        server.createContext("/api/v1/jobs/7", ex -> respond(ex, "{\"id\":\"7\",\"status\":\"completed\",\"videoPath\":\"run 1/final.mp4\"}"));
        server.start();
        try {
            TestTerminal t = TestTerminal.plain();
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertThat(t.err(), watch(t, base, "7"), is(0));
            assertThat(lastEventIds, is(List.of("null", "3")));
            String out = t.out();
            assertThat(out, containsString("Connection lost (the server closed the stream); reconnecting in 0.1s (attempt 1 of 3)"));
            assertThat(out, containsString("Reconnected; resuming after event 3"));
            assertThat(out.indexOf("✓ research"), is(out.lastIndexOf("✓ research")));
            assertThat(out, containsString("✓ director    0.2s  3 scenes, infographic"));
            assertThat(out, containsString("Done! Video: " + base + "/api/v1/jobs/7/artifacts/run%201/final.mp4"));
            assertThat(out, not(containsString("dir\"")));
        } finally {
            server.stop(0);
        }
    }

    private static String frame(long id, String name, String data) {
        return "id: " + id + "\nevent: " + name + "\ndata: " + data + "\n\n";
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void respond(HttpExchange ex, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }
}
