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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.reelflow.events.EventCodec;
import org.reelflow.providers.KeyRing;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.support.VendorDouble;
import org.reelflow.support.VendorWire;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.reelflow.support.VendorDouble.json;

/** The primary → secondary → still image chain, end to end against both vendors' doubles. */
class VideoResolverTest {

    static final String GOOGLE_KEY = "AIzaSy-resolver-google-key";
    static final String FAL_KEY = "fal-resolver-key:secret";
    static final String VEO_SUBMIT = VeoVideoGeneratorTest.SUBMIT;
    static final String VEO_OP = VeoVideoGeneratorTest.OP;

    @TempDir
    Path dir;
    VendorDouble google;
    VendorDouble fal;
    Path frame;
    Path out;

    @BeforeEach
    void start() throws Exception {
        google = new VendorDouble();
        fal = new VendorDouble();
        frame = dir.resolve("scene-2-ai.png");
        Files.write(frame, VendorWire.firstFrame());
        out = dir.resolve("scene-2-ai-video.mp4");
    }

    @AfterEach
    void stop() {
        google.close();
        fal.close();
    }

    VideoSettings settings() {
        return VideoSettings.defaults().withGoogleBaseUrl(google.uri()).withFalUrls(fal.uri(), fal.uri())
                .withPolling(Duration.ofMillis(20), Duration.ofSeconds(5))
                .withPolicies(VeoVideoGeneratorTest.FAST, VeoVideoGeneratorTest.FAST);
    }

    VideoResolver resolver(VideoSettings s) {
        KeyRing keys = new KeyRing(Map.of("GOOGLE_API_KEY", GOOGLE_KEY, "FAL_API_KEY", FAL_KEY), n -> null);
        List<VideoGenerator> chain = VideoGenerators.chain(null, keys, ProviderHttp.create(), s);
        assertThat(chain.stream().map(VideoGenerator::provider).toList(), contains("gemini", "fal"));
        return new VideoResolver(chain, 3);
    }

    VideoResolver.VideoRequest request() {
        return new VideoResolver.VideoRequest(2, frame, "Drone rises over the dunes", VideoResolver.negativePrompt("no text overlays"),
                                              4.6, out);
    }

    void veoFails() {
        google.on("POST", VEO_SUBMIT, (ex, s) -> json(ex, 200, "{\"name\":\"" + VEO_OP + "\"}"));
        google.on("GET", "/v1beta/" + VEO_OP, (ex, s) -> json(ex, 200, "{\"name\":\"" + VEO_OP + "\",\"done\":true,"
                + "\"error\":{\"code\":13,\"message\":\"Internal error.\"}}"));
    }

    void veoWorks(byte[] clip) {
        google.on("POST", VEO_SUBMIT, (ex, s) -> json(ex, 200, "{\"name\":\"" + VEO_OP + "\"}"));
        google.on("GET", "/v1beta/" + VEO_OP, (ex, s) -> json(ex, 200, "{\"name\":\"" + VEO_OP + "\",\"done\":true,\"response\":"
                + "{\"generateVideoResponse\":{\"generatedSamples\":[{\"video\":{\"uri\":\"" + google.url() + "/v1beta/files/a:download?alt=media\"}}]}}}"));
        google.on("GET", "/v1beta/files/a:download", (ex, s) -> VendorDouble.bytes(ex, 200, clip, Map.of()));
    }

    void falWorks(byte[] clip) {
        String req = "/fal-ai/kling-video/requests/r1";
        fal.on("POST", "/storage/upload/initiate", (ex, s) -> json(ex, 200, "{\"upload_url\":\"" + fal.url() + "/up\",\"file_url\":\"https://v3.fal.media/files/x.png\"}"));
        fal.on("PUT", "/up", (ex, s) -> json(ex, 200, "{}"));
        fal.on("POST", FalVideoGeneratorTest.SUBMIT, (ex, s) -> json(ex, 200, "{\"status\":\"IN_QUEUE\",\"request_id\":\"r1\",\"status_url\":\""
                + fal.url() + req + "/status\",\"response_url\":\"" + fal.url() + req + "\",\"cancel_url\":\"" + fal.url() + req + "/cancel\"}"));
        fal.on("GET", req + "/status", (ex, s) -> json(ex, 200, "{\"status\":\"COMPLETED\"}"));
        fal.on("GET", req, (ex, s) -> json(ex, 200, "{\"video\":{\"url\":\"" + fal.url() + "/cdn/v.mp4\"}}"));
        fal.on("GET", "/cdn/v.mp4", (ex, s) -> VendorDouble.bytes(ex, 200, clip, Map.of()));
    }

    void falFails() {
        fal.on("POST", "/storage/upload/initiate", (ex, s) -> json(ex, 503, "{\"detail\":\"Service Unavailable\"}"));
    }

    @Test
    void thePrimaryMakesTheClip() throws Exception {
        byte[] clip = VendorWire.fakeMp4("veo");
        veoWorks(clip);
        VideoOutcome o = resolver(settings()).resolve(request());
        assertThat(o, instanceOf(VideoOutcome.Generated.class));
        assertThat(o.event().type(), is("video_generated"));
        assertThat(EventCodec.fields(o.event()).toString(), is("{\"scene\":2,\"durationSeconds\":6,\"provider\":\"primary\"}"));
        assertArrayEquals(clip, Files.readAllBytes(o.asset()));
        assertThat(fal.requests(), empty());
    }

    @Test
    void aFailingPrimaryFallsToTheSecondary() throws Exception {
        veoFails();
        byte[] clip = VendorWire.fakeMp4("fal");
        falWorks(clip);
        VideoOutcome o = resolver(settings()).resolve(request());
        assertThat(o.event().type(), is("video_generated"));
        assertThat(EventCodec.fields(o.event()).toString(), is("{\"scene\":2,\"durationSeconds\":5,\"provider\":\"secondary\"}"));
        assertArrayEquals(clip, Files.readAllBytes(out));
        assertThat(o.attempts().size(), is(2));
        assertThat(o.attempts().get(0).succeeded(), is(false));
        assertThat(o.attempts().get(0).kind(), is(ProviderException.Kind.SERVER));
        assertThat(o.attempts().get(1).provider(), is("fal"));
        var negative = fal.requests("POST", FalVideoGeneratorTest.SUBMIT).get(0).json().getString("negative_prompt");
        assertThat(negative, is(VideoResolver.DEFAULT_NEGATIVE_PROMPT + ", no text overlays"));
        assertThat(o.toLogJson().getString("method"), is("image_to_video"));
        assertThat(o.toLogJson().getString("provider"), is("secondary"));
    }

    @Test
    void whenBothFailTheStillImageIsUsedWithTheLastReason() throws Exception {
        veoFails();
        falFails();
        VideoOutcome o = resolver(settings()).resolve(request());
        assertThat(o, instanceOf(VideoOutcome.StillImage.class));
        assertThat(o.asset(), is(frame));
        assertThat(o.event().type(), is("video_fallback"));
        assertThat(EventCodec.fields(o.event()).toString(), is("{\"scene\":2,\"reason\":\"fal server error (HTTP 503): {\\\"detail\\\":\\\"Service Unavailable\\\"}\"}"));
        assertThat(Files.exists(out), is(false));
        assertThat(o.toLogJson().getString("method"), is("image_fallback"));
        assertThat(o.toLogJson().getString("provider"), is("none"));
        assertThat(EventCodec.fields(o.event()).toString().contains(GOOGLE_KEY) || EventCodec.fields(o.event()).toString().contains(FAL_KEY), is(false));
    }

    @Test
    void withNoProviderTheStillImageIsUsed() throws Exception {
        VideoResolver none = new VideoResolver(List.of(), 3);
        assertThat(none.enabled(), is(false));
        VideoOutcome o = none.resolve(request());
        assertThat(EventCodec.fields(o.event()).toString(), is("{\"scene\":2,\"reason\":\"no video provider configured\"}"));
    }

    @Test
    void cancellingWhileThePrimaryPollsEndsTheChainAtOnce() throws Exception {
        google.on("POST", VEO_SUBMIT, (ex, s) -> json(ex, 200, "{\"name\":\"" + VEO_OP + "\"}"));
        CountDownLatch polling = new CountDownLatch(1);
        google.on("GET", "/v1beta/" + VEO_OP, (ex, s) -> {
            json(ex, 200, "{\"name\":\"" + VEO_OP + "\"}");
            polling.countDown();
        });
        falWorks(VendorWire.fakeMp4("never"));
        VideoResolver r = resolver(settings().withPolling(Duration.ofSeconds(5), Duration.ofSeconds(180)));
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                outcome.set(r.resolve(request()));
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        assertThat(polling.await(5, TimeUnit.SECONDS), is(true));
        Thread.sleep(50);
        long t0 = System.nanoTime();
        t.interrupt();
        t.join(5_000);
        assertThat((System.nanoTime() - t0) / 1_000_000, lessThan(500L));
        assertThat(outcome.get(), instanceOf(InterruptedException.class));
        assertThat("no fallback after a cancel", fal.requests(), empty());
    }

    @Test
    void boundsWholeGenerationsInFlightNotJustRequests() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        VideoGenerator slow = new VideoGenerator() {
            public String provider() {
                return "stub";
            }

            public int[] durations() {
                return new int[] {5};
            }

            public Path generate(Path f, String m, String n, double s, Path o) throws InterruptedException {
                peak.accumulateAndGet(inside.incrementAndGet(), Math::max);
                Thread.sleep(80);
                inside.decrementAndGet();
                return o;
            }
        };
        VideoResolver r = new VideoResolver(List.of(slow), 2);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int scene = i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    r.resolve(new VideoResolver.VideoRequest(scene, frame, "m", null, 5, dir.resolve(scene + ".mp4")));
                } catch (InterruptedException e) {
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
    void anUnexpectedErrorInAProviderAlsoFallsBack() throws Exception {
        VideoGenerator broken = new VideoGenerator() {
            public String provider() {
                return "broken";
            }

            public int[] durations() {
                return new int[] {4};
            }

            public Path generate(Path f, String m, String n, double s, Path o) {
                throw new IllegalStateException("boom");
            }
        };
        VideoOutcome o = new VideoResolver(List.of(broken), 1).resolve(request());
        assertThat(EventCodec.fields(o.event()).getString("reason"), is("broken failed: java.lang.IllegalStateException: boom"));
    }

    @Test
    void theNegativePromptIsTheDefaultsPlusTheArchetypesGuidance() {
        assertThat(VideoResolver.negativePrompt(null), is(VideoResolver.DEFAULT_NEGATIVE_PROMPT));
        assertThat(VideoResolver.negativePrompt("  "), is(VideoResolver.DEFAULT_NEGATIVE_PROMPT));
        assertThat(VideoResolver.negativePrompt(" extra limbs "), is(VideoResolver.DEFAULT_NEGATIVE_PROMPT + ", extra limbs"));
    }

    @Test
    void atMostTwoProviders() {
        VideoGenerator g = new VeoVideoGenerator(ProviderHttp.create(), "k", settings());
        assertThrows(IllegalArgumentException.class, () -> new VideoResolver(List.of(g, g, g), 3));
    }
}
