package org.reelflow.api;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.reelflow.app.StandardStages;
import org.reelflow.support.RawHttp;
import org.reelflow.support.RawHttp.Exchange;
import org.reelflow.support.RawHttp.Response;
import org.reelflow.support.TestServer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.reelflow.support.Streams.WAIT;

/**
 * More than a thousand generated hostile requests, deterministic (fixed seed), against a real server with the
 * production pipeline: every route and method, ids and matrix parameters, path traversal encodings, malformed
 * and deep JSON, a wrong type for every field, huge and chunked bodies, smuggling shapes that hide a job in a
 * body, bad headers, HEAD everywhere, and SSE clients that read slowly or not at all. What must hold: no 5xx but
 * 501/505, every error a JSON body, no response framing broken, no job created from inside a body, no byte of a
 * file outside the jobs folder, and the server healthy afterwards with its threads and heap back where they were.
 */
class HostileInputSuiteTest {

    private static final String SECRET = "outside-secret-" + Long.toHexString(new Random(7).nextLong());
    /** The topic of the job hidden inside bodies: no job may ever have it. Every other generated job is a dry run. */
    private static final String SMUGGLED = "SMUGGLED";
    private static final long SEED = 20261208L;

    @TempDir
    Path dir;

    private record Probe(String label, byte[] bytes, boolean head, boolean waitForMore) {
    }

    @Test
    void aThousandHostileRequestsLeaveNoTrace() throws Exception {
        Files.writeString(dir.resolve("secret.txt"), SECRET);
        Path jobs = dir.resolve("jobs");
        try (TestServer server = TestServer.start(jobs, StandardStages::create)) {
            String fixture = server.submit("{\"topic\":\"Fixture\",\"dryRun\":true}");
            server.awaitStatus(fixture, WAIT, "completed");
            Files.writeString(jobs.resolve(fixture).resolve("note.txt"), "inside");
            Files.createSymbolicLink(jobs.resolve(fixture).resolve("escape"), dir.resolve("secret.txt"));
            Files.createSymbolicLink(jobs.resolve(fixture).resolve("updir"), dir);
            String spare = server.submit("{\"topic\":\"Spare\",\"dryRun\":true}");
            server.awaitStatus(spare, WAIT, "completed");

            List<Probe> probes = generate(fixture, spare);
            assertThat(probes.size(), greaterThanOrEqualTo(1000));
            // A first round warms up what is made once (classes, caches, the process launcher); the second is
            // measured against the state the first left, so what remains after it is what requests leave behind.
            round(server, probes, fixture, spare);
            settle();
            List<String> threadsBefore = ownThreads();
            long heapBefore = usedHeap();
            round(server, probes, fixture, spare);
            settle();
            System.out.printf("hostile suite: heap after the first round %d MB, after the second %d MB%n",
                              heapBefore >> 20, usedHeap() >> 20);
            assertThat("platform threads", ownThreads(), is(threadsBefore));
            assertThat("heap after GC (bytes)", usedHeap(), lessThan(heapBefore + 8L * 1024 * 1024));
        }
    }

    /** Sends every probe (four at a time), checks every answer, then that nothing was left behind. */
    private static void round(TestServer server, List<Probe> probes, String fixture, String spare) throws Exception {
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicInteger answered = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(4, Thread.ofVirtual().factory())) {
            for (Probe p : probes) {
                pool.submit(() -> {
                    try {
                        Exchange x = RawHttp.exchange(server.port(), p.bytes(), p.waitForMore() ? 300 : 5000,
                                                      p.waitForMore() ? Integer.MAX_VALUE : 1, p.head());
                        answered.addAndGet(x.responses().size());
                        check(p, x, problems);
                    } catch (Exception e) {
                        problems.add(p.label() + ": " + e);
                    }
                });
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("hostile suite: %d requests, %d answers, %d ms%n", probes.size(), answered.get(), took.toMillis());
        SlowClients slow = SlowClients.open(server.port(), fixture, 20);
        assertThat(problems.stream().limit(20).toList(), is(empty()));
        assertThat(answered.get(), greaterThanOrEqualTo(probes.size() * 9 / 10));
        assertThat("bounded in time", took, lessThan(Duration.ofSeconds(120)));

        // No job from inside a body; the fixture is intact.
        List<String> created = new ArrayList<>();
        int total = Integer.MAX_VALUE;
        for (int offset = 0; offset < total; offset += 100) {
            JsonObject page = TestServer.json(server.get("/api/v1/jobs?limit=100&offset=" + offset).body()).asJsonObject();
            total = page.getInt("total");
            for (var job : page.getJsonArray("jobs")) {
                assertThat(job.toString(), job.asJsonObject().getString("topic", ""), is(not(SMUGGLED)));
                created.add(job.asJsonObject().getString("id"));
            }
        }
        assertThat(server.job(fixture).getString("status"), is("completed"));
        // The valid dry runs among the requests are jobs the server keeps (jobs.max is 0): delete them once they
        // end, so what is left on the heap is what the requests themselves left behind.
        created.removeAll(List.of(fixture, spare));
        for (String id : created) {
            server.awaitStatus(id, WAIT, "completed", "failed", "cancelled");
            assertThat(server.delete("/api/v1/jobs/" + id).statusCode(), is(200));
        }

        // Healthy afterwards: every stream unsubscribed once its client is gone.
        slow.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.engine().registry().size() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat("no stream left subscribed", server.engine().registry().size(), is(0));
        assertThat(server.get("/api/v1/health").statusCode(), is(200));
    }

    private static void check(Probe p, Exchange x, ConcurrentLinkedQueue<String> problems) {
        if (x.responses().isEmpty()) {
            if (!x.closedByServer()) {
                problems.add(p.label() + ": no answer and the connection left open");
            }
            return;
        }
        if (x.garbage().length > 0) {
            problems.add(p.label() + ": bytes after the last whole response: "
                         + new String(x.garbage(), 0, Math.min(80, x.garbage().length), StandardCharsets.ISO_8859_1));
        }
        for (int i = 0; i < x.responses().size(); i++) {
            Response r = x.responses().get(i);
            boolean head = p.head() && i == 0;
            if (r.status() >= 500 && r.status() != 501 && r.status() != 505) {
                problems.add(p.label() + ": " + r.status() + " " + r.text());
            }
            if (r.status() >= 400 && !r.isJson()) {
                problems.add(p.label() + ": " + r.status() + " is not JSON: " + r.header("content-type"));
            }
            if (r.status() >= 400 && !head && !r.text().startsWith("{\"error\":\"")) {
                problems.add(p.label() + ": " + r.status() + " body " + r.text());
            }
            if (head && r.body().length > 0) {
                problems.add(p.label() + ": HEAD answered with a body");
            }
            if (r.text().contains(SECRET)) {
                problems.add(p.label() + ": served a file from outside the jobs folder");
            }
        }
        if (p.waitForMore() && x.responses().size() > 1) {
            problems.add(p.label() + ": " + x.responses().size() + " answers to one request: its body was parsed as requests");
        }
    }

    // The generator

    private static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO"};
    private static final String[] TRAVERSALS = {"../../secret.txt", "..%2f..%2fsecret.txt", "%2e%2e/%2e%2e/secret.txt",
            "%252e%252e/secret.txt", "....//....//secret.txt", "..\\..\\secret.txt", "%c0%ae%c0%ae/secret.txt",
            "/etc/passwd", "escape", "updir/secret.txt", "note.txt", "note.txt%00.png", "%2fetc%2fpasswd",
            "..%5c..%5csecret.txt", "\u2025/secret.txt", "a/../../../secret.txt", "./note.txt", "note.txt/", "."};
    private static final String[] ODD_IDS = {"999999", "0", "-1", "..", "%2e%2e", "1;2", "1%3B2", "a%20b", "%00",
            "x".repeat(300), "%E2%80%AE1", "1e3", "%", "1/..", "\u00e9"};
    private static final String[] FIELDS = {"topic", "archetype", "pacing", "platform", "direction", "score", "dryRun",
            "noMusic", "noVideo", "providers", "maxCostUsd", "keys"};
    private static final String[] WRONG = {"42", "-1", "1e308", "true", "false", "null", "[]", "{}", "\"\"",
            "\"x\"", "[1,2]", "{\"a\":1}", "\"" + "z".repeat(600) + "\"", "\"\\ud800\"", "0.5"};
    private static final String[] PROVIDER_FIELDS = {"llm", "tts", "image", "stock", "video", "music", "searchProvider",
            "llmModel", "llmBaseUrl", "videoModel"};

    private static List<Probe> generate(String fixture, String spare) {
        Random rnd = new Random(SEED);
        List<Probe> out = new ArrayList<>();
        String[] routes = {"/api/v1/jobs", "/api/v1/jobs/{id}", "/api/v1/jobs/{id}/cancel", "/api/v1/jobs/{id}/events",
                "/api/v1/jobs/{id}/artifacts/note.txt", "/api/v1/health", "/api/v1/stats", "/api/v1/archetypes",
                "/api/v1/platforms", "/api/v1/providers", "/api/v1/nothing", "/", "/gallery", "/jobs/3",
                "/assets/app.css", "/assets/js/nothing.js", "/observe/health", "/observe/metrics", "/observe"};
        // Every route with every method; destructive methods aim at the spare job.
        for (String route : routes) {
            for (String m : METHODS) {
                String id = m.equals("DELETE") || m.equals("POST") ? spare : fixture;
                String path = route.replace("{id}", id);
                String body = m.equals("POST") || m.equals("PUT") || m.equals("PATCH") ? "{\"topic\":\"Probe\",\"dryRun\":true}" : "";
                out.add(request(m + " " + path, m, path, "application/json", body, false));
            }
        }
        // Odd ids on every id route, with GET, HEAD, POST and DELETE.
        for (String id : ODD_IDS) {
            for (String route : new String[] {"/api/v1/jobs/{id}", "/api/v1/jobs/{id}/cancel", "/api/v1/jobs/{id}/events",
                    "/api/v1/jobs/{id}/artifacts/a.mp4"}) {
                for (String m : new String[] {"GET", "HEAD", "POST", "DELETE"}) {
                    String path = route.replace("{id}", id);
                    out.add(request(m + " " + path, m, path, null, "", false));
                }
            }
        }
        // Traversal encodings against the artifacts of a real job, GET and HEAD, with Range now and then.
        for (String t : TRAVERSALS) {
            for (String m : new String[] {"GET", "HEAD"}) {
                String path = "/api/v1/jobs/" + fixture + "/artifacts/" + t;
                out.add(request(m + " artifacts " + t, m, path, null, "", false));
                out.add(raw(m + " range " + t, m + " " + path + " HTTP/1.1\r\nHost: localhost\r\nRange: bytes=" + rnd.nextInt(5) + "-\r\n\r\n", m.equals("HEAD")));
            }
        }
        // A wrong type for every field (always with dryRun, so nothing can start a paid or long job).
        for (String field : FIELDS) {
            for (String v : WRONG) {
                String body = field.equals("topic") ? "{\"topic\":" + v + ",\"dryRun\":true}"
                        : "{\"topic\":\"Probe-field\",\"dryRun\":true,\"" + field + "\":" + v + "}";
                if (field.equals("dryRun") && v.equals("false")) {
                    continue;       // a valid value that would start a full (long) job: not hostile, just slow
                }
                if (field.equals("dryRun")) {
                    body = "{\"topic\":\"Probe-flag\",\"dryRun\":" + v + "}";
                }
                out.add(request("field " + field + "=" + v, "POST", "/api/v1/jobs", "application/json", body, false));
            }
        }
        for (String field : PROVIDER_FIELDS) {
            for (String v : new String[] {"5", "true", "[]", "{}", "\"evil\"", "\"../../bin/sh\"", "\"\\u0000\""}) {
                String body = "{\"topic\":\"Probe-provider\",\"dryRun\":true,\"providers\":{\"" + field + "\":" + v + "}}";
                out.add(request("providers." + field + "=" + v, "POST", "/api/v1/jobs", "application/json", body, false));
            }
        }
        // Malformed and deep JSON, random bytes.
        String[] malformed = {"{", "}", "{\"topic\":", "{\"topic\":\"x\",}", "[{\"topic\":\"x\"}]", "\"x\"", "nul",
                "{\"topic\":\"x\"} trailing", "{\"topic\":\"x\",\"dryRun\":true}{\"topic\":\"y\"}",
                "{\"topic\":\"x\",\"topic\":\"y\",\"dryRun\":true}", "{'topic':'x'}", "{\"topic\":\"x\"\u0000}",
                "[".repeat(2000), "{\"a\":".repeat(1200) + "1" + "}".repeat(1200), "[".repeat(40) + "]".repeat(40)};
        for (String m : malformed) {
            out.add(request("malformed " + m.substring(0, Math.min(30, m.length())), "POST", "/api/v1/jobs", "application/json", m, false));
        }
        for (int i = 0; i < 60; i++) {
            byte[] junk = new byte[rnd.nextInt(300)];
            rnd.nextBytes(junk);
            out.add(new Probe("junk body " + i, concat(("POST /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + junk.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), junk), false, false));
        }
        // Content types.
        for (String type : new String[] {"///", "application", "", "text/plain", "application/json; charset=utf-16",
                "application/json; charset=latin1", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
                "application/problem+json", "application/json;;;", "*/*", "application/json\u0001"}) {
            out.add(request("content-type " + type, "POST", "/api/v1/jobs", type,
                            "{\"topic\":\"Probe-type\",\"dryRun\":true}", false));
        }
        // Smuggling shapes: a job hidden in the body of a refused or odd request; the connection must not answer it.
        String hiddenBody = "{\"topic\":\"" + SMUGGLED + "\",\"dryRun\":true}";
        String hidden = "POST /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                        + hiddenBody.length() + "\r\n\r\n" + hiddenBody;
        int[] oversize = {1_048_577, 1_200_000, 2_000_000};
        for (int size : oversize) {
            for (String conn : new String[] {"", "Connection: close\r\n", "Connection: keep-alive\r\n"}) {
                out.add(raw("oversize " + size + " " + conn.trim(), "POST /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                            + "application/json\r\n" + conn + "Content-Length: " + size + "\r\n\r\n" + hidden
                            + " ".repeat(size - hidden.length()), false, true));
            }
        }
        String filler = " ".repeat(65536);
        StringBuilder chunked = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            chunked.append(Integer.toHexString(filler.length())).append("\r\n").append(filler).append("\r\n");
        }
        chunked.append(Integer.toHexString(hidden.length())).append("\r\n").append(hidden).append("\r\n0\r\n\r\n");
        out.add(raw("chunked over the limit", "POST /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + chunked, false, true));
        for (String prefix : new String[] {
                "POST /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: " + hidden.length() + "\r\n\r\n",
                "POST /api/v1/jobs/1/cancel HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + hidden.length() + "\r\n\r\n",
                "PUT /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + hidden.length() + "\r\n\r\n",
                "GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "POST /gallery HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + hidden.length() + "\r\n\r\n",
                "POST /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                        + "Content-Length: 3\r\n\r\n",
                "POST /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: gzip\r\n\r\n",
                "POST /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: "
                        + hidden.length() + "\r\n\r\n",
                "POST /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"}) {
            out.add(raw("smuggle " + prefix.substring(0, 30).replace("\r\n", " "), prefix + hidden, false, true));
        }
        // Bad request lines and headers.
        for (String line : new String[] {"GET /api/v1/jobs/%c0%ae%ZZ HTTP/1.1", "GET /" + "a".repeat(20_000) + " HTTP/1.1",
                "GET / HTTP/1.0", "GET / HTTP/2.0", "GET /\u0000 HTTP/1.1", "GET  / HTTP/1.1", "get / HTTP/1.1",
                "GET http://evil/ HTTP/1.1", "GET * HTTP/1.1", "\u0001\u0002garbage", "GET /api/v1/jobs?limit=-1 HTTP/1.1",
                "GET /api/v1/jobs?limit=abc&offset=%ZZ HTTP/1.1", "GET /api/v1/jobs?limit=99999999999999 HTTP/1.1"}) {
            out.add(raw("line " + line.substring(0, Math.min(40, line.length())), line + "\r\nHost: localhost\r\n\r\n", false, false));
        }
        StringBuilder flood = new StringBuilder("GET / HTTP/1.1\r\nHost: localhost\r\n");
        for (int i = 0; i < 2000; i++) {
            flood.append("X-").append(i).append(": ").append("y".repeat(100)).append("\r\n");
        }
        out.add(raw("header flood", flood.append("\r\n").toString(), false, false));
        for (String header : new String[] {"Bad Header: x", "X-A:\u0000", "Content-Length: -5", "Content-Length: abc",
                "Content-Length: 99999999999999999999", "Host: a\r\nHost: b", "Expect: 100-continue", "Upgrade: h2c",
                "Transfer-Encoding: chunked, identity", "Range: bytes=9-1", "Range: bytes=-0", "Last-Event-ID: x",
                "Last-Event-ID: 99999999999999999999", "If-None-Match: *", "Accept: text/event-stream"}) {
            out.add(raw("header " + header, "GET /api/v1/jobs/" + fixture + "/artifacts/note.txt HTTP/1.1\r\nHost: localhost\r\n"
                        + header + "\r\n\r\n", false, false));
        }
        // HEAD everywhere, then the same path again on the same connection: a HEAD body would garble it.
        for (String route : routes) {
            String path = route.replace("{id}", fixture);
            if (route.endsWith("/events")) {
                continue;       // a stream never ends for a pipelined GET to follow
            }
            out.add(new Probe("HEAD+GET " + path, ("HEAD " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\nGET " + path
                    + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.UTF_8), true, false));
        }
        // Random mixes until well past a thousand.
        while (out.size() < 1100) {
            String m = METHODS[rnd.nextInt(METHODS.length)];
            String route = routes[rnd.nextInt(routes.length)].replace("{id}", rnd.nextBoolean() ? fixture : ODD_IDS[rnd.nextInt(ODD_IDS.length)]);
            if (m.equals("DELETE") || m.equals("POST")) {
                route = route.replace(fixture, spare);
            }
            String field = FIELDS[rnd.nextInt(FIELDS.length)];
            String body = "{\"topic\":\"Probe-mix\",\"dryRun\":true,\"" + field + "\":" + WRONG[rnd.nextInt(WRONG.length)] + "}";
            out.add(request("mix " + m + " " + route, m, route, rnd.nextBoolean() ? "application/json" : null,
                            m.equals("GET") || m.equals("HEAD") ? "" : body, false));
        }
        return out;
    }

    private static Probe request(String label, String method, String path, String type, String body, boolean waitForMore) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + (type == null ? "" : "Content-Type: " + type + "\r\n")
                      + (b.length > 0 ? "Content-Length: " + b.length + "\r\n" : "") + "\r\n";
        return new Probe(label, concat(head.getBytes(StandardCharsets.UTF_8), b), method.equals("HEAD"), waitForMore);
    }

    private static Probe raw(String label, String text, boolean head) {
        return raw(label, text, head, false);
    }

    private static Probe raw(String label, String text, boolean head, boolean waitForMore) {
        return new Probe(label, text.getBytes(StandardCharsets.UTF_8), head, waitForMore);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void settle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
    }

    /**
     * The live platform threads, less the JDK's self-sizing pools: the virtual-thread scheduler adds carriers while
     * virtual threads block in file I/O and retires them after a minute idle, and the test's HTTP client has its own.
     */
    private static List<String> ownThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !t.isVirtual()).map(Thread::getName)
                .filter(n -> !n.startsWith("ForkJoinPool-") && !n.startsWith("HttpClient-") && !n.startsWith("process reaper"))
                .sorted().toList();
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** SSE clients that read a few bytes, or none, and hold their connection with a tiny receive window. */
    private static final class SlowClients implements AutoCloseable {

        private final List<Socket> sockets;

        private SlowClients(List<Socket> sockets) {
            this.sockets = sockets;
        }

        static SlowClients open(int port, String job, int n) throws Exception {
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Socket s = new Socket();
                s.setReceiveBufferSize(1024);
                s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                s.getOutputStream().write(("GET /api/v1/jobs/" + job + "/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
                                                  .getBytes(StandardCharsets.US_ASCII));
                if (i % 2 == 0) {
                    InputStream in = s.getInputStream();
                    s.setSoTimeout(2000);
                    in.read(new byte[16]);      // a slow reader: a few bytes, then nothing more
                }
                sockets.add(s);
            }
            TimeUnit.MILLISECONDS.sleep(500);
            return new SlowClients(sockets);
        }

        @Override
        public void close() throws Exception {
            for (Socket s : sockets) {
                s.close();
            }
        }
    }
}
