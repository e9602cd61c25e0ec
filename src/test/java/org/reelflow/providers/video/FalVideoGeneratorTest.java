package org.reelflow.providers.video;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.http.RetryPolicy;
import org.reelflow.support.VendorDouble;
import org.reelflow.support.VendorWire;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.reelflow.support.VendorDouble.json;

/** Kling 2.6 Pro through fal's storage upload and queue API, against a local double. */
class FalVideoGeneratorTest {

    static final String KEY = "6f1c2d3e-fal0-4a4b-9c9d-0e0f1a2b3c4d:9a8b7c6d5e4f3a2b1c0d";
    static final RetryPolicy FAST = VeoVideoGeneratorTest.FAST;
    static final String SUBMIT = "/fal-ai/kling-video/v2.6/pro/image-to-video";
    static final String REQ = "764cabcf-b745-4b3e-ae38-1200304cf45b";
    static final String STATUS = "/fal-ai/kling-video/requests/" + REQ + "/status";
    static final String RESULT = "/fal-ai/kling-video/requests/" + REQ;
    static final String CANCEL = "/fal-ai/kling-video/requests/" + REQ + "/cancel";
    static final String INITIATE = "/storage/upload/initiate";

    @TempDir
    Path dir;
    VendorDouble fal;
    Path frame;
    final List<Exception> failures = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        fal = new VendorDouble();
        frame = dir.resolve("scene-3-ai.png");
        Files.write(frame, VendorWire.firstFrame());
        fal.on("POST", INITIATE, (ex, s) -> initiate(ex, s));
        fal.on("PUT", "/files/upload/Xk2p.png", (ex, s) -> json(ex, 200, "{}"));
        fal.on("PUT", CANCEL, (ex, s) -> json(ex, 202, "{\"status\":\"CANCELLATION_REQUESTED\"}"));
    }

    @AfterEach
    void stop() {
        fal.close();
        for (Exception e : failures) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(t.toString(), not(containsString(KEY)));
            }
        }
    }

    /**
     * fal storage's initiate, as fal's client calls it on rest.fal.ai: {@code storage_type} in the query,
     * {@code content_type} and {@code file_name} in the body (FastAPI's 422 without them), a signed
     * {@code upload_url} for the bytes and the {@code file_url} models read in the answer.
     */
    void initiate(com.sun.net.httpserver.HttpExchange ex, VendorDouble.Seen s) throws Exception {
        JsonObject body = s.json();
        for (String field : List.of("content_type", "file_name")) {
            if (!body.containsKey(field)) {
                json(ex, 422, "{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\",\"" + field + "\"],\"msg\":\"Field required\"}]}");
                return;
            }
        }
        json(ex, 200, "{\"upload_url\":\"" + fal.url() + "/files/upload/Xk2p.png?signature=abc\","
                      + "\"file_url\":\"https://v3.fal.media/files/rabbit/Xk2p.png\"}");
    }

    VideoSettings settings() {
        return VideoSettings.defaults().withFalUrls(fal.uri(), fal.uri()).withPolling(Duration.ofMillis(20), Duration.ofSeconds(5))
                .withPolicies(FAST, FAST);
    }

    FalVideoGenerator kling(VideoSettings s) {
        return new FalVideoGenerator(ProviderHttp.create(), KEY, s);
    }

    <T extends Exception> T fails(Class<T> type, org.junit.jupiter.api.function.Executable call) {
        T e = assertThrows(type, call);
        failures.add(e);
        return e;
    }

    String queued() {
        return "{\"status\":\"IN_QUEUE\",\"request_id\":\"" + REQ + "\",\"response_url\":\"" + fal.url() + RESULT + "\","
               + "\"status_url\":\"" + fal.url() + STATUS + "\",\"cancel_url\":\"" + fal.url() + CANCEL + "\",\"queue_position\":0}";
    }

    void submitOk() {
        fal.on("POST", SUBMIT, (ex, s) -> json(ex, 200, queued()));
    }

    void statuses(String... sequence) {
        AtomicInteger i = new AtomicInteger();
        fal.on("GET", STATUS, (ex, s) -> {
            String st = sequence[Math.min(i.getAndIncrement(), sequence.length - 1)];
            json(ex, st.equals("COMPLETED") ? 200 : 202, st.startsWith("{") ? st
                    : "{\"status\":\"" + st + "\",\"request_id\":\"" + REQ + "\",\"response_url\":\"" + fal.url() + RESULT + "\""
                      + (st.equals("IN_QUEUE") ? ",\"queue_position\":2" : ",\"logs\":null") + "}");
        });
    }

    void resultOk(byte[] clip) {
        fal.on("GET", RESULT, (ex, s) -> json(ex, 200, "{\"video\":{\"url\":\"" + fal.url() + "/cdn/files/lion/out.mp4\","
                                                       + "\"content_type\":\"video/mp4\",\"file_name\":\"out.mp4\",\"file_size\":" + clip.length + "}}"));
        fal.on("GET", "/cdn/files/lion/out.mp4", (ex, s) -> VendorDouble.bytes(ex, 200, clip, Map.of("Content-Type", "video/mp4")));
    }

    @Test
    void uploadsTheFrameQueuesTheRequestPollsAndDownloads() throws Exception {
        submitOk();
        statuses("IN_QUEUE", "IN_PROGRESS", "COMPLETED");
        byte[] clip = VendorWire.fakeMp4("kling");
        resultOk(clip);
        Path out = dir.resolve("assets/scene-3-ai-video.mp4");

        kling(settings()).generate(frame, "Camera orbits the lighthouse", "blur, warping", 7.0, out);

        assertArrayEquals(clip, Files.readAllBytes(out));
        var init = fal.requests("POST", INITIATE).get(0);
        assertThat(init.rawQuery(), is("storage_type=fal-cdn-v3"));
        assertThat(init.header("Authorization"), is("Key " + KEY));
        assertThat(init.json().getString("content_type"), is("image/png"));
        assertThat(init.json().getString("file_name"), is("first-frame.png"));
        assertThat("the frame expires after a day", init.header("X-Fal-Object-Lifecycle"),
                   is("{\"expiration_duration_seconds\":86400,\"allow_io_storage\":true}"));
        assertThat("fal's current storage host, not the legacy rest.alpha", VideoSettings.defaults().falRestUrl().toString(),
                   is("https://rest.fal.ai"));
        var put = fal.requests("PUT", "/files/upload/Xk2p.png").get(0);
        assertArrayEquals(Files.readAllBytes(frame), put.body());
        assertThat(put.header("Content-Type"), is("image/png"));
        assertThat("a signed upload URL gets no key", put.header("Authorization"), is((String) null));

        var submit = fal.requests("POST", SUBMIT).get(0);
        assertThat(submit.header("Authorization"), is("Key " + KEY));
        JsonObject input = submit.json();
        assertThat(input.getString("prompt"), is("Camera orbits the lighthouse"));
        assertThat(input.getString("start_image_url"), is("https://v3.fal.media/files/rabbit/Xk2p.png"));
        assertThat("5 or 10, as a string: 7 s needs 10", input.getString("duration"), is("10"));
        assertThat(input.getJsonNumber("cfg_scale").doubleValue(), is(0.5));
        assertThat(input.getString("negative_prompt"), is("blur, warping"));
        assertThat(input.getBoolean("generate_audio"), is(false));

        assertThat(fal.requests("GET", STATUS).size(), is(3));
        fal.requests("GET", STATUS).forEach(r -> assertThat(r.header("Authorization"), is("Key " + KEY)));
        assertThat(fal.requests("GET", RESULT).get(0).header("Authorization"), is("Key " + KEY));
        assertThat("the CDN download gets no key", fal.requests("GET", "/cdn/files/lion/out.mp4").get(0).header("Authorization"),
                   is((String) null));
        assertThat("nothing to cancel after success", fal.requests("PUT", CANCEL), empty());
    }

    @Test
    void aShortSceneGetsFiveSecondsAndNoNegativePromptIsSentWhenThereIsNone() throws Exception {
        submitOk();
        statuses("COMPLETED");
        resultOk(VendorWire.fakeMp4("k"));
        kling(settings()).generate(frame, "p", null, 3.0, dir.resolve("o.mp4"));
        JsonObject input = fal.requests("POST", SUBMIT).get(0).json();
        assertThat(input.getString("duration"), is("5"));
        assertThat(input.containsKey("negative_prompt"), is(false));
    }

    @Test
    void anInvalidKeyFailsAtOnceWithoutShowingIt() {
        fal.on("POST", INITIATE, (ex, s) -> json(ex, 401, "{\"detail\":\"Authentication is required to perform this action.\"}"));
        ProviderException e = fails(ProviderException.class, () -> kling(settings()).generate(frame, "p", null, 5, dir.resolve("o.mp4")));
        assertThat(e.kind(), is(Kind.AUTH));
        assertThat(e.getMessage(), is("Invalid API key for fal (HTTP 401)"));
        assertThat(fal.requests().size(), is(1));
    }

    @Test
    void aRejectedInputIsABadRequest() {
        fal.on("POST", SUBMIT, (ex, s) -> json(ex, 422, "{\"detail\":[{\"loc\":[\"body\",\"duration\"],\"msg\":\"unexpected value; permitted: '5', '10'\","
                                                         + "\"type\":\"value_error.const\"}]}"));
        ProviderException e = fails(ProviderException.class, () -> kling(settings()).generate(frame, "p", null, 5, dir.resolve("o.mp4")));
        assertThat(e.kind(), is(Kind.BAD_REQUEST));
        assertThat(e.getMessage(), containsString("permitted: '5', '10'"));
    }

    @Test
    void aRateLimitedSubmitIsRetriedAfterRetryAfter() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        fal.on("POST", SUBMIT, (ex, s) -> {
            if (calls.incrementAndGet() == 1) {
                json(ex, 429, "{\"detail\":\"Too many concurrent requests\"}", Map.of("Retry-After", "1"));
            } else {
                json(ex, 200, queued());
            }
        });
        statuses("COMPLETED");
        resultOk(VendorWire.fakeMp4("k"));
        long t0 = System.nanoTime();
        kling(settings()).generate(frame, "p", null, 5, dir.resolve("o.mp4"));
        assertThat(calls.get(), is(2));
        assertThat((System.nanoTime() - t0) / 1_000_000, greaterThanOrEqualTo(1000L));
    }

    @Test
    void serverErrorsWhilePollingAreRetriedThenReportedAndTheRequestCancelled() throws Exception {
        submitOk();
        fal.on("GET", STATUS, (ex, s) -> json(ex, 500, "{\"detail\":\"Internal Server Error\"}"));
        ProviderException e = fails(ProviderException.class, () -> kling(settings()).generate(frame, "p", null, 5, dir.resolve("o.mp4")));
        assertThat(e.kind(), is(Kind.SERVER));
        assertThat(fal.requests("GET", STATUS).size(), is(3));
        awaitCancel();
    }

    @Test
    void malformedStatusJsonIsAMalformedResponse() {
        submitOk();
        fal.on("GET", STATUS, (ex, s) -> json(ex, 202, "{\"status\":\"IN_PROG"));
        ProviderException e = fails(ProviderException.class, () -> kling(settings()).generate(frame, "p", null, 5, dir.resolve("o.mp4")));
        assertThat(e.kind(), is(Kind.MALFORMED_RESPONSE));
    }

    @Test
    void anUnknownStatusIsNotWaitedOnForever() {
        submitOk();
        statuses("{\"status\":\"EXPLODED\"}");
        ProviderException e = fails(ProviderException.class, () -> kling(settings()).generate(frame, "p", null, 5, dir.resolve("o.mp4")));
        assertThat(e.getMessage(), is("fal reported an unknown queue status EXPLODED"));
    }

    @Test
    void aSlowSubmitTimesOut() {
        fal.on("POST", SUBMIT, (ex, s) -> VendorDouble.stall(ex, Duration.ofSeconds(5)));
        RetryPolicy slow = new RetryPolicy(Duration.ofMillis(300), 1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        ProviderException e = fails(ProviderException.class,
                () -> kling(settings().withPolicies(slow, slow)).generate(frame, "p", null, 5, dir.resolve("o.mp4")));
        assertThat(e.kind(), is(Kind.TIMEOUT));
    }

    @Test
    void aRequestThatNeverCompletesTimesOutAndIsCancelled() throws Exception {
        submitOk();
        statuses("IN_QUEUE", "IN_PROGRESS");
        long t0 = System.nanoTime();
        ProviderException e = fails(ProviderException.class, () -> kling(settings().withPolling(Duration.ofMillis(50), Duration.ofMillis(300)))
                .generate(frame, "p", null, 5, dir.resolve("o.mp4")));
        assertThat(e.kind(), is(Kind.TIMEOUT));
        assertThat(e.getMessage(), is("fal video request did not finish within 300 ms"));
        assertThat((System.nanoTime() - t0) / 1_000_000, lessThan(1500L));
        awaitCancel();
    }

    @Test
    void aFailedRequestReportsFalsError() {
        submitOk();
        statuses("{\"status\":\"COMPLETED\",\"request_id\":\"" + REQ + "\",\"error\":\"Image dimensions are too small. Minimum: 300x300\","
                 + "\"error_type\":\"image_too_small\"}");
        ProviderException e = fails(ProviderException.class, () -> kling(settings()).generate(frame, "p", null, 5, dir.resolve("o.mp4")));
        assertThat(e.kind(), is(Kind.SERVER));
        assertThat(e.getMessage(), is("fal request failed: Image dimensions are too small. Minimum: 300x300"));
    }

    @Test
    void aFailedResultIsReported() {
        submitOk();
        statuses("COMPLETED");
        fal.on("GET", RESULT, (ex, s) -> json(ex, 422, "{\"detail\":[{\"msg\":\"The content could not be processed because it contained material flagged by a content checker.\","
                                                        + "\"type\":\"content_policy_violation\"}]}"));
        ProviderException e = fails(ProviderException.class, () -> kling(settings()).generate(frame, "p", null, 5, dir.resolve("o.mp4")));
        assertThat(e.kind(), is(Kind.BAD_REQUEST));
        assertThat(e.getMessage(), containsString("content_policy_violation"));
    }

    @Test
    void aResultWithoutAVideoUrlIsMalformed() {
        submitOk();
        statuses("COMPLETED");
        fal.on("GET", RESULT, (ex, s) -> json(ex, 200, "{\"video\":{}}"));
        ProviderException e = fails(ProviderException.class, () -> kling(settings()).generate(frame, "p", null, 5, dir.resolve("o.mp4")));
        assertThat(e.getMessage(), is("fal answered without video.url"));
    }

    @Test
    void cancellingWhileQueuedEndsAtOnceAndCancelsTheRequest() throws Exception {
        submitOk();
        CountDownLatch polled = new CountDownLatch(1);
        fal.on("GET", STATUS, (ex, s) -> {
            json(ex, 202, "{\"status\":\"IN_QUEUE\",\"queue_position\":4}");
            polled.countDown();
        });
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                kling(settings().withPolling(Duration.ofSeconds(5), Duration.ofSeconds(180))).generate(frame, "p", null, 5, dir.resolve("o.mp4"));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        assertThat(polled.await(5, TimeUnit.SECONDS), is(true));
        Thread.sleep(50);
        long t0 = System.nanoTime();
        caller.interrupt();
        caller.join(5_000);
        assertThat((System.nanoTime() - t0) / 1_000_000, lessThan(500L));
        assertThat(outcome.get() instanceof InterruptedException, is(true));
        awaitCancel();
        assertThat(fal.requests("PUT", CANCEL).get(0).header("Authorization"), is("Key " + KEY));
    }

    private void awaitCancel() throws InterruptedException {
        long end = System.nanoTime() + 3_000_000_000L;
        while (fal.requests("PUT", CANCEL).isEmpty() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat("the abandoned request is cancelled", fal.requests("PUT", CANCEL).size(), is(1));
    }

    @Test
    void aMissingKeyIsRefusedByName() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new FalVideoGenerator(ProviderHttp.create(), null, settings()));
        assertThat(e.getMessage(), is("FAL_API_KEY is required"));
    }
}
