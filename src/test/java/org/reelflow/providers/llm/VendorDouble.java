package org.reelflow.providers.llm;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A vendor stand-in on a loopback port: records every request and answers from a script, one reply per request
 * in order (the last one repeats). A reply may stall, to exercise timeouts and cancellation.
 */
public final class VendorDouble implements AutoCloseable {

    /** One recorded request. */
    public record Seen(String method, String path, String query, Headers headers, String body) {
        public JsonObject json() {
            try (var r = Json.createReader(new StringReader(body))) {
                return r.readObject();
            }
        }

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** One scripted answer. */
    public record Reply(int status, String body, Map<String, String> headers, long stallMillis) {
        public static Reply ok(String body) {
            return new Reply(200, body, Map.of(), 0);
        }

        public static Reply status(int status, String body) {
            return new Reply(status, body, Map.of(), 0);
        }

        public Reply withHeader(String name, String value) {
            return new Reply(status, body, Map.of(name, value), stallMillis);
        }

        public Reply stalling(long millis) {
            return new Reply(status, body, headers, millis);
        }
    }

    private final HttpServer server;
    private final Deque<Reply> script = new ArrayDeque<>();
    private Reply last;
    public final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    public VendorDouble() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public synchronized VendorDouble then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    private synchronized Reply next() {
        Reply r = script.poll();
        if (r != null) {
            last = r;
        }
        return last == null ? Reply.status(500, "{\"error\":\"no script\"}") : last;
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestURI().getRawQuery(),
                          ex.getRequestHeaders(), body));
        Reply r = next();
        if (r.stallMillis() > 0) {
            try {
                if (closing.await(r.stallMillis(), TimeUnit.MILLISECONDS)) {
                    ex.close();
                    return;
                }
            } catch (InterruptedException e) {
                ex.close();
                return;
            }
        }
        r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.getResponseHeaders().add("Content-Type", "application/json");
        byte[] b = r.body().getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(r.status(), b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            ex.getResponseBody().write(b);
        }
        ex.close();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
