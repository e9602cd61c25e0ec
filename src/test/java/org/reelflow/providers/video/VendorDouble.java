package org.reelflow.providers.video;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * A vendor's API on 127.0.0.1: routes by method and path, records every request (method, path, query, headers,
 * body) for the test to assert on, and answers with whatever the route's handler writes. Unrouted requests get a
 * 404 so a wrong path fails loudly.
 */
public final class VendorDouble implements AutoCloseable {

    /** A request as the vendor saw it. */
    public record Seen(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {

        /** The first value of a header (case-insensitive), or null. */
        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

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

        public JsonObject json() {
            return Json.createReader(new StringReader(text())).readObject();
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    @FunctionalInterface
    public interface Handler {
        void handle(HttpExchange ex, Seen seen) throws Exception;
    }

    private final HttpServer server;
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    public VendorDouble() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::dispatch);
        server.start();
    }

    /** Routes {@code method path} (exact path, query ignored) to {@code h}, replacing any earlier route. */
    public VendorDouble on(String method, String path, Handler h) {
        routes.put(method + " " + path, h);
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create(url());
    }

    public List<Seen> requests() {
        return new ArrayList<>(seen);
    }

    public List<Seen> requests(String method, String path) {
        return seen.stream().filter(s -> s.method().equals(method) && s.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void dispatch(HttpExchange ex) throws IOException {
        Seen s = new Seen(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(),
                          Map.copyOf(ex.getRequestHeaders()), ex.getRequestBody().readAllBytes());
        seen.add(s);
        Handler h = routes.get(s.method() + " " + URLDecoder.decode(s.path(), StandardCharsets.UTF_8));
        if (h == null) {
            h = routes.get(s.method() + " " + s.path());
        }
        try {
            if (h == null) {
                json(ex, 404, "{\"error\":\"no route for " + s.method() + " " + s.path() + "\"}");
            } else {
                h.handle(ex, s);
            }
        } catch (InterruptedException e) {
            // the server is stopping or the client went away
        } catch (Exception e) {
            json(ex, 599, "{\"error\":\"double failed: " + String.valueOf(e.getMessage()).replace('"', '\'') + "\"}");
        } finally {
            ex.close();
        }
    }

    // ---- answers ------------------------------------------------------------------------------------------

    public static void json(HttpExchange ex, int status, String body) throws IOException {
        json(ex, status, body, Map.of());
    }

    public static void json(HttpExchange ex, int status, String body, Map<String, String> headers) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        bytes(ex, status, body.getBytes(StandardCharsets.UTF_8), headers);
    }

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

    // ---- fixtures -----------------------------------------------------------------------------------------

    /** Bytes that start like an MP4 (an {@code ftyp} box) so providers accept them as a clip. */
    public static byte[] fakeMp4(String tag) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '2'});
        b.writeBytes(("mdat:" + tag).getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    /** A real PNG (vertical, 90×160) to use as a first frame. */
    public static byte[] png() {
        try {
            var img = new java.awt.image.BufferedImage(90, 160, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var g = img.createGraphics();
            g.setColor(new java.awt.Color(30, 90, 160));
            g.fillRect(0, 0, 90, 160);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
