package org.reelflow.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/**
 * A job's event stream over HTTP ({@code GET /api/v1/jobs/:id/events}) read with {@code java.net.http} and parsed
 * by hand. A dropped connection — an error, the server closing early, or silence longer than three heartbeats —
 * is resumed after the server's {@code retry:} delay with {@code Last-Event-ID}, so the server replays exactly the
 * missed events. ({@code Accept} names JSON too: the server writes its errors — a 404 for an unknown job — as
 * JSON, and fails with a 500 when the request accepts only {@code text/event-stream}.) The first connection failing, a 404, or too many failed reconnects in a row end the feed.
 */
final class RemoteFeed implements EventFeed {

    /** Thrown through {@link #poll} when the stream can no longer be followed. */
    private record Fatal(String message) {
    }

    private final HttpClient http;
    private final URI base;
    private final String jobId;
    private final URI events;
    private final SseParser parser = new SseParser();
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final long defaultRetryMillis;
    private final int maxReconnects;
    private final long idleLimitNanos;
    private final Thread reader;
    private volatile boolean closed;
    private final java.util.Queue<String> notices = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile long lastActivity = System.nanoTime();
    private volatile InputStream current;
    private volatile int connections;
    /** Sent as a bearer token when the server has one (api.token), else null. */
    private final String token;

    /**
     * @param base           the server, e.g. {@code http://localhost:8080}
     * @param maxReconnects  failed reconnects in a row before giving up
     * @param idleLimit      no byte for this long (heartbeats included) counts as a dropped connection
     */
    RemoteFeed(URI base, String jobId, Duration defaultRetry, int maxReconnects, Duration idleLimit, String token) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                              .connectTimeout(Duration.ofSeconds(5)).build();
        this.base = base;
        this.jobId = jobId;
        this.events = URI.create(base + "/api/v1/jobs/" + jobId + "/events");
        this.defaultRetryMillis = defaultRetry.toMillis();
        this.maxReconnects = maxReconnects;
        this.idleLimitNanos = idleLimit.toNanos();
        this.token = token;
        this.reader = Thread.ofVirtual().name("reelflow-watch-" + jobId).start(this::readLoop);
    }

    private void readLoop() {
        int failures = 0;
        String lastError = null;
        while (!closed) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(events).GET()
                        .header("Accept", "text/event-stream, application/json;q=0.5").header("Cache-Control", "no-cache");
                if (parser.lastEventId() != null) {
                    request.header("Last-Event-ID", parser.lastEventId());
                }
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                HttpResponse<InputStream> res = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                if (res.statusCode() != 200) {
                    String error = errorOf(res);
                    boolean transientError = res.statusCode() >= 500 && connections > 0;
                    if (!transientError) {
                        queue.add(new Fatal(res.statusCode() == 404
                                ? "Job " + jobId + " not found on " + base
                                : base + " answered " + res.statusCode() + (error.isEmpty() ? "" : ": " + error)));
                        return;
                    }
                    throw new IOException("the server answered " + res.statusCode());
                }
                if (connections++ > 0) {
                    notices.add("Reconnected" + (parser.lastEventId() == null ? "" : "; resuming after event " + parser.lastEventId()));
                }
                failures = 0;
                parser.reset();
                try (InputStream body = res.body();
                     BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                    current = body;
                    lastActivity = System.nanoTime();
                    String line;
                    while ((line = lines.readLine()) != null) {
                        lastActivity = System.nanoTime();
                        StreamEvent e = parser.line(line);
                        if (e != null) {
                            queue.add(e);
                            if (e.terminal()) {
                                return;
                            }
                        }
                    }
                    lastError = "the server closed the stream";
                } finally {
                    current = null;
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                lastError = describe(e);
            }
            if (closed) {
                return;
            }
            if (connections == 0) {
                queue.add(new Fatal("Cannot connect to " + base + ": " + lastError));
                return;
            }
            if (++failures > maxReconnects) {
                queue.add(new Fatal("Lost the connection to " + base + " (" + lastError + ") after " + maxReconnects
                                    + " attempts to reconnect"));
                return;
            }
            long wait = parser.retryMillis() >= 0 ? Math.min(parser.retryMillis(), 30_000) : defaultRetryMillis;
            notices.add("Connection lost (" + lastError + "); reconnecting in "
                     + ProgressDisplay.seconds(wait / 1000.0) + " (attempt " + failures + " of " + maxReconnects + ")");
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public StreamEvent poll(long timeoutMillis) throws InterruptedException, IOException {
        InputStream open = current;
        if (open != null && System.nanoTime() - lastActivity > idleLimitNanos) {
            lastActivity = System.nanoTime();
            open.close();        // the reader sees an error and reconnects
        }
        Object o = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (o instanceof Fatal f) {
            throw new IOException(f.message());
        }
        return (StreamEvent) o;
    }

    @Override
    public String takeNotice() {
        return notices.poll();
    }

    /** How many times the stream was opened (tests). */
    int connections() {
        return connections;
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        InputStream open = current;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private static String errorOf(HttpResponse<InputStream> res) {
        try (InputStream in = res.body()) {
            String body = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                JsonObject o = r.readObject();
                return o.getString("error", body.strip());
            } catch (RuntimeException e) {
                return GenerateRequest.oneLine(body);
            }
        } catch (IOException e) {
            return "";
        }
    }

    static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof HttpTimeoutException) {
            return "timed out";
        }
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : GenerateRequest.oneLine(t.getMessage());
    }
}
