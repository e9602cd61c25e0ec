package org.reelflow.providers.video;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
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

import org.reelflow.providers.Model;
import org.reelflow.providers.ModelChoice;
import org.reelflow.providers.Models;
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

/** Veo over the Gemini API against a local double speaking its wire format. */
class VeoVideoGeneratorTest {

    static final String KEY = "AIzaSy-veo-test-key-0123456789";
    static final RetryPolicy FAST = new RetryPolicy(Duration.ofSeconds(2), 3, Duration.ofMillis(10), Duration.ofMillis(40),
                                                    Duration.ofSeconds(5));
    static final String MODEL = "veo-3.1-lite-generate-001";
    static final String SUBMIT = "/v1beta/models/" + MODEL + ":predictLongRunning";
    static final String OP = "models/" + MODEL + "/operations/9ffj2pd7tkxd";
    static final String DOWNLOAD = "/v1beta/files/3kq8mz1x:download";

    @TempDir
    Path dir;
    VendorDouble google;
    Path frame;
    final List<Exception> failures = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        google = new VendorDouble();
        frame = dir.resolve("scene-1-ai.png");
        Files.write(frame, VendorWire.firstFrame());
    }

    @AfterEach
    void stop() {
        google.close();
        for (Exception e : failures) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat("no key in " + t, String.valueOf(t.getMessage()), not(containsString(KEY)));
                assertThat(t.toString(), not(containsString(KEY)));
            }
        }
    }

    VideoSettings settings() {
        return VideoSettings.defaults().withGoogleBaseUrl(google.uri()).withPolling(Duration.ofMillis(20), Duration.ofSeconds(5))
                .withPolicies(FAST, FAST);
    }

    VeoVideoGenerator veo(VideoSettings s) {
        return new VeoVideoGenerator(ProviderHttp.create(), KEY, s);
    }

    <T extends Exception> T fails(Class<T> type, org.junit.jupiter.api.function.Executable call) {
        T e = assertThrows(type, call);
        failures.add(e);
        return e;
    }

    static String running() {
        return "{\"name\":\"" + OP + "\",\"metadata\":{\"@type\":\"type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningMetadata\"}}";
    }

    String finished() {
        return "{\"name\":\"" + OP + "\",\"done\":true,\"response\":{\"@type\":\"type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse\","
               + "\"generateVideoResponse\":{\"generatedSamples\":[{\"video\":{\"uri\":\"" + google.url() + DOWNLOAD + "?alt=media\"}}]}}}";
    }

    void submitOk() {
        google.on("POST", SUBMIT, (ex, s) -> json(ex, 200, "{\"name\":\"" + OP + "\"}"));
    }

    void pollsThenDone(int runningPolls) {
        AtomicInteger polls = new AtomicInteger();
        google.on("GET", "/v1beta/" + OP, (ex, s) -> json(ex, 200, polls.incrementAndGet() <= runningPolls ? running() : finished()));
    }

    void downloadOk(byte[] clip) {
        google.on("GET", DOWNLOAD, (ex, s) -> VendorDouble.bytes(ex, 200, clip, Map.of("Content-Type", "video/mp4")));
    }

    @Test
    void submitsTheFrameInlinePollsTheOperationAndDownloadsTheClip() throws Exception {
        submitOk();
        pollsThenDone(2);
        byte[] clip = VendorWire.fakeMp4("veo");
        downloadOk(clip);
        Path out = dir.resolve("assets/scene-1-ai-video.mp4");

        Path got = veo(settings()).generate(frame, "Slow push-in on the harbour at dawn", "blur, jitter", 5.2, out);

        assertThat(got, is(out));
        assertArrayEquals(clip, Files.readAllBytes(out));
        try (var left = Files.list(out.getParent())) {
            assertThat("no temporary file left behind", left.filter(p -> !p.equals(out)).toList(), empty());
        }
        var submit = google.requests("POST", SUBMIT);
        assertThat(submit.size(), is(1));
        assertThat(submit.get(0).header("x-goog-api-key"), is(KEY));
        assertThat(submit.get(0).header("Content-Type"), is("application/json"));
        JsonObject body = submit.get(0).json();
        JsonObject instance = body.getJsonArray("instances").getJsonObject(0);
        assertThat(instance.getString("prompt"), is("Slow push-in on the harbour at dawn"));
        assertThat(instance.getJsonObject("image").getString("mimeType"), is("image/png"));
        assertArrayEquals(Files.readAllBytes(frame), Base64.getDecoder().decode(instance.getJsonObject("image").getString("bytesBase64Encoded")));
        assertThat(body.getJsonObject("parameters").getString("aspectRatio"), is("9:16"));
        assertThat("smallest of 4/6/8 covering 5.2 s", body.getJsonObject("parameters").getInt("durationSeconds"), is(6));
        assertThat("Veo takes no negative prompt", body.toString(), not(containsString("blur, jitter")));
        assertThat(google.requests("GET", "/v1beta/" + OP).size(), is(3));
        google.requests("GET", "/v1beta/" + OP).forEach(r -> assertThat(r.header("x-goog-api-key"), is(KEY)));
        var dl = google.requests("GET", DOWNLOAD);
        assertThat(dl.get(0).rawQuery(), is("alt=media"));
        assertThat("the file URI is on the Gemini API and needs the key", dl.get(0).header("x-goog-api-key"), is(KEY));
        assertThat("the key never travels in a URL", String.valueOf(dl.get(0).rawQuery()), not(containsString(KEY)));
    }

    @Test
    void theModelCanBeOverriddenAndLongScenesGetTheLongestClip() throws Exception {
        String model = "veo-3.1-generate-001";
        String op = "models/" + model + "/operations/abc";
        google.on("POST", "/v1beta/models/" + model + ":predictLongRunning", (ex, s) -> json(ex, 200, "{\"name\":\"" + op + "\"}"));
        google.on("GET", "/v1beta/" + op, (ex, s) -> json(ex, 200, finished()));
        downloadOk(VendorWire.fakeMp4("x"));
        VeoVideoGenerator g = veo(settings().withModels(Models.DEFAULTS.with(Model.VIDEO_VEO,
                                                                             ModelChoice.byJob(model, "videoModel"))));
        assertThat(g.model(), is(model));
        g.generate(frame, "pan", null, 11.0, dir.resolve("o.mp4"));
        JsonObject params = google.requests().get(0).json().getJsonObject("parameters");
        assertThat(params.getInt("durationSeconds"), is(8));
    }

    @Test
    void aClipFromElsewhereIsFetchedWithoutTheKey() throws Exception {
        try (VendorDouble storage = new VendorDouble()) {
            storage.on("GET", "/video.mp4", (ex, s) -> VendorDouble.bytes(ex, 200, VendorWire.fakeMp4("s"), Map.of()));
            submitOk();
            google.on("GET", "/v1beta/" + OP, (ex, s) -> json(ex, 200, "{\"name\":\"" + OP + "\",\"done\":true,\"response\":"
                    + "{\"generateVideoResponse\":{\"generatedSamples\":[{\"video\":{\"uri\":\"" + storage.url() + "/video.mp4\"}}]}}}"));
            veo(settings()).generate(frame, "pan", null, 4, dir.resolve("o.mp4"));
            assertThat(storage.requests().get(0).header("x-goog-api-key"), is((String) null));
        }
    }

    @Test
    void aBadRequestFailsAtOnceWithTheVendorsReason() {
        google.on("POST", SUBMIT, (ex, s) -> json(ex, 400, "{\"error\":{\"code\":400,\"message\":\"Image aspect ratio not supported.\",\"status\":\"INVALID_ARGUMENT\"}}"));
        ProviderException e = fails(ProviderException.class, () -> veo(settings()).generate(frame, "p", null, 4, dir.resolve("o.mp4")));
        assertThat(e.kind(), is(Kind.BAD_REQUEST));
        assertThat(e.getMessage(), containsString("Image aspect ratio not supported."));
        assertThat(google.requests().size(), is(1));
        assertThat(Files.exists(dir.resolve("o.mp4")), is(false));
    }

    @Test
    void anInvalidKeyIsReportedAsAuthWhetherGoogleSays400Or403() {
        google.on("POST", SUBMIT, (ex, s) -> json(ex, 400, "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API key.\","
                + "\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\","
                + "\"domain\":\"googleapis.com\",\"metadata\":{\"service\":\"generativelanguage.googleapis.com\"}}]}}"));
        ProviderException e = fails(ProviderException.class, () -> veo(settings()).generate(frame, "p", null, 4, dir.resolve("o.mp4")));
        assertThat(e.kind(), is(Kind.AUTH));
        assertThat(e.getMessage(), is("Invalid API key for veo (HTTP 400)"));

        google.on("POST", SUBMIT, (ex, s) -> json(ex, 403, "{\"error\":{\"code\":403,\"message\":\"Method doesn't allow unregistered callers.\",\"status\":\"PERMISSION_DENIED\"}}"));
        ProviderException e2 = fails(ProviderException.class, () -> veo(settings()).generate(frame, "p", null, 4, dir.resolve("o.mp4")));
        assertThat(e2.kind(), is(Kind.AUTH));
        assertThat(e2.getMessage(), is("Invalid API key for veo (HTTP 403)"));
    }

    @Test
    void aRateLimitIsRetriedAfterWhatRetryAfterSays() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        google.on("POST", SUBMIT, (ex, s) -> {
            if (calls.incrementAndGet() == 1) {
                json(ex, 429, "{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted (e.g. check quota).\",\"status\":\"RESOURCE_EXHAUSTED\"}}",
                     Map.of("Retry-After", "1"));
            } else {
                json(ex, 200, "{\"name\":\"" + OP + "\"}");
            }
        });
        pollsThenDone(0);
        downloadOk(VendorWire.fakeMp4("r"));
        long t0 = System.nanoTime();
        veo(settings()).generate(frame, "p", null, 4, dir.resolve("o.mp4"));
        assertThat(calls.get(), is(2));
        assertThat((System.nanoTime() - t0) / 1_000_000, greaterThanOrEqualTo(1000L));
    }

    @Test
    void serverErrorsAreRetriedThenReported() {
        AtomicInteger calls = new AtomicInteger();
        google.on("POST", SUBMIT, (ex, s) -> {
            calls.incrementAndGet();
            json(ex, 500, "{\"error\":{\"code\":500,\"message\":\"Internal error encountered.\",\"status\":\"INTERNAL\"}}");
        });
        ProviderException e = fails(ProviderException.class, () -> veo(settings()).generate(frame, "p", null, 4, dir.resolve("o.mp4")));
        assertThat(e.kind(), is(Kind.SERVER));
        assertThat(calls.get(), is(3));
    }

    @Test
    void malformedJsonIsAMalformedResponse() {
        google.on("POST", SUBMIT, (ex, s) -> json(ex, 200, "{\"name\": \"models/x/operations/"));
        ProviderException e = fails(ProviderException.class, () -> veo(settings()).generate(frame, "p", null, 4, dir.resolve("o.mp4")));
        assertThat(e.kind(), is(Kind.MALFORMED_RESPONSE));

        google.on("POST", SUBMIT, (ex, s) -> json(ex, 200, "{\"metadata\":{}}"));
        ProviderException noName = fails(ProviderException.class, () -> veo(settings()).generate(frame, "p", null, 4, dir.resolve("o.mp4")));
        assertThat(noName.getMessage(), is("veo answered without an operation name"));
    }

    @Test
    void aSlowAnswerTimesOut() {
        google.on("POST", SUBMIT, (ex, s) -> VendorDouble.stall(ex, Duration.ofSeconds(5)));
        RetryPolicy slow = new RetryPolicy(Duration.ofMillis(300), 1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        long t0 = System.nanoTime();
        ProviderException e = fails(ProviderException.class,
                () -> veo(settings().withPolicies(slow, slow)).generate(frame, "p", null, 4, dir.resolve("o.mp4")));
        assertThat(e.kind(), is(Kind.TIMEOUT));
        assertThat((System.nanoTime() - t0) / 1_000_000, lessThan(2000L));
    }

    @Test
    void anOperationThatNeverFinishesHitsThePollTimeout() {
        submitOk();
        pollsThenDone(Integer.MAX_VALUE);
        long t0 = System.nanoTime();
        ProviderException e = fails(ProviderException.class, () -> veo(settings().withPolling(Duration.ofMillis(50), Duration.ofMillis(400)))
                .generate(frame, "p", null, 4, dir.resolve("o.mp4")));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(e.kind(), is(Kind.TIMEOUT));
        assertThat(e.getMessage(), is("veo video operation did not finish within 400 ms"));
        assertThat(ms, greaterThanOrEqualTo(400L));
        assertThat(ms, lessThan(1500L));
        assertThat(google.requests("GET", "/v1beta/" + OP).size(), greaterThanOrEqualTo(4));
    }

    @Test
    void aFailedOperationReportsGooglesError() {
        submitOk();
        google.on("GET", "/v1beta/" + OP, (ex, s) -> json(ex, 200, "{\"name\":\"" + OP + "\",\"done\":true,"
                + "\"error\":{\"code\":13,\"message\":\"Video generation failed due to an internal error.\"}}"));
        ProviderException e = fails(ProviderException.class, () -> veo(settings()).generate(frame, "p", null, 4, dir.resolve("o.mp4")));
        assertThat(e.kind(), is(Kind.SERVER));
        assertThat(e.getMessage(), is("Veo operation failed (code 13): Video generation failed due to an internal error."));
    }

    @Test
    void aSafetyFilteredOperationIsARefusal() {
        submitOk();
        google.on("GET", "/v1beta/" + OP, (ex, s) -> json(ex, 200, "{\"name\":\"" + OP + "\",\"done\":true,\"response\":{\"generateVideoResponse\":"
                + "{\"raiMediaFilteredCount\":1,\"raiMediaFilteredReasons\":[\"The prompt could not be submitted. It contains content that may violate our policies.\"]}}}"));
        ProviderException e = fails(ProviderException.class, () -> veo(settings()).generate(frame, "p", null, 4, dir.resolve("o.mp4")));
        assertThat(e.kind(), is(Kind.REFUSED));
        assertThat(e.getMessage(), containsString("may violate our policies"));
    }

    @Test
    void aDownloadThatIsNotAVideoIsRejectedAndNothingIsWritten() {
        submitOk();
        pollsThenDone(0);
        google.on("GET", DOWNLOAD, (ex, s) -> VendorDouble.bytes(ex, 200, "<html><body>Sign in</body></html>".getBytes(), Map.of()));
        Path out = dir.resolve("o.mp4");
        ProviderException e = fails(ProviderException.class, () -> veo(settings()).generate(frame, "p", null, 4, out));
        assertThat(e.kind(), is(Kind.MALFORMED_RESPONSE));
        assertThat(Files.exists(out), is(false));
    }

    @Test
    void cancellingDuringThePollSleepEndsTheCallAtOnce() throws Exception {
        submitOk();
        CountDownLatch polled = new CountDownLatch(1);
        google.on("GET", "/v1beta/" + OP, (ex, s) -> {
            json(ex, 200, running());
            polled.countDown();
        });
        VideoSettings s = settings().withPolling(Duration.ofSeconds(30), Duration.ofSeconds(180));
        assertCancelsPromptly(s, polled);
    }

    @Test
    void cancellingDuringAHangingPollRequestEndsTheCallAtOnce() throws Exception {
        submitOk();
        CountDownLatch polled = new CountDownLatch(1);
        google.on("GET", "/v1beta/" + OP, (ex, s) -> {
            polled.countDown();
            VendorDouble.stall(ex, Duration.ofSeconds(30));
        });
        RetryPolicy patient = FAST.withTimeout(Duration.ofSeconds(60));
        assertCancelsPromptly(settings().withPolicies(patient, patient), polled);
    }

    private void assertCancelsPromptly(VideoSettings s, CountDownLatch polled) throws Exception {
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                veo(s).generate(frame, "p", null, 4, dir.resolve("o.mp4"));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        assertThat(polled.await(5, TimeUnit.SECONDS), is(true));
        Thread.sleep(50);
        long t0 = System.nanoTime();
        caller.interrupt();
        caller.join(5_000);
        assertThat(caller.isAlive(), is(false));
        assertThat((System.nanoTime() - t0) / 1_000_000, lessThan(500L));
        assertThat(outcome.get() instanceof InterruptedException, is(true));
        assertThat(Files.exists(dir.resolve("o.mp4")), is(false));
    }

    @Test
    void anUnreadableFirstFrameFailsBeforeAnyCall() {
        ProviderException e = fails(ProviderException.class, () -> veo(settings()).generate(dir.resolve("missing.png"), "p", null, 4, dir.resolve("o.mp4")));
        assertThat(e.kind(), is(Kind.BAD_REQUEST));
        assertThat(google.requests(), empty());
    }

    @Test
    void aMissingKeyIsRefusedByName() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new VeoVideoGenerator(ProviderHttp.create(), " ", settings()));
        assertThat(e.getMessage(), is("GOOGLE_API_KEY is required"));
    }
}
