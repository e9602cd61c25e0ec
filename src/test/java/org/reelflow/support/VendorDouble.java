package org.reelflow.support;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.time.Duration;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.http.RetryPolicy;
import org.reelflow.providers.vendor.VendorSettings;

/**
 * A vendor's API on 127.0.0.1, the one double of every provider and whole-server test. Every request is recorded
 * (method, path, query, headers, body) for the test to assert on, and answered by a scripted {@link Reply}:
 * <ul>
 *   <li>{@link #on}: a route ({@code method path}, query ignored) with its own replies in order, the last one
 *       repeating, so one double can play a host with several endpoints (Google's LLM, image and music models) and
 *       each endpoint can fail once and then recover;</li>
 *   <li>{@link #then}: one script, in order, the last repeating, for every request no route takes (a single-endpoint
 *       provider test).</li>
 * </ul>
 * An unrouted request with no script gets a 404 naming it (500 when the double has no routes at all); a reply that
 * throws answers 599 with the reason; a {@linkplain Reply#stalling stalled} reply ends unanswered when the double
 * closes. A double {@linkplain #serving serving} models answers its vendor's list endpoint and refuses any other model
 * as the vendor does, before routes and script.
 */
public final class VendorDouble implements AutoCloseable {

    /** A request as the vendor saw it. */
    public record Seen(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {

        /** The first value of a header (case-insensitive), or null. */
        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().getFirst();
                }
            }
            return null;
        }

        /** The decoded query parameters (the last value of a repeated name wins). */
        public Map<String, String> query() {
            Map<String, String> q = new LinkedHashMap<>();
            if (rawQuery != null) {
                for (String pair : rawQuery.split("&")) {
                    int eq = pair.indexOf('=');
                    String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    q.put(k, v);
                }
            }
            return q;
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonObject json() {
            try (var r = Json.createReader(new StringReader(text()))) {
                return r.readObject();
            }
        }

        @Override
        public String toString() {
            return method + " " + path + (rawQuery == null ? "" : "?" + rawQuery);
        }
    }

    /** One scripted answer; it may look at the request (e.g. to speak the text it was sent). */
    @FunctionalInterface
    public interface Reply {
        void answer(HttpExchange ex, Seen seen) throws Exception;

        /** 200 with a JSON body. */
        static Reply ok(String body) {
            return json(200, body);
        }

        /** {@code status} with a JSON body. */
        static Reply status(int status, String body) {
            return json(status, body);
        }

        /** This answer with one more response header. */
        default Reply withHeader(String name, String value) {
            Reply inner = this;
            return (ex, seen) -> {
                ex.getResponseHeaders().add(name, value);
                inner.answer(ex, seen);
            };
        }

        /**
         * This answer after {@code millis}; if the double closes first, the exchange is closed unanswered at once
         * (a stalled vendor, for timeouts and cancellation).
         */
        default Reply stalling(long millis) {
            return new Stalled(this, millis);
        }
    }

    /** A reply held back; the dispatcher waits on the double's closing latch so {@link #close()} ends it. */
    private record Stalled(Reply then, long millis) implements Reply {
        @Override
        public void answer(HttpExchange ex, Seen seen) throws Exception {
            then.answer(ex, seen);
        }
    }

    /** Fast enough for provider tests: 1.5 s per attempt, three attempts, tiny backoff. */
    public static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(1500), 3, Duration.ofMillis(20),
                                                           Duration.ofMillis(100), Duration.ofSeconds(5));

    private final HttpServer server;
    private final Map<String, Deque<Reply>> routes = new ConcurrentHashMap<>();
    private final Deque<Reply> script = new ArrayDeque<>();
    private Reply last;
    private volatile ServedModels served;
    /** Every request in arrival order. */
    public final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    /** Opens when the first request arrives. */
    public final CountDownLatch arrived = new CountDownLatch(1);

    public VendorDouble() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::dispatch);
        server.start();
    }

    /**
     * Scripts {@code method path} (exact path, matched decoded or raw; query ignored): the replies answer in order,
     * the last one repeats; replaces an earlier script.
     */
    public VendorDouble on(String method, String path, Reply... replies) {
        if (replies.length == 0) {
            throw new IllegalArgumentException("a route needs at least one reply");
        }
        routes.put(method + " " + path, new ArrayDeque<>(List.of(replies)));
        return this;
    }

    /** Lists these models at the vendor's list endpoint and refuses requests naming any other (see {@link ServedModels}). */
    public VendorDouble serving(ServedModels models) {
        this.served = models;
        return this;
    }

    /** Every request but those for a list of models (or ElevenLabs' voices): the vendor calls a job makes. */
    public List<Seen> withoutModelLists() {
        return seen.stream().filter(s -> !(s.method().equals("GET")
                                           && (s.path().endsWith("/models") || s.path().endsWith("/v1/voices")))).toList();
    }

    /**
     * Adds replies to the script that answers every request no route takes, in order; the last one repeats for any
     * further request.
     */
    public synchronized VendorDouble then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    private synchronized Reply nextScripted() {
        Reply r = script.poll();
        if (r != null) {
            last = r;
        }
        return last;
    }

    /** The double's base URL with {@code path} appended (e.g. {@code "/v1/"} for Anthropic's client). */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The double's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return url("");
    }

    public URI uri() {
        return URI.create(url(""));
    }

    public URI baseUrl() {
        return uri();
    }

    /** Settings that send {@code provider} here with the {@link #FAST} policy. */
    public VendorSettings settings(String provider) {
        return settings(provider, FAST);
    }

    public VendorSettings settings(String provider, RetryPolicy policy) {
        return VendorSettings.defaults(ProviderHttp.create()).withBaseUrl(provider, baseUrl())
                             .withPolicy(provider, policy);
    }

    /** The one request the double saw (fails if there were none or several). */
    public Seen only() {
        if (seen.size() != 1) {
            throw new AssertionError("expected one request, got " + seen.size());
        }
        return seen.getFirst();
    }

    public List<Seen> requests() {
        return List.copyOf(seen);
    }

    public List<Seen> requests(String method, String path) {
        return seen.stream().filter(s -> s.method().equals(method) && s.path().equals(path)).toList();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }

    private Reply next(String route) {
        Deque<Reply> script = routes.get(route);
        if (script == null) {
            return null;
        }
        synchronized (script) {
            return script.size() > 1 ? script.poll() : script.peek();
        }
    }

    private void dispatch(HttpExchange ex) throws IOException {
        Seen s = new Seen(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(),
                          Map.copyOf(ex.getRequestHeaders()), ex.getRequestBody().readAllBytes());
        seen.add(s);
        arrived.countDown();
        ServedModels models = served;
        Reply r = models == null ? null : models.answer(s);
        if (r == null) {
            r = next(s.method() + " " + URLDecoder.decode(s.path(), StandardCharsets.UTF_8));
        }
        if (r == null) {
            r = next(s.method() + " " + s.path());
        }
        if (r == null) {
            r = nextScripted();
        }
        try {
            if (r instanceof Stalled st && closing.await(st.millis(), TimeUnit.MILLISECONDS)) {
                return;                              // the double is closing: leave the request unanswered
            }
            if (r == null && routes.isEmpty()) {
                send(ex, 500, "{\"error\":\"no reply scripted\"}", Map.of());
            } else if (r == null) {
                send(ex, 404, "{\"error\":\"no route for " + s.method() + " " + s.path() + "\"}", Map.of());
            } else {
                r.answer(ex, s);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();      // the server is stopping or the client went away
        } catch (Exception e) {
            try {
                send(ex, 599, "{\"error\":\"double failed: " + String.valueOf(e).replace('"', '\'') + "\"}", Map.of());
            } catch (IOException | RuntimeException alreadyAnswered) {
                // the reply had started its answer; closing the exchange cuts it, which the client sees
            }
        } finally {
            ex.close();
        }
    }

    // ---- replies ------------------------------------------------------------------------------------------

    public static Reply json(int status, JsonObject body) {
        return json(status, body.toString(), Map.of());
    }

    public static Reply json(int status, String body) {
        return json(status, body, Map.of());
    }

    public static Reply json(int status, String body, Map<String, String> headers) {
        return (ex, seen) -> send(ex, status, body, headers);
    }

    public static Reply bytes(int status, String contentType, byte[] body) {
        return (ex, seen) -> {
            ex.getResponseHeaders().add("Content-Type", contentType);
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                ex.getResponseBody().write(body);
            }
        };
    }

    /** Answers only after {@code ms} (past any test timeout); gives up quietly when the server stops. */
    public static Reply slow(long ms, Reply then) {
        return (ex, seen) -> {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                return;
            }
            then.answer(ex, seen);
        };
    }

    public static Reply rateLimited(String retryAfterSeconds) {
        return json(429, "{\"error\":{\"message\":\"Too many requests\",\"status\":\"RESOURCE_EXHAUSTED\"}}",
                    Map.of("Retry-After", retryAfterSeconds));
    }

    /** Google's 429 for a spent per-minute quota: no Retry-After header, see {@link #googleQuotaSpent}. */
    public static Reply googleRateLimited(String retryDelay) {
        return json(429, googleQuotaSpent(retryDelay));
    }

    /**
     * Google's body for a spent quota: the wait in a {@code RetryInfo} detail ({@code retryDelay}, a protobuf
     * Duration such as {@code "37s"}) beside the quota that ran out.
     */
    public static String googleQuotaSpent(String retryDelay) {
        return "{\"error\":{\"code\":429,\"message\":\"You exceeded your current quota, please check your plan and billing "
               + "details.\",\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.QuotaFailure\","
               + "\"violations\":[{\"quotaMetric\":\"generativelanguage.googleapis.com/generate_content_free_tier_requests\","
               + "\"quotaId\":\"GenerateRequestsPerMinutePerProjectPerModel-FreeTier\",\"quotaValue\":\"10\"}]},"
               + "{\"@type\":\"type.googleapis.com/google.rpc.Help\",\"links\":[{\"description\":\"Learn more about Gemini API "
               + "quotas\",\"url\":\"https://ai.google.dev/gemini-api/docs/rate-limits\"}]},"
               + "{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"" + retryDelay + "\"}]}}";
    }

    /** Google's answer to a bad key: 400 INVALID_ARGUMENT, see {@link #GOOGLE_KEY_INVALID}. */
    public static Reply googleKeyInvalid() {
        return json(400, GOOGLE_KEY_INVALID);
    }

    /** Google's body for a bad key: an {@code ErrorInfo} detail whose reason is {@code API_KEY_INVALID}. */
    public static final String GOOGLE_KEY_INVALID = "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a "
            + "valid API key.\",\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\","
            + "\"reason\":\"API_KEY_INVALID\",\"domain\":\"googleapis.com\",\"metadata\":{\"service\":"
            + "\"generativelanguage.googleapis.com\"}},{\"@type\":\"type.googleapis.com/google.rpc.LocalizedMessage\","
            + "\"locale\":\"en-US\",\"message\":\"API key not valid. Please pass a valid API key.\"}]}}";

    // ---- answers written inside a reply: (ex, seen) -> json(ex, 200, ...) -----------------------------------

    /** Writes a JSON answer ({@code application/json; charset=utf-8}) and ends the exchange. */
    public static void json(HttpExchange ex, int status, String body) throws IOException {
        json(ex, status, body, Map.of());
    }

    public static void json(HttpExchange ex, int status, String body, Map<String, String> headers) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        bytes(ex, status, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Writes {@code body} with {@code headers} (set the content type there) and ends the exchange. */
    public static void bytes(HttpExchange ex, int status, byte[] body, Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    /** Holds the exchange open without answering (a slow vendor), until the client gives up or {@code d} passes. */
    public static void stall(HttpExchange ex, Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
    }

    /** Writes a JSON answer ({@code application/json}) without ending the exchange (the dispatcher does). */
    public static void send(HttpExchange ex, int status, String body, Map<String, String> headers) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/json");
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            ex.getResponseBody().write(b);
        }
    }
}
