package org.reelflow.providers.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.reelflow.providers.ProviderException;
import org.reelflow.support.VendorDouble;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Timeouts, retries, Retry-After, auth errors and cancellation against a local HTTP server. */
class ProviderHttpTest {

    static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(800), 3, Duration.ofMillis(20),
                                                    Duration.ofMillis(100), Duration.ofSeconds(5));

    HttpServer server;
    final AtomicInteger calls = new AtomicInteger();
    final List<String> retries = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }

    private static void answer(HttpExchange ex, int status, String body, Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            ex.getResponseBody().write(b);
        }
        ex.close();
    }

    private ProviderHttp http() {
        return ProviderHttp.create();
    }

    @Test
    void retriesARateLimitHonouringRetryAfter() throws Exception {
        server.createContext("/x", ex -> {
            if (calls.incrementAndGet() == 1) {
                answer(ex, 429, "{\"error\":{\"message\":\"slow down\"}}", Map.of("Retry-After", "1"));
            } else {
                answer(ex, 200, "{\"ok\":true}", Map.of());
            }
        });
        long t0 = System.nanoTime();
        var res = http().send("vendor", request("/x"), FAST, (p, a, reason, delay) -> retries.add(reason + " " + delay));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(res.statusCode(), is(200));
        assertThat(calls.get(), is(2));
        assertThat(retries, contains("Rate limit exceeded (vendor) PT1S"));
        assertThat("waited as Retry-After asked", ms, greaterThanOrEqualTo(1000L));
    }

    @Test
    void aListenerViewHearsTheRetriesOfCallsThatNameNone() throws Exception {
        server.createContext("/x", ex -> {
            if (calls.incrementAndGet() == 1) {
                answer(ex, 503, "{\"error\":\"busy\"}", Map.of("Retry-After", "0"));
            } else {
                answer(ex, 200, "{}", Map.of());
            }
        });
        ProviderHttp shared = http();
        ProviderHttp job = shared.withListener((p, a, reason, delay) -> retries.add(p + ": " + reason));
        assertThat(job.send("pexels", request("/x"), FAST, null).statusCode(), is(200));
        assertThat(retries, contains("pexels: pexels server error (HTTP 503): {\"error\":\"busy\"}"));
    }

    @Test
    void givesUpOnServerErrorsAfterTheLastAttempt() {
        server.createContext("/x", ex -> {
            calls.incrementAndGet();
            answer(ex, 500, "{\"error\":\"internal\"}", Map.of());
        });
        ProviderException e = assertThrows(ProviderException.class, () -> http().send("vendor", request("/x"), FAST, null));
        assertThat(e.kind(), is(ProviderException.Kind.SERVER));
        assertThat(e.getMessage(), is("vendor server error (HTTP 500): {\"error\":\"internal\"}"));
        assertThat(calls.get(), is(3));
    }

    @Test
    void anInvalidKeyFailsAtOnceNamingTheProvider() {
        server.createContext("/x", ex -> {
            calls.incrementAndGet();
            answer(ex, 401, "{\"error\":\"invalid x-api-key\"}", Map.of());
        });
        ProviderException e = assertThrows(ProviderException.class, () -> http().send("anthropic", request("/x"), FAST, null));
        assertThat(e.kind(), is(ProviderException.Kind.AUTH));
        assertThat(e.getMessage(), is("Invalid API key for anthropic (HTTP 401)"));
        assertThat("no retry on a bad key", calls.get(), is(1));
    }

    @Test
    void googlesRetryDelayIsWaitedOutWhenNoRetryAfterCame() throws Exception {
        server.createContext("/x", ex -> {
            if (calls.incrementAndGet() == 1) {
                answer(ex, 429, VendorDouble.googleQuotaSpent("0.3s"), Map.of());
            } else {
                answer(ex, 200, "{\"ok\":true}", Map.of());
            }
        });
        long t0 = System.nanoTime();
        var res = http().send("lyria", request("/x"), FAST, (p, a, reason, delay) -> retries.add(reason + " " + delay));
        assertThat(res.statusCode(), is(200));
        assertThat(retries, contains("Rate limit exceeded (lyria) PT0.3S"));
        assertThat("waited as retryDelay asked", (System.nanoTime() - t0) / 1_000_000, greaterThanOrEqualTo(300L));
    }

    @Test
    void aWaitLongerThanThePolicyAllowsEndsTheCallAtOnce() {
        server.createContext("/x", ex -> {
            calls.incrementAndGet();
            answer(ex, 429, VendorDouble.googleQuotaSpent("52758s"), Map.of());   // a spent daily quota
        });
        long t0 = System.nanoTime();
        ProviderException e = assertThrows(ProviderException.class,
                                           () -> http().send("gemini-image", request("/x"), FAST, (p, a, r, d) -> retries.add(r)));
        assertThat(e.kind(), is(ProviderException.Kind.RATE_LIMITED));
        assertThat(e.getMessage(), is("Rate limit exceeded (gemini-image): asked to wait 14 h 39 min, more than the 5 s a retry may wait"));
        assertThat("not asked again", calls.get(), is(1));
        assertThat(retries, empty());
        assertThat((System.nanoTime() - t0) / 1_000_000, lessThan(1_000L));
    }

    @Test
    void readsGooglesRetryDelayAndKeyReasonFromTheErrorDetails() {
        var quota = ProviderHttp.GoogleError.read(VendorDouble.googleQuotaSpent("37s").getBytes(StandardCharsets.UTF_8));
        assertThat(quota.retryDelay(), is(Duration.ofSeconds(37)));
        assertThat(quota.keyInvalid(), is(false));
        var key = ProviderHttp.GoogleError.read(VendorDouble.GOOGLE_KEY_INVALID.getBytes(StandardCharsets.UTF_8));
        assertThat(key.keyInvalid(), is(true));
        assertThat(key.retryDelay(), is((Duration) null));
        for (String other : List.of("{\"error\":{\"type\":\"rate_limit_error\"}}", "<html>busy</html>", "",
                                    "{\"error\":{\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\","
                                    + "\"retryDelay\":\"soon\"}]}}")) {
            assertThat(other, ProviderHttp.GoogleError.read(other.getBytes(StandardCharsets.UTF_8)),
                       is(ProviderHttp.GoogleError.NONE));
        }
    }

    @Test
    void googlesApiKeyInvalidIsAnInvalidKeyNotABadRequest() {
        server.createContext("/x", ex -> {
            calls.incrementAndGet();
            answer(ex, 400, VendorDouble.GOOGLE_KEY_INVALID, Map.of());
        });
        ProviderException e = assertThrows(ProviderException.class, () -> http().send("gemini-tts", request("/x"), FAST, null));
        assertThat(e.kind(), is(ProviderException.Kind.AUTH));
        assertThat(e.getMessage(), is("Invalid API key for gemini-tts (HTTP 400)"));
        assertThat("no retry on a bad key", calls.get(), is(1));
        assertThat("its job stops naming the key", ProviderException.unfixable(e).isPresent(), is(true));
    }

    @Test
    void anotherGoogle400StaysABadRequest() {
        server.createContext("/x", ex -> answer(ex, 400, "{\"error\":{\"code\":400,\"message\":\"Image aspect ratio not "
                + "supported.\",\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc."
                + "BadRequest\",\"fieldViolations\":[{\"field\":\"generation_config.image_config.aspect_ratio\"}]}]}}", Map.of()));
        ProviderException e = assertThrows(ProviderException.class, () -> http().send("gemini-image", request("/x"), FAST, null));
        assertThat(e.kind(), is(ProviderException.Kind.BAD_REQUEST));
    }

    @Test
    void aSlowAnswerTimesOutAndIsRetried() {
        server.createContext("/x", ex -> {
            calls.incrementAndGet();
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                return;
            }
            answer(ex, 200, "{}", Map.of());
        });
        RetryPolicy twoTries = new RetryPolicy(Duration.ofMillis(300), 2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1));
        long t0 = System.nanoTime();
        ProviderException e = assertThrows(ProviderException.class, () -> http().send("vendor", request("/x"), twoTries, null));
        assertThat(e.kind(), is(ProviderException.Kind.TIMEOUT));
        assertThat(calls.get(), is(2));
        assertThat((System.nanoTime() - t0) / 1_000_000, lessThan(2_500L));
    }

    @Test
    void aDroppedConnectionIsRetried() throws Exception {
        server.createContext("/x", ex -> {
            if (calls.incrementAndGet() == 1) {
                ex.getResponseHeaders().add("Content-Length", "100");
                ex.sendResponseHeaders(200, 100);
                ex.getResponseBody().write("{\"partial".getBytes(StandardCharsets.UTF_8));
                ex.close();                  // the body ends early: the client sees a broken exchange
            } else {
                answer(ex, 200, "{\"ok\":true}", Map.of());
            }
        });
        var res = http().send("vendor", request("/x"), FAST, (p, a, reason, delay) -> retries.add(reason));
        assertThat(new String(res.body(), StandardCharsets.UTF_8), is("{\"ok\":true}"));
        assertThat(retries.size(), is(1));
    }

    @Test
    void aRefusedConnectionSaysWhatFailed() throws Exception {
        int closed;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();       // nothing listens here once the socket is closed
        }
        HttpRequest req = HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + closed + "/x")).GET().build();
        ProviderException e = assertThrows(ProviderException.class, () -> http().send("vendor", req, FAST, null));
        assertThat(e.getMessage(), is("vendor connection to 127.0.0.1 failed: connection refused"));
    }

    @Test
    void interruptingTheCallerAbortsTheCallAtOnce() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        server.createContext("/x", ex -> {
            arrived.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                // server side stopped
            }
        });
        RetryPolicy slow = FAST.withTimeout(Duration.ofSeconds(60));
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                http().send("vendor", request("/x"), slow, null);
            } catch (InterruptedException e) {
                retries.add("interrupted");
            } catch (ProviderException e) {
                retries.add("failed " + e.getMessage());
            }
        });
        assertThat(arrived.await(5, TimeUnit.SECONDS), is(true));
        long t0 = System.nanoTime();
        caller.interrupt();
        caller.join(5_000);
        assertThat(caller.isAlive(), is(false));
        assertThat((System.nanoTime() - t0) / 1_000_000, lessThan(1_000L));
        assertThat(retries, contains("interrupted"));
    }

    @Test
    void boundsCallsInFlightPerProvider() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        server.createContext("/x", ex -> {
            peak.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
            inside.decrementAndGet();
            answer(ex, 200, "{}", Map.of());
        });
        ProviderHttp http = new ProviderHttp(java.net.http.HttpClient.newHttpClient(), Map.of("veo", 2), 8);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    http.send("veo", request("/x"), FAST, null);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(peak.get(), is(2));
    }

    @Test
    void readsRetryAfterAsSecondsOrDate() {
        var secs = java.net.http.HttpHeaders.of(Map.of("Retry-After", List.of("2.5")), (a, b) -> true);
        assertThat(ProviderHttp.retryAfter(secs), is(Duration.ofMillis(2500)));
        var junk = java.net.http.HttpHeaders.of(Map.of("Retry-After", List.of("soon")), (a, b) -> true);
        assertThat(ProviderHttp.retryAfter(junk), is((Duration) null));
    }
}
