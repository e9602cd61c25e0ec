package org.reelflow.providers.tts;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.http.RetryPolicy;
import org.reelflow.providers.vendor.VendorSettings;

/**
 * A local stand-in for a vendor's API on 127.0.0.1: it records every request and answers from a script of
 * replies (the last one repeats), so a test can check the wire format and play 401s, 429s, slow answers…
 */
public final class VendorDouble implements AutoCloseable {

    /** Fast enough for tests: 1.5 s per attempt, three attempts, tiny backoff. */
    public static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(1500), 3, Duration.ofMillis(20),
                                                           Duration.ofMillis(100), Duration.ofSeconds(5));

    /** One request as it arrived. */
    public record Request(String method, String path, String query, Headers headers, byte[] body) {
        public JsonObject json() {
            return Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();
        }

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** One scripted reply. */
    @FunctionalInterface
    public interface Reply {
        void answer(HttpExchange ex) throws IOException;
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
    private volatile Reply last;
    public final CountDownLatch arrived = new CountDownLatch(1);

    public VendorDouble() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                                     ex.getRequestURI().getRawQuery(), ex.getRequestHeaders(), body));
            arrived.countDown();
            Reply r = replies.poll();
            if (r == null) {
                r = last;
            } else if (replies.isEmpty()) {
                last = r;
            }
            if (r == null) {
                send(ex, 500, "{\"error\":\"no reply scripted\"}", Map.of());
            } else {
                r.answer(ex);
            }
        });
        server.start();
    }

    /** Adds replies to the script; the last one is repeated for any further request. */
    public VendorDouble then(Reply... rs) {
        for (Reply r : rs) {
            replies.add(r);
        }
        last = null;
        return this;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Settings that send {@code provider} here with the {@link #FAST} policy. */
    public VendorSettings settings(String provider) {
        return settings(provider, FAST);
    }

    public VendorSettings settings(String provider, RetryPolicy policy) {
        return VendorSettings.defaults(ProviderHttp.create()).withBaseUrl(provider, baseUrl())
                             .withPolicy(provider, policy);
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public Request only() {
        if (requests.size() != 1) {
            throw new AssertionError("expected one request, got " + requests.size());
        }
        return requests.getFirst();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- replies -------------------------------------------------------------------------------------------

    public static Reply json(int status, JsonObject body) {
        return json(status, body.toString(), Map.of());
    }

    public static Reply json(int status, String body) {
        return json(status, body, Map.of());
    }

    public static Reply json(int status, String body, Map<String, String> headers) {
        return ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/json");
            send(ex, status, body, headers);
        };
    }

    public static Reply bytes(int status, String contentType, byte[] body) {
        return ex -> {
            ex.getResponseHeaders().add("Content-Type", contentType);
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        };
    }

    /** Answers only after {@code ms} (past any test timeout); gives up quietly when the server stops. */
    public static Reply slow(long ms, Reply then) {
        return ex -> {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                return;
            }
            then.answer(ex);
        };
    }

    public static Reply rateLimited(String retryAfterSeconds) {
        return json(429, "{\"error\":{\"message\":\"Too many requests\",\"status\":\"RESOURCE_EXHAUSTED\"}}",
                    Map.of("Retry-After", retryAfterSeconds));
    }

    private static void send(HttpExchange ex, int status, String body, Map<String, String> headers)
            throws IOException {
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            ex.getResponseBody().write(b);
        }
        ex.close();
    }
}
