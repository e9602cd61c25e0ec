package org.reelflow.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import org.reelflow.events.JobEvent;
import org.reelflow.events.ListenerRegistry;
import org.reelflow.events.SseFrames;
import org.reelflow.events.Subscription;
import org.reelflow.jobs.Job;
import org.reelflow.jobs.JobService;

/**
 * {@code GET /api/v1/jobs/:id/events}: the job's Server-Sent Events stream. Blocking style, on the virtual thread
 * Helidon gives each connection: subscribe, open (snapshot or replay), then take from this client's own queue
 * until the terminal event. The poll timeout is the heartbeat, which is also how a vanished client is found:
 * the write fails and the subscription is removed. A client that stays connected but stops reading blocks a
 * write instead; the {@link WriteWatchdog} ends that write after {@code sse.write-timeout}.
 */
public final class EventsApi implements HttpService {

    private static final byte[] HEARTBEAT = SseFrames.comment("heartbeat");
    private static final HeaderName LAST_EVENT_ID = HeaderNames.create("Last-Event-ID");

    private final JobService jobs;
    private final ListenerRegistry registry;
    private final Duration heartbeat;
    private final byte[] retryHint;
    private final WriteWatchdog watchdog;

    /** @param writeTimeout how long one write may make no progress before its stream is ended */
    public EventsApi(JobService jobs, ListenerRegistry registry, Duration heartbeat, Duration retry,
                     Duration writeTimeout) {
        this.jobs = jobs;
        this.registry = registry;
        this.heartbeat = heartbeat;
        this.retryHint = SseFrames.retry(retry.toMillis());
        this.watchdog = new WriteWatchdog(writeTimeout);
    }

    @Override
    public void beforeStart() {
        watchdog.start();
    }

    @Override
    public void afterStop() {
        watchdog.stop();
    }

    @Override
    public void routing(HttpRules rules) {
        Resource.register(rules, "/jobs/{id}/events", Map.of(Method.GET, this::stream));
    }

    private void stream(ServerRequest req, ServerResponse res) {
        String id = Responses.jobId(req);
        Job job = jobs.find(id).orElseThrow(() -> ApiException.notFound("Job not found"));
        Long lastEventId = lastEventId(req);
        if (req.prologue().method() == Method.HEAD) {
            res.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            res.header(HeaderNames.CACHE_CONTROL, "no-cache");
            res.send();             // a probe: the stream exists, and a HEAD never carries its body
            return;
        }

        Subscription sub = registry.subscribe(id);     // first: every later event is queued for us
        try {
            res.status(Status.OK_200);
            res.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            res.header(HeaderNames.CACHE_CONTROL, "no-cache");
            res.header("X-Accel-Buffering", "no");     // ask reverse proxies not to buffer the stream
            try (OutputStream out = watchdog.watch(res.outputStream())) {
                long position = writeOpening(job.open(lastEventId), out);
                if (position >= 0) {
                    follow(sub, out, position);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UncheckedIOException | IOException | io.helidon.webserver.ServerConnectionException e) {
            // The client went away; nothing to answer.
        } finally {
            registry.unsubscribe(sub);
        }
    }

    /**
     * Writes the retry hint and the opening frames; returns the id they cover, or -1 when the stream is complete.
     * A method of its own so the snapshot's bytes are garbage once written, not held by every idle stream.
     */
    private long writeOpening(Job.Opening opening, OutputStream out) throws IOException {
        out.write(retryHint);
        for (byte[] frame : opening.frames()) {
            out.write(frame);
        }
        out.flush();
        return opening.ended() ? -1 : opening.position();
    }

    /** Writes live events until the terminal one, the client leaves, it falls too far behind, or the server stops. */
    private void follow(Subscription sub, OutputStream out, long position) throws InterruptedException, IOException {
        long written = position;
        while (true) {
            JobEvent e = sub.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
            if (e == null) {
                if (sub.end() != Subscription.End.NONE) {
                    return;         // cut off (it resumes by id) or server shutdown: end the stream cleanly
                }
                out.write(HEARTBEAT);
                out.flush();
                continue;
            }
            if (e.id() <= written) {
                continue;           // already covered by the snapshot or the replay
            }
            out.write(e.frame());
            out.flush();
            written = e.id();
            if (e.terminal()) {
                return;
            }
        }
    }

    /** {@code Last-Event-ID} header, else {@code ?lastEventId=}; an unparsable id counts as none (a new stream). */
    private static Long lastEventId(ServerRequest req) {
        Optional<String> raw = req.headers().first(LAST_EVENT_ID);
        if (raw.isEmpty()) {
            raw = req.query().first("lastEventId").asOptional();
        }
        try {
            return raw.map(String::trim).map(Long::parseLong).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
