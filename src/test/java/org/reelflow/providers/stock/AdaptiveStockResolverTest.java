package org.reelflow.providers.stock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.reelflow.events.EventCodec;
import org.reelflow.media.ExternalProcess;
import org.reelflow.providers.KeyRing;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.stock.AdaptiveStockResolver.Options;
import org.reelflow.providers.stock.AdaptiveStockResolver.StockRequest;
import org.reelflow.providers.stock.StockResolution.Method;
import org.reelflow.providers.stock.StockResolution.Result;
import org.reelflow.support.VendorDouble;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.reelflow.providers.stock.StockFixtures.pexelsFile;
import static org.reelflow.providers.stock.StockFixtures.pexelsPhoto;
import static org.reelflow.providers.stock.StockFixtures.pexelsPhotos;
import static org.reelflow.providers.stock.StockFixtures.pexelsVideo;
import static org.reelflow.providers.stock.StockFixtures.pexelsVideos;
import static org.reelflow.providers.stock.StockFixtures.pixabayHits;
import static org.reelflow.providers.stock.StockFixtures.pixabayImage;
import static org.reelflow.support.VendorDouble.json;

/** The adaptive resolver end to end: real Pexels and Pixabay clients on doubles, a scripted judge and reformer. */
class AdaptiveStockResolverTest {

    static final String VISUAL = "fishing boats in a misty harbour at dawn";
    static final String NARRATION = "Every morning the fleet leaves before sunrise.";

    @TempDir
    Path dir;
    VendorDouble pexels;
    VendorDouble pixabay;
    Path cache;
    Path assets;
    /** id → query that returns it, per vendor: query → ids. */
    final Map<String, List<Long>> pexelsResults = new ConcurrentHashMap<>();
    final Map<String, List<Long>> pixabayResults = new ConcurrentHashMap<>();
    /** candidate key ("pexels-11") → verdict, or absent for an error. */
    final Map<String, VisionJudge.Verdict> verdicts = new ConcurrentHashMap<>();
    final List<String> judged = new CopyOnWriteArrayList<>();
    final List<StockEvent> events = new CopyOnWriteArrayList<>();
    final List<String> reformCalls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        pexels = new VendorDouble();
        pixabay = new VendorDouble();
        cache = dir.resolve("cache");
        assets = dir.resolve("run/assets");
        pexels.on("GET", "/v1/search", (ex, s) -> json(ex, 200, pexelsPhotos(pexelsResults.getOrDefault(s.query().get("query"), List.of())
                .stream().map(id -> pexelsPhoto(pexels.url(), id, "photo " + id)).toList())));
        pixabay.on("GET", "/api/", (ex, s) -> json(ex, 200, pixabayHits(pixabayResults.getOrDefault(s.query().get("q"), List.of())
                .stream().map(id -> pixabayImage(pixabay.url(), id, "photo, " + id)).toList())));
        for (long id = 1; id < 100; id++) {
            byte[] jpeg = StockFixtures.jpeg((int) (id * 0x030507));
            pexels.on("GET", "/photos/" + id + "/pexels-photo-" + id + ".jpeg", (ex, s) -> VendorDouble.bytes(ex, 200, jpeg, Map.of()));
            pixabay.on("GET", "/get/g" + id + "_1280.jpg", (ex, s) -> VendorDouble.bytes(ex, 200, jpeg, Map.of()));
        }
    }

    @AfterEach
    void stop() {
        pexels.close();
        pixabay.close();
    }

    List<StockSource> sources() {
        KeyRing keys = new KeyRing(Map.of("PEXELS_API_KEY", "pk", "PIXABAY_API_KEY", "xk"), n -> null);
        StockSettings s = StockSettings.defaults().withBaseUrls(pexels.uri(), pixabay.uri()).withPolicies(StockFixtures.FAST, StockFixtures.FAST);
        return StockSources.available(null, keys, ProviderHttp.create(), s);
    }

    /** Judges by cache file name ({@code pexels-11-image.jpg} → key {@code pexels-11}). */
    VisionJudge judge() {
        return (image, visual, narration) -> {
            String name = image.getFileName().toString();
            String key = name.substring(0, name.indexOf('-', name.indexOf('-') + 1));
            judged.add(key);
            assertThat(visual, is(VISUAL));
            assertThat(narration, is(NARRATION));
            VisionJudge.Verdict v = verdicts.get(key);
            if (v == null) {
                throw new IllegalStateException("vision model returned no JSON");
            }
            return v;
        };
    }

    QueryReformer reformer(List<String> queries) {
        return (visual, narration) -> {
            reformCalls.add(visual);
            return queries;
        };
    }

    AdaptiveStockResolver resolver(List<StockSource> sources, QueryReformer reformer, Options options) {
        return new AdaptiveStockResolver(sources, judge(), reformer, new FfmpegFrameGrabber(), cache, options);
    }

    AdaptiveStockResolver resolver(QueryReformer reformer) {
        return resolver(sources(), reformer, Options.DEFAULTS);
    }

    StockRequest image(int scene) {
        return new StockRequest(scene, VISUAL, NARRATION, false, assets);
    }

    List<String> types() {
        return events.stream().map(e -> e.toEvent().type()).toList();
    }

    @Test
    void theBestVerifiedCandidateOfTheFirstSearchWins() throws Exception {
        pexelsResults.put(VISUAL, List.of(11L, 12L, 13L, 14L, 15L));
        verdicts.put("pexels-11", new VisionJudge.Verdict(false, 0.9, "shows a car park"));
        verdicts.put("pexels-12", new VisionJudge.Verdict(true, 0.7, "boats, some mist"));
        verdicts.put("pexels-13", new VisionJudge.Verdict(true, 0.85, "boats in morning fog"));

        StockResolution r = resolver(reformer(List.of())).resolve(image(4), null, events::add);

        assertThat(r.method(), is(Method.STOCK_VERIFIED));
        assertThat(r.candidate().key(), is("pexels-13"));
        assertThat(r.confidence(), is(0.85));
        assertThat(r.file(), is(assets.resolve("scene-4-stock.jpg")));
        assertArrayEquals(Files.readAllBytes(cache.resolve("pexels-13-image.jpg")), Files.readAllBytes(r.file()));
        assertThat("top 3 only", judged, contains("pexels-11", "pexels-12", "pexels-13"));
        assertThat(pixabay.requests(), empty());
        assertThat(types(), contains("stock_rejected", "stock_verified", "stock_verified"));
        assertThat(EventCodec.fields(events.get(0).toEvent()).toString(),
                   is("{\"scene\":4,\"query\":\"" + VISUAL + "\",\"confidence\":0.9,\"reason\":\"shows a car park\"}"));
        assertThat(r.toLogJson().getString("method"), is("stock_verified"));
        assertThat(r.toLogJson().getJsonArray("attempts").size(), is(3));
        assertThat(reformCalls, empty());
        try (var left = Files.list(cache)) {
            assertThat("no partial files in the cache", left.filter(p -> p.toString().endsWith(".part")).toList(), empty());
        }
    }

    @Test
    void rejectedEverywhereThenReformulatedThenTheAiFallbackGetsTheRejections() throws Exception {
        pexelsResults.put(VISUAL, List.of(11L, 12L, 13L));
        pixabayResults.put(VISUAL, List.of(21L, 22L, 23L));
        pexelsResults.put("harbour boats fog", List.of(14L));
        pixabayResults.put("harbour boats fog", List.of(24L));
        pexelsResults.put("fishing fleet sunrise", List.of(15L));
        for (String k : List.of("pexels-11", "pexels-12", "pexels-13", "pixabay-21", "pixabay-22", "pixabay-23", "pexels-14", "pixabay-24")) {
            verdicts.put(k, new VisionJudge.Verdict(k.endsWith("12"), k.endsWith("12") ? 0.55 : 0.2, "shows " + k));
        }
        AtomicReference<String> context = new AtomicReference<>();
        Path ai = assets.resolve("scene-0-ai.png");
        ImageFallback fallback = (visual, narration, rejectionContext) -> {
            assertThat(visual, is(VISUAL));
            context.set(rejectionContext);
            Files.createDirectories(assets);
            return Files.write(ai, new byte[] {1});
        };

        StockResolution r = resolver(reformer(List.of("harbour boats fog", "fishing fleet sunrise")))
                .resolve(image(0), fallback, events::add);

        assertThat(r.method(), is(Method.AI_FALLBACK));
        assertThat(r.file(), is(ai));
        assertThat("4 searches: original on both, then the first rewrite on both",
                   pexels.requests("GET", "/v1/search").stream().map(s -> s.query().get("query")).toList(),
                   contains(VISUAL, "harbour boats fog"));
        assertThat(pixabay.requests("GET", "/api/").stream().map(s -> s.query().get("q")).toList(), contains(VISUAL, "harbour boats fog"));
        assertThat(reformCalls, contains(VISUAL));
        assertThat(types(), contains("stock_rejected", "stock_rejected", "stock_rejected", "stock_rejected", "stock_rejected",
                                     "stock_rejected", "stock_reformulated", "stock_reformulated", "stock_rejected", "stock_rejected",
                                     "stock_fallback"));
        assertThat(EventCodec.fields(events.get(6).toEvent()).toString(), is("{\"scene\":0,\"queries\":[]}"));
        assertThat(EventCodec.fields(events.get(7).toEvent()).toString(), is("{\"scene\":0,\"queries\":[\"harbour boats fog\",\"fishing fleet sunrise\"]}"));
        assertThat(EventCodec.fields(events.get(10).toEvent()).toString(), is("{\"scene\":0,\"attempts\":8}"));
        assertThat("relevant but below 0.6 is a rejection", EventCodec.fields(events.get(1).toEvent()).getJsonNumber("confidence").doubleValue(), is(0.55));
        assertThat(context.get(), is("Stock search found nothing usable. Rejected results:\n"
                                     + "\"" + VISUAL + "\" returned: shows pexels-11 (confidence: 0.20)\n"
                                     + "\"" + VISUAL + "\" returned: shows pexels-12 (confidence: 0.55)\n"
                                     + "\"" + VISUAL + "\" returned: shows pexels-13 (confidence: 0.20)\n"
                                     + "Make an image that matches the original request and avoids what those results showed."));
        assertThat(r.rejectionContext(), is(context.get()));
        assertThat(r.toLogJson().getString("method"), is("ai_fallback"));
        assertThat(r.toLogJson().getString("originalQuery"), is(VISUAL));
    }

    @Test
    void candidatesSeenForAnEarlierQueryAreNotJudgedAgain() throws Exception {
        pexelsResults.put(VISUAL, List.of(11L));
        pexelsResults.put("boats", List.of(11L, 12L));
        verdicts.put("pexels-11", new VisionJudge.Verdict(false, 0.1, "no"));
        verdicts.put("pexels-12", new VisionJudge.Verdict(true, 0.8, "yes"));
        StockSource onlyPexels = sources().get(0);
        StockResolution r = resolver(List.of(onlyPexels), reformer(List.of("boats")), Options.DEFAULTS).resolve(image(1), null, events::add);
        assertThat(judged, contains("pexels-11", "pexels-12"));
        assertThat(r.candidate().key(), is("pexels-12"));
        assertThat(r.query(), is("boats"));
    }

    @Test
    void aSearchThatFindsOnlySeenCandidatesIsNotFound() throws Exception {
        pexelsResults.put(VISUAL, List.of(11L));
        pexelsResults.put("boats", List.of(11L));
        verdicts.put("pexels-11", new VisionJudge.Verdict(false, 0.1, "no"));
        StockResolution r = resolver(List.of(sources().get(0)), reformer(List.of("boats")), Options.DEFAULTS).resolve(image(1), null, events::add);
        assertThat(r.attempts().stream().map(a -> a.result()).toList(), contains(Result.REJECTED, Result.NOT_FOUND));
        assertThat(r.file(), is((Path) null));
    }

    @Test
    void aJudgeErrorIsReportedUnverifiedNotVerified() throws Exception {
        pexelsResults.put(VISUAL, List.of(31L));
        StockResolution r = resolver(reformer(List.of())).resolve(image(2), null, events::add);
        assertThat(r.method(), is(Method.STOCK_UNVERIFIED));
        assertThat(r.confidence(), is(-1.0));
        assertThat(types(), contains("stock_unverified"));
        assertThat(EventCodec.fields(events.get(0).toEvent()).toString(), is("{\"scene\":2,\"query\":\"" + VISUAL
                                                      + "\",\"confidence\":-1,\"reason\":\"verification failed: vision model returned no JSON\"}"));
        assertThat(r.toLogJson().getString("method"), is("stock_unverified"));
    }

    @Test
    void aVerifiedCandidateBeatsAnUnverifiedOneOfTheSameSearch() throws Exception {
        pexelsResults.put(VISUAL, List.of(31L, 32L));
        verdicts.put("pexels-32", new VisionJudge.Verdict(true, 0.65, "ok"));
        StockResolution r = resolver(reformer(List.of())).resolve(image(2), null, events::add);
        assertThat(r.method(), is(Method.STOCK_VERIFIED));
        assertThat(r.candidate().key(), is("pexels-32"));
        assertThat(types(), contains("stock_verified"));
    }

    @Test
    void withVerificationOffTheFirstDownloadIsUsedUnjudged() throws Exception {
        pexelsResults.put(VISUAL, List.of(41L, 42L));
        StockResolution r = resolver(sources(), reformer(List.of()), new Options(false, 0.6, 4)).resolve(image(3), null, events::add);
        assertThat(r.method(), is(Method.STOCK_UNVERIFIED));
        assertThat(r.candidate().key(), is("pexels-41"));
        assertThat(judged, empty());
        assertThat(EventCodec.fields(events.get(0).toEvent()).toString(),
                   is("{\"scene\":3,\"query\":\"" + VISUAL + "\",\"confidence\":-1,\"reason\":\"verification disabled\"}"));
    }

    @Test
    void aFailingSourceIsRecordedAndTheNextOneTried() throws Exception {
        pexels.on("GET", "/v1/search", (ex, s) -> json(ex, 401, "{\"status\":401,\"code\":\"Unauthorized\"}"));
        pixabayResults.put(VISUAL, List.of(51L));
        verdicts.put("pixabay-51", new VisionJudge.Verdict(true, 0.9, "good"));
        StockResolution r = resolver(reformer(List.of())).resolve(image(5), null, events::add);
        assertThat(r.candidate().key(), is("pixabay-51"));
        assertThat(r.attempts().get(0).result(), is(Result.ERROR));
        assertThat(r.attempts().get(0).reason(), is("Invalid API key for pexels (HTTP 401)"));
    }

    @Test
    void aBrokenDownloadIsSkipped() throws Exception {
        pexelsResults.put(VISUAL, List.of(61L, 62L));
        pexels.on("GET", "/photos/61/pexels-photo-61.jpeg", (ex, s) -> json(ex, 404, "{\"error\":\"gone\"}"));
        verdicts.put("pexels-62", new VisionJudge.Verdict(true, 0.7, "fine"));
        StockResolution r = resolver(reformer(List.of())).resolve(image(6), null, events::add);
        assertThat(r.candidate().key(), is("pexels-62"));
        assertThat(r.attempts().get(0).result(), is(Result.ERROR));
    }

    @Test
    void withNoSourceItGoesStraightToTheFallbackWithoutAnLlmCall() throws Exception {
        StockResolution r = resolver(List.of(), reformer(List.of("x")), Options.DEFAULTS).resolve(image(7), null, events::add);
        assertThat(r.method(), is(Method.AI_FALLBACK));
        assertThat(reformCalls, empty());
        assertThat(types(), contains("stock_fallback"));
        assertThat(r.rejectionContext(), is((String) null));
    }

    @Test
    void aFailedReformulationKeepsTheOriginalAndAFailedFallbackLeavesNoFile() throws Exception {
        QueryReformer broken = (v, n) -> {
            throw new RuntimeException("LLM timeout");
        };
        ImageFallback failing = (v, n, c) -> {
            throw new IllegalStateException("image provider refused: safety");
        };
        StockResolution r = resolver(broken).resolve(image(8), failing, events::add);
        assertThat(EventCodec.fields(events.get(1).toEvent()).toString(), is("{\"scene\":8,\"queries\":[\"" + VISUAL + "\"]}"));
        assertThat("the original is not searched twice", pexels.requests("GET", "/v1/search").size(), is(1));
        assertThat(r.file(), is((Path) null));
        assertThat(r.fallbackError(), is("image provider refused: safety"));
    }

    @Test
    void neverMoreThanTheMaximumSearchesPerScene() throws Exception {
        StockResolution r = resolver(sources(), reformer(List.of("a", "b", "c")), new Options(true, 0.6, 3)).resolve(image(9), null, events::add);
        assertThat(pexels.requests().size() + pixabay.requests().size(), is(3));
        assertThat(r.attempts().size(), is(3));
    }

    @Test
    void footageIsJudgedOnAFrameTakenWithFfmpeg() throws Exception {
        assumeTrue(ExternalProcess.onPath("ffmpeg"), "ffmpeg not installed");
        Path clip = dir.resolve("clip.mp4");
        var made = ExternalProcess.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=108x192:rate=10",
                                               "-t", "2", "-pix_fmt", "yuv420p", clip.toString()), null, null);
        assumeTrue(made.ok(), made.output());
        byte[] mp4 = Files.readAllBytes(clip);
        String link = pexels.url() + "/video-files/77/77-hd_1080_1920_25fps.mp4";
        pexels.on("GET", "/video-files/77/77-hd_1080_1920_25fps.mp4", (ex, s) -> VendorDouble.bytes(ex, 200, mp4, Map.of()));
        pexels.on("GET", "/v1/videos/search", (ex, s) -> json(ex, 200, pexelsVideos(List.of(
                pexelsVideo(77, 2, pexelsFile(1, "hd", 1080, 1920, link)), pexelsVideo(78, 2, pexelsFile(2, "hd", 1080, 1920, link))))));
        AtomicReference<Path> seenImage = new AtomicReference<>();
        VisionJudge frameJudge = (image, v, n) -> {
            seenImage.set(image);
            assertThat(ImageIO.read(image.toFile()), notNullValue());
            return new VisionJudge.Verdict(true, 0.75, "city");
        };
        AdaptiveStockResolver r = new AdaptiveStockResolver(sources(), frameJudge, reformer(List.of()), new FfmpegFrameGrabber(), cache,
                                                            Options.DEFAULTS);
        StockResolution res = r.resolve(new StockRequest(3, VISUAL, NARRATION, true, assets), null, events::add);
        assertThat(res.file(), is(assets.resolve("scene-3-stock.mp4")));
        assertThat(res.durationSeconds(), is(2.0));
        assertThat(seenImage.get().toString(), endsWith(".frame.png"));
        assertThat("1 clip per search for footage", pexels.requests("GET", "/video-files/77/77-hd_1080_1920_25fps.mp4").size(), is(1));
    }

    @Test
    void cancellingWhileTheJudgeWorksEndsAtOnce() throws Exception {
        pexelsResults.put(VISUAL, List.of(71L));
        CountDownLatch judging = new CountDownLatch(1);
        VisionJudge slow = (image, v, n) -> {
            judging.countDown();
            Thread.sleep(30_000);
            return new VisionJudge.Verdict(true, 1, "late");
        };
        AdaptiveStockResolver r = new AdaptiveStockResolver(sources(), slow, reformer(List.of()), null, cache, Options.DEFAULTS);
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                outcome.set(r.resolve(image(0), (a, b, c) -> Path.of("x"), events::add));
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        assertThat(judging.await(5, TimeUnit.SECONDS), is(true));
        long t0 = System.nanoTime();
        t.interrupt();
        t.join(5_000);
        assertThat((System.nanoTime() - t0) / 1_000_000, lessThan(500L));
        assertThat(outcome.get(), instanceOf(InterruptedException.class));
        assertThat("no fallback after a cancel", types(), empty());
    }

    @Test
    void scenesRacingForTheSameCandidateShareTheCacheSafely() throws Exception {
        pexelsResults.put(VISUAL, List.of(81L));
        verdicts.put("pexels-81", new VisionJudge.Verdict(true, 0.9, "ok"));
        AdaptiveStockResolver r = resolver(reformer(List.of()));
        List<Thread> threads = new ArrayList<>();
        AtomicInteger ok = new AtomicInteger();
        for (int i = 0; i < 6; i++) {
            int scene = i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    if (r.resolve(image(scene), null, e -> { }).method() == Method.STOCK_VERIFIED) {
                        ok.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(ok.get(), is(6));
        try (var files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList(), contains("pexels-81-image.jpg"));
        }
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(Files.readAllBytes(cache.resolve("pexels-81-image.jpg")), Files.readAllBytes(assets.resolve("scene-" + i + "-stock.jpg")));
        }
    }

    @Test
    void verificationNeedsAJudge() {
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveStockResolver(List.of(), null, null, null, cache, Options.DEFAULTS));
    }
}
