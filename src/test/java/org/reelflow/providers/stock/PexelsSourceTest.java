package org.reelflow.providers.stock;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.http.RetryPolicy;
import org.reelflow.support.VendorDouble;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.reelflow.providers.stock.StockFixtures.pexelsFile;
import static org.reelflow.providers.stock.StockFixtures.pexelsPhoto;
import static org.reelflow.providers.stock.StockFixtures.pexelsPhotos;
import static org.reelflow.providers.stock.StockFixtures.pexelsVideo;
import static org.reelflow.providers.stock.StockFixtures.pexelsVideos;
import static org.reelflow.support.VendorDouble.json;

/** Pexels photo and video search against a double speaking its API. */
class PexelsSourceTest {

    static final String KEY = "563492ad6f91700001000001pexelstestkey";

    @TempDir
    Path dir;
    VendorDouble pexels;

    @BeforeEach
    void start() throws Exception {
        pexels = new VendorDouble();
    }

    @AfterEach
    void stop() {
        pexels.close();
    }

    PexelsSource source(RetryPolicy search) {
        return new PexelsSource(ProviderHttp.create(), KEY, StockSettings.defaults().withBaseUrls(pexels.uri(), pexels.uri())
                .withPolicies(search, StockFixtures.FAST));
    }

    PexelsSource source(ProviderHttp http, String key) {
        return new PexelsSource(http, key, StockSettings.defaults().withBaseUrls(pexels.uri(), pexels.uri())
                .withPolicies(StockFixtures.FAST, StockFixtures.FAST));
    }

    /** A photo page with the quota headers Pexels sends on every 2xx answer. */
    void photosWithQuota(String remaining, long resetEpochSecond) {
        pexels.on("GET", "/v1/search", (ex, s) -> json(ex, 200, pexelsPhotos(List.of(pexelsPhoto(pexels.url(), 7, "x"))),
                Map.of("X-Ratelimit-Limit", "20000", "X-Ratelimit-Remaining", remaining,
                       "X-Ratelimit-Reset", String.valueOf(resetEpochSecond))));
    }

    PexelsSource source() {
        return source(StockFixtures.FAST);
    }

    ProviderException fails(org.junit.jupiter.api.function.Executable call) {
        ProviderException e = assertThrows(ProviderException.class, call);
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(t.toString(), not(containsString(KEY)));
        }
        return e;
    }

    @Test
    void searchesPortraitPhotosAndOffersLarge2x() throws Exception {
        pexels.on("GET", "/v1/search", (ex, s) -> json(ex, 200, pexelsPhotos(List.of(pexelsPhoto(pexels.url(), 3225517, "harbour at dawn"),
                                                                                     pexelsPhoto(pexels.url(), 1170986, "fishing boats")))));
        List<StockCandidate> got = source().search("harbour at dawn, fishing boats", false);

        var req = pexels.requests("GET", "/v1/search").get(0);
        assertThat(req.header("Authorization"), is(KEY));
        assertThat(req.query(), is(Map.of("query", "harbour at dawn, fishing boats", "per_page", "5", "orientation", "portrait", "size", "large")));
        assertThat(got.stream().map(StockCandidate::id).toList(), contains("3225517", "1170986"));
        StockCandidate first = got.get(0);
        assertThat(first.provider(), is("pexels"));
        assertThat(first.video(), is(false));
        assertThat(first.url().toString(), is(pexels.url() + "/photos/3225517/pexels-photo-3225517.jpeg?auto=compress&cs=tinysrgb&dpr=2&h=650&w=940"));
        assertThat(first.credit(), is("Ana Ribeiro"));
        assertThat(first.extension(), is("jpg"));
    }

    @Test
    void downloadsIntoTheCacheOnceWithoutTheKey() throws Exception {
        byte[] photo = StockFixtures.jpeg(0x336699);
        pexels.on("GET", "/photos/1/pexels-photo-1.jpeg", (ex, s) -> VendorDouble.bytes(ex, 200, photo, Map.of("Content-Type", "image/jpeg")));
        pexels.on("GET", "/v1/search", (ex, s) -> json(ex, 200, pexelsPhotos(List.of(pexelsPhoto(pexels.url(), 1, "x")))));
        StockCandidate c = source().search("x", false).get(0);
        Path a = source().download(c, dir);
        Path b = source().download(c, dir);
        assertThat(a, is(b));
        assertThat(a.getFileName().toString(), is("pexels-1-image.jpg"));
        assertArrayEquals(photo, Files.readAllBytes(a));
        var gets = pexels.requests("GET", "/photos/1/pexels-photo-1.jpeg");
        assertThat("second download is a cache hit", gets.size(), is(1));
        assertThat(gets.get(0).header("Authorization"), is((String) null));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList(), contains("pexels-1-image.jpg"));
        }
    }

    @Test
    void aDownloadThatIsNotAPictureIsRefusedAndNotCached() throws Exception {
        pexels.on("GET", "/photos/1/pexels-photo-1.jpeg", (ex, s) -> VendorDouble.bytes(ex, 200, "<html>Access denied</html>".getBytes(), Map.of()));
        pexels.on("GET", "/v1/search", (ex, s) -> json(ex, 200, pexelsPhotos(List.of(pexelsPhoto(pexels.url(), 1, "x")))));
        StockCandidate c = source().search("x", false).get(0);
        ProviderException e = fails(() -> source().download(c, dir));
        assertThat(e.kind(), is(Kind.MALFORMED_RESPONSE));
        try (var files = Files.list(dir)) {
            assertThat(files.toList(), empty());
        }
    }

    @Test
    void picksTheWidestRenditionUpTo1080pElseTheNarrowestAbove() throws Exception {
        String fhd = pexels.url() + "/video-files/857251/857251-hd_1080_1920_25fps.mp4";
        String uhd = pexels.url() + "/video-files/2000/2000-uhd_2160_3840_25fps.mp4";
        pexels.on("GET", "/v1/videos/search", (ex, s) -> json(ex, 200, pexelsVideos(List.of(
                pexelsVideo(857251, 12, String.join(",",
                        pexelsFile(1, "sd", 360, 640, pexels.url() + "/v/sd.mp4"),
                        pexelsFile(2, "hd", 720, 1280, pexels.url() + "/v/hd.mp4"),
                        pexelsFile(3, "hd", 1080, 1920, fhd),
                        pexelsFile(4, "uhd", 2160, 3840, pexels.url() + "/v/uhd.mp4"),
                        pexelsFile(5, null, null, null, pexels.url() + "/v/playlist.m3u8"))),
                pexelsVideo(2000, 8, String.join(",", pexelsFile(6, "sd", 540, 960, pexels.url() + "/v/small.mp4"),
                                                 pexelsFile(7, "uhd", 2160, 3840, uhd))),
                pexelsVideo(3000, 5, pexelsFile(8, "sd", 540, 960, pexels.url() + "/v/only-small.mp4"))))));
        List<StockCandidate> got = source().search("city traffic at night", true);
        var req = pexels.requests("GET", "/v1/videos/search").get(0);
        assertThat(req.query(), is(Map.of("query", "city traffic at night", "per_page", "5", "orientation", "portrait", "size", "large")));
        assertThat("a clip with nothing at 720 px or more is skipped", got.stream().map(StockCandidate::id).toList(), contains("857251", "2000"));
        assertThat(got.get(0).url().toString(), is(fhd));
        assertThat(got.get(0).width(), is(1080));
        assertThat(got.get(0).durationSeconds(), is(12.0));
        assertThat(got.get(0).video(), is(true));
        assertThat(got.get(1).url().toString(), is(uhd));
    }

    @Test
    void withNoPortraitFootageItRetriesWithoutTheOrientation() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        pexels.on("GET", "/v1/videos/search", (ex, s) -> json(ex, 200, calls.incrementAndGet() == 1 ? pexelsVideos(List.of())
                : pexelsVideos(List.of(pexelsVideo(42, 9, pexelsFile(1, "hd", 1920, 1080, pexels.url() + "/v/land.mp4"))))));
        List<StockCandidate> got = source().search("glacier", true);
        assertThat(got.size(), is(1));
        var second = pexels.requests("GET", "/v1/videos/search").get(1);
        assertThat(second.query(), is(Map.of("query", "glacier", "per_page", "3", "size", "large")));
    }

    @Test
    void aRateLimitIsRetriedAfterRetryAfter() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        pexels.on("GET", "/v1/search", (ex, s) -> {
            if (calls.incrementAndGet() == 1) {
                json(ex, 429, "{\"error\":\"Rate limit exceeded\"}", Map.of("Retry-After", "1", "X-Ratelimit-Remaining", "0"));
            } else {
                json(ex, 200, pexelsPhotos(List.of(pexelsPhoto(pexels.url(), 7, "x"))));
            }
        });
        long t0 = System.nanoTime();
        assertThat(source().search("x", false).size(), is(1));
        assertThat((System.nanoTime() - t0) / 1_000_000, greaterThanOrEqualTo(1000L));
    }

    @Test
    void aRateLimitThatOutlastsTheRetriesMeansNoResults() throws Exception {
        pexels.on("GET", "/v1/search", (ex, s) -> json(ex, 429, "{\"error\":\"Rate limit exceeded\"}", Map.of("Retry-After", "0")));
        assertThat(source().search("x", false), empty());
        assertThat(pexels.requests().size(), is(3));
        pexels.on("GET", "/v1/videos/search", (ex, s) -> json(ex, 429, "{\"error\":\"Rate limit exceeded\"}", Map.of("Retry-After", "0")));
        assertThat(source().search("x", true), empty());
    }

    @Test
    void aKeyWithNoRequestsLeftIsSkippedUntilTheResetAndTheJobIsToldOnce() throws Exception {
        long reset = Instant.now().plus(Duration.ofDays(3)).getEpochSecond();
        photosWithQuota("0", reset);
        ProviderHttp server = ProviderHttp.create();
        List<String> told = new ArrayList<>();
        PexelsSource job = source(server.withListener((p, attempt, reason, delay) -> told.add(p + " " + attempt + ": " + reason)), KEY);

        assertThat("the answer that spent the quota is still used", job.search("x", false).size(), is(1));
        ProviderException photo = fails(() -> job.search("y", false));
        ProviderException video = fails(() -> job.search("y", true));
        String why = "pexels request quota is used up until " + Instant.ofEpochSecond(reset) + ": pexels is skipped until then";
        assertThat(photo.kind(), is(Kind.RATE_LIMITED));
        assertThat(photo.getMessage(), is(why));
        assertThat(video.getMessage(), is(why));
        assertThat("no request is spent on a 429", pexels.requests().size(), is(1));
        assertThat(told, contains("pexels 0: " + why));

        PexelsSource laterJob = source(server.withListener((p, attempt, reason, delay) -> told.add("later: " + reason)), KEY);
        assertThat(fails(() -> laterJob.search("z", false)).getMessage(), is(why));
        assertThat(told, contains("pexels 0: " + why, "later: " + why));
        assertThat("Pexels counts per key: another key is still asked",
                   source(server, "563492ad6f91700001000001anotherkey").search("z", false).size(), is(1));
        assertThat(pexels.requests().size(), is(2));
    }

    @Test
    void requestsLeftOrAResetThatHasPassedSkipNothing() throws Exception {
        ProviderHttp server = ProviderHttp.create();
        photosWithQuota("19999", Instant.now().plus(Duration.ofDays(3)).getEpochSecond());
        source(server, KEY).search("x", false);
        source(server, KEY).search("x", false);
        photosWithQuota("0", Instant.now().minusSeconds(5).getEpochSecond());
        source(server, KEY).search("x", false);
        source(server, KEY).search("x", false);
        assertThat(pexels.requests().size(), is(4));
    }

    @Test
    void aBadKeyIsAnAuthError() {
        pexels.on("GET", "/v1/search", (ex, s) -> json(ex, 401, "{\"status\":401,\"code\":\"Unauthorized\"}"));
        ProviderException e = fails(() -> source().search("x", false));
        assertThat(e.kind(), is(Kind.AUTH));
        assertThat(e.getMessage(), is("Invalid API key for pexels (HTTP 401)"));
    }

    @Test
    void aBadRequestAndServerErrorsAreErrors() {
        pexels.on("GET", "/v1/search", (ex, s) -> json(ex, 400, "{\"status\":400,\"code\":\"Bad Request\"}"));
        assertThat(fails(() -> source().search("x", false)).kind(), is(Kind.BAD_REQUEST));
        AtomicInteger calls = new AtomicInteger();
        pexels.on("GET", "/v1/search", (ex, s) -> {
            calls.incrementAndGet();
            json(ex, 502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
        });
        assertThat(fails(() -> source().search("x", false)).kind(), is(Kind.SERVER));
        assertThat(calls.get(), is(3));
    }

    @Test
    void malformedJsonIsMalformed() {
        pexels.on("GET", "/v1/search", (ex, s) -> json(ex, 200, "{\"photos\":[{\"id\":1,"));
        assertThat(fails(() -> source().search("x", false)).kind(), is(Kind.MALFORMED_RESPONSE));
    }

    @Test
    void aSlowAnswerTimesOut() {
        pexels.on("GET", "/v1/search", (ex, s) -> VendorDouble.stall(ex, Duration.ofSeconds(5)));
        RetryPolicy once = new RetryPolicy(Duration.ofMillis(300), 1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        assertThat(fails(() -> source(once).search("x", false)).kind(), is(Kind.TIMEOUT));
    }

    @Test
    void hitsWithoutAnIdOrUrlAreSkipped() throws Exception {
        pexels.on("GET", "/v1/search", (ex, s) -> json(ex, 200, "{\"photos\":[{\"id\":5,\"src\":{}},{\"src\":{\"large2x\":\"https://x/y.jpg\"}},"
                                                               + "{\"id\":6,\"src\":{\"large\":\"https://images.pexels.com/6.jpeg\"}}]}"));
        List<StockCandidate> got = source().search("x", false);
        assertThat(got.stream().map(StockCandidate::id).toList(), contains("6"));
    }

    @Test
    void aMissingKeyIsRefusedByName() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new PexelsSource(ProviderHttp.create(), "", StockSettings.defaults()));
        assertThat(e.getMessage(), is("PEXELS_API_KEY is required"));
    }
}
