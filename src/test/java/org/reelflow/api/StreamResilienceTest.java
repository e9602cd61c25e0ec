package org.reelflow.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.reelflow.events.StageEvent;
import org.reelflow.events.StageName;
import org.reelflow.pipeline.StageResult;
import org.reelflow.support.FakeStages;
import org.reelflow.support.SseClient;
import org.reelflow.support.SseClient.Event;
import org.reelflow.support.TestServer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.reelflow.support.Streams.WAIT;

/** Cuts, reconnects, dead and stalled clients, and shutdown: nothing lost, nothing doubled, nobody slowed. */
class StreamResilienceTest {

    @TempDir
    Path dir;

    /** A big event no stage sends, carried as an unknown one: only the stream's handling of its size matters. */
    private static org.reelflow.events.Event preview(int n, String blob) {
        return new org.reelflow.events.Event.Unknown(StageName.VISUALS.eventName(), Json.createObjectBuilder().add("stage", "visuals")
                .add("type", "preview").add("n", n).add("blob", blob).build());
    }

    /** A visuals stage that emits {@code n} events with a little jitter, like a real stage's progress. */
    private static FakeStages chatty(int n, long seed) {
        Random jitter = new Random(seed);
        return FakeStages.create().with(StageName.VISUALS, ctx -> {
            for (int i = 0; i < n; i++) {
                ctx.emit(new StageEvent.Asset(i, "text_card", "assets/scene-" + i + "-card.png"));
                if (jitter.nextInt(4) == 0) {
                    Thread.sleep(jitter.nextInt(3));
                }
            }
            return StageResult.complete(n + "/" + n + " assets");
        });
    }

    @Test
    void reconnectingWithLastEventIdLosesAndRepeatsNothingAtRandomCutPoints() throws Exception {
        Random random = new Random(20261129);
        try (TestServer server = TestServer.start(dir, c -> chatty(40, random.nextLong()).pipeline())) {
            for (int round = 0; round < 25; round++) {
                String id = server.submit("{\"topic\":\"round " + round + "\"}");
                List<Long> seen = new ArrayList<>();
                String lastId = null;
                long snapshotId = -1;
                boolean ended = false;
                int connections = 0;
                while (!ended) {
                    connections++;
                    assertThat("round " + round + " needs too many connections", connections < 20, is(true));
                    Map<String, String> headers = lastId == null ? Map.of() : Map.of("Last-Event-ID", lastId);
                    try (SseClient sse = server.events(id, headers)) {
                        int cutAfter = random.nextInt(15) + 1;      // events to read before the network "drops"
                        for (int i = 0; i < cutAfter; i++) {
                            Event e = sse.next(WAIT);
                            assertThat("stream stalled in round " + round, e == null, is(false));
                            if (e.isEof()) {
                                ended = true;
                                break;
                            }
                            if (e.name().equals("job:snapshot")) {
                                assertThat("a resume never gets a snapshot", lastId, is((String) null));
                                snapshotId = Long.parseLong(e.id());
                            } else {
                                seen.add(Long.parseLong(e.id()));
                            }
                            lastId = e.id();
                            if (e.name().equals("job:completed") || e.name().equals("job:failed")) {
                                ended = true;
                                break;
                            }
                        }
                        if (!ended) {
                            sse.abort();
                        }
                    }
                }
                // Every event after the first snapshot, exactly once and in order, up to the terminal one.
                List<Long> expected = new ArrayList<>();
                long last = server.engine().jobs().find(id).orElseThrow().lastEventId();
                for (long i = snapshotId + 1; i <= last; i++) {
                    expected.add(i);
                }
                assertThat("round " + round + " (" + connections + " connections)", seen, equalTo(expected));
            }
        }
    }

    @Test
    void aVanishedClientIsRemovedFromTheRegistryWithinTwoHeartbeats() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        FakeStages fakes = FakeStages.create().with(StageName.RESEARCH, FakeStages.blockUntil(gate, entered));
        try (TestServer server = TestServer.start(dir, c -> fakes.pipeline(), Map.of("sse.heartbeat", "PT0.2S"), Map.of())) {
            String id = server.submit("{\"topic\":\"quiet job\"}");
            entered.await();
            SseClient gone = server.events(id);
            SseClient stays = server.events(id);
            assertThat(gone.next(WAIT).name(), is("job:snapshot"));
            assertThat(stays.next(WAIT).name(), is("job:snapshot"));
            assertThat(server.engine().registry().size(id), is(2));
            gone.close();                                     // FIN, nothing written by the job meanwhile
            long t0 = System.nanoTime();
            while (server.engine().registry().size(id) > 1 && System.nanoTime() - t0 < 5_000_000_000L) {
                Thread.sleep(20);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(server.engine().registry().size(id), is(1));
            assertThat("removed within two heartbeats (plus scheduling slack)", ms, lessThan(700L));
            assertThat("the live client hears heartbeats", stays.nextRaw(WAIT).name(), is(":"));
            gate.countDown();
            stays.readToEnd(WAIT);
            stays.close();
        }
    }

    @Test
    void aClientThatStopsReadingIsCutOffAndDoesNotSlowAReader() throws Exception {
        String big = "x".repeat(16_000);
        CountDownLatch go = new CountDownLatch(1);
        long[] publishMs = new long[1];
        FakeStages fakes = FakeStages.create().with(StageName.VISUALS, ctx -> {
            go.await(10, TimeUnit.SECONDS);
            long t0 = System.nanoTime();
            for (int i = 0; i < 300; i++) {
                // A type the record ignores, so the record (rewritten per event) stays small: the test is
                // about the wire, where 300 × 16 KB overflows the stalled client's socket buffers and queue.
                ctx.job().emit(preview(i, big));
                Thread.sleep(2);                // a fast stage, but one a reading client can keep up with
            }
            publishMs[0] = (System.nanoTime() - t0) / 1_000_000;
            return StageResult.complete("300/300 assets");
        });
        try (TestServer server = TestServer.start(dir, c -> fakes.pipeline(), Map.of("sse.queue-capacity", "32"), Map.of())) {
            String id = server.submit("{\"topic\":\"flood\"}");
            SseClient stalled = SseClient.connect(server.port(), "/api/v1/jobs/" + id + "/events", Map.of(), false);
            SseClient reader = server.events(id);
            while (server.engine().registry().size(id) < 2) {
                Thread.sleep(10);
            }
            go.countDown();
            List<Event> got = reader.readToEnd(Duration.ofSeconds(30));
            long assets = got.stream().filter(e -> e.data() != null && e.data().contains("\"preview\"")).count();
            assertThat("the reader got every event", assets, is(300L));
            assertThat("the stalled client was cut off", server.engine().registry().size(id), is(0));
            assertThat("publishing never waited for the stalled client", publishMs[0], lessThan(10_000L));
            stalled.close();
            reader.close();
        }
    }

    @Test
    void aClientWhoseWindowIsFullIsDroppedWithinTheWriteTimeoutWhileAReaderGetsEverything() throws Exception {
        String big = "x".repeat(32_000);
        int n = 400;        // 12.8 MB: more than both ends' socket buffers hold, even autotuned on loopback
        CountDownLatch go = new CountDownLatch(1);
        FakeStages fakes = FakeStages.create().with(StageName.VISUALS, ctx -> {
            go.await(10, TimeUnit.SECONDS);
            for (int i = 0; i < n; i++) {
                ctx.job().emit(preview(i, big));
            }
            return StageResult.complete(n + " previews");
        });
        // A queue that never overflows: only the write timeout can free the stalled client's subscription.
        Map<String, String> config = Map.of("sse.write-timeout", "PT1S", "sse.queue-capacity", "100000");
        try (TestServer server = TestServer.start(dir, c -> fakes.pipeline(), config, Map.of());
             Socket stalled = new Socket()) {
            String id = server.submit("{\"topic\":\"flood\"}");
            stalled.setReceiveBufferSize(1024);     // before connect, so the window it advertises stays small
            stalled.connect(new InetSocketAddress("127.0.0.1", server.port()));
            stalled.getOutputStream().write(("GET /api/v1/jobs/" + id + "/events HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            SseClient reader = server.events(id);
            while (server.engine().registry().size(id) < 2) {
                Thread.sleep(10);
            }
            assertThat("one watchdog for the server, not one per stream", watchdogs(), is(1L));
            assertThat("the server's end of the stalled connection, found", serverEnd(server.port(),
                       stalled.getLocalPort()), is("01"));
            go.countDown();
            List<Event> got = reader.readToEnd(Duration.ofSeconds(60));
            long t0 = System.nanoTime();
            assertThat("the reader got every event", got.stream().filter(e -> e.data().contains("\"preview\"")).count(),
                       is((long) n));
            assertThat(got.getLast().name(), is("job:completed"));
            reader.close();
            // The stalled write began before the job ended (its buffers filled long before 12.8 MB), so from here
            // the subscription must go within the timeout and one scan (1.25 s), plus scheduling slack.
            while (server.engine().registry().size(id) > 0 && System.nanoTime() - t0 < 10_000_000_000L) {
                Thread.sleep(20);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat("the stalled client's subscription is freed", server.engine().registry().size(id), is(0));
            assertThat("within the write timeout and a quarter, plus slack", ms, lessThan(2_500L));
            // Its connection was closed mid-stream. Not read from the client, which would have to drain megabytes
            // through a 1 KB window, but from the kernel: the server's end is no longer established.
            assertThat(serverEnd(server.port(), stalled.getLocalPort()), is(not("01")));
        }
        assertThat("the watchdog stops with the server", watchdogs(), is(0L));
    }

    /** The TCP state of the server's end of a loopback connection (01 established, 04 FIN-wait …), or null. */
    private static String serverEnd(int serverPort, int clientPort) throws IOException {
        String local = String.format(":%04X", serverPort);
        String remote = String.format(":%04X", clientPort);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] c = line.trim().split("\\s+");
                if (c[1].endsWith(local) && c[2].endsWith(remote)) {
                    return c[3];
                }
            }
        }
        return null;
    }

    private static long watchdogs() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("sse-write-watchdog")).count();
    }

    @Test
    void stoppingTheServerEndsOpenStreamsCleanly() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        FakeStages fakes = FakeStages.create().with(StageName.RESEARCH, FakeStages.blockUntil(gate, entered));
        TestServer server = TestServer.start(dir, c -> fakes.pipeline());
        String id = server.submit("{\"topic\":\"long job\"}");
        entered.await();
        List<SseClient> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SseClient c = server.events(id);
            assertThat(c.next(WAIT).name(), is("job:snapshot"));
            clients.add(c);
        }
        server.close();
        for (SseClient c : clients) {
            assertThat(c.readToEnd(WAIT), is(List.of()));
            assertThat("ended with the terminating chunk, not cut", c.endedCleanly(), is(true));
            c.close();
        }
    }
}
