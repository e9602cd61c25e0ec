package org.reelflow.providers.stock;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

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
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.reelflow.providers.stock.StockFixtures.pixabayHits;
import static org.reelflow.providers.stock.StockFixtures.pixabayImage;
import static org.reelflow.providers.stock.StockFixtures.pixabayVideo;
import static org.reelflow.support.VendorDouble.json;

/** Pixabay against a double; its key rides in the query string, so no failure may show it. */
class PixabaySourceTest {

    static final String KEY = "48777065-9f1f0c2b7d5e4a3b2c1d0e9f8";

    @TempDir
    Path dir;
    VendorDouble pixabay;
    final List<String> logged = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        public void publish(LogRecord r) {
            logged.add(r.getMessage() + " " + (r.getThrown() == null ? "" : r.getThrown()));
        }

        public void flush() {
        }

        public void close() {
        }
    };

    @BeforeEach
    void start() throws Exception {
        pixabay = new VendorDouble();
        Logger.getLogger(PixabaySource.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stop() {
        pixabay.close();
        Logger.getLogger(PixabaySource.class.getName()).removeHandler(capture);
        logged.forEach(l -> assertThat(l, not(containsString(KEY))));
    }

    PixabaySource source(URI base, RetryPolicy search) {
        return new PixabaySource(ProviderHttp.create(), KEY, StockSettings.defaults().withBaseUrls(base, base)
                .withPolicies(search, StockFixtures.FAST));
    }

    PixabaySource source() {
        return source(pixabay.uri(), StockFixtures.FAST);
    }

    ProviderException fails(org.junit.jupiter.api.function.Executable call) {
        ProviderException e = assertThrows(ProviderException.class, call);
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(t.toString(), not(containsString(KEY)));
        }
        return e;
    }

    @Test
    void searchesVerticalPhotosAndOffersLargeImageUrl() throws Exception {
        pixabay.on("GET", "/api/", (ex, s) -> json(ex, 200, pixabayHits(List.of(pixabayImage(pixabay.url(), 195893, "harbour, boats, dawn"),
                                                                                pixabayImage(pixabay.url(), 736885, "lighthouse, coast")))));
        List<StockCandidate> got = source().search("harbour at dawn & boats", false);
        var req = pixabay.requests("GET", "/api/").get(0);
        assertThat(req.query(), is(Map.of("key", KEY, "q", "harbour at dawn & boats", "per_page", "3", "image_type", "photo",
                                          "orientation", "vertical")));
        assertThat(got.stream().map(StockCandidate::id).toList(), contains("195893", "736885"));
        assertThat(got.get(0).url().toString(), is(pixabay.url() + "/get/g195893_1280.jpg"));
        assertThat(got.get(0).provider(), is("pixabay"));
        assertThat(got.get(0).credit(), is("Josch13"));
    }

    @Test
    void searchesVideosPreferringMediumThenLarge() throws Exception {
        String cdn = pixabay.url() + "/video/2015/08/08/";
        pixabay.on("GET", "/api/videos/", (ex, s) -> json(ex, 200, pixabayHits(List.of(
                pixabayVideo(125, cdn + "125-large.mp4", cdn + "125-medium.mp4"),
                pixabayVideo(126, cdn + "126-large.mp4", ""),
                pixabayVideo(127, "", "")))));
        List<StockCandidate> got = source().search("city lights", true);
        assertThat(pixabay.requests("GET", "/api/videos/").get(0).query(), is(Map.of("key", KEY, "q", "city lights", "per_page", "3")));
        assertThat(got.stream().map(StockCandidate::id).toList(), contains("125", "126"));
        assertThat(got.get(0).url().toString(), is(cdn + "125-medium.mp4"));
        assertThat(got.get(0).width(), is(1280));
        assertThat(got.get(1).url().toString(), is(cdn + "126-large.mp4"));
        assertThat(got.get(0).durationSeconds(), is(14.0));
        assertThat(got.get(0).extension(), is("mp4"));
    }

    @Test
    void longQueriesAreCutToPixabaysLimit() throws Exception {
        pixabay.on("GET", "/api/", (ex, s) -> json(ex, 200, pixabayHits(List.of())));
        source().search("a".repeat(150), false);
        assertThat(pixabay.requests().get(0).query().get("q").length(), is(100));
    }

    @Test
    void anyHttpErrorMeansNoResultsAndNothingLoggedShowsTheKey() throws Exception {
        pixabay.on("GET", "/api/", (ex, s) -> VendorDouble.bytes(ex, 400, "[ERROR 400] Invalid or missing API key".getBytes(), Map.of()));
        assertThat(source().search("x", false), empty());
        pixabay.on("GET", "/api/", (ex, s) -> json(ex, 429, "{\"error\":\"API rate limit exceeded\"}", Map.of("Retry-After", "0")));
        assertThat(source().search("x", false), empty());
        // A server that echoes the request URL (with the key) in its error page.
        pixabay.on("GET", "/api/videos/", (ex, s) -> VendorDouble.bytes(ex, 500, ("Internal error for /api/videos/?" + s.rawQuery()).getBytes(), Map.of()));
        assertThat(source().search("x", true), empty());
        assertThat(logged.size(), is(3));
        assertThat(logged.get(2), containsString("key=***"));
    }

    @Test
    void aRateLimitIsRetriedAfterRetryAfterFirst() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        pixabay.on("GET", "/api/", (ex, s) -> {
            if (calls.incrementAndGet() == 1) {
                json(ex, 429, "{\"error\":\"API rate limit exceeded\"}", Map.of("Retry-After", "1"));
            } else {
                json(ex, 200, pixabayHits(List.of(pixabayImage(pixabay.url(), 1, "x"))));
            }
        });
        assertThat(source().search("x", false).size(), is(1));
        assertThat(calls.get(), is(2));
    }

    @Test
    void malformedJsonIsAnErrorWithoutTheKey() {
        pixabay.on("GET", "/api/", (ex, s) -> json(ex, 200, "{\"total\":1,\"hits\":[{\"id\":"));
        assertThat(fails(() -> source().search("x", false)).kind(), is(Kind.MALFORMED_RESPONSE));
    }

    @Test
    void aSlowAnswerTimesOutWithoutTheKey() {
        pixabay.on("GET", "/api/", (ex, s) -> VendorDouble.stall(ex, Duration.ofSeconds(5)));
        RetryPolicy once = new RetryPolicy(Duration.ofMillis(300), 1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        assertThat(fails(() -> source(pixabay.uri(), once).search("x", false)).kind(), is(Kind.TIMEOUT));
    }

    @Test
    void aConnectionFailureDoesNotShowTheUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RetryPolicy once = new RetryPolicy(Duration.ofSeconds(2), 1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        ProviderException e = fails(() -> source(URI.create("http://127.0.0.1:" + port), once).search("x", false));
        assertThat(e.kind(), is(Kind.NETWORK));
        assertThat(e.getCause(), is((Throwable) null));
    }

    @Test
    void downloadsTheChosenFileIntoTheCache() throws Exception {
        byte[] photo = StockFixtures.jpeg(0x884422);
        pixabay.on("GET", "/api/", (ex, s) -> json(ex, 200, pixabayHits(List.of(pixabayImage(pixabay.url(), 9, "x")))));
        pixabay.on("GET", "/get/g9_1280.jpg", (ex, s) -> VendorDouble.bytes(ex, 200, photo, Map.of("Content-Type", "image/jpeg")));
        Path f = source().download(source().search("x", false).get(0), dir);
        assertArrayEquals(photo, Files.readAllBytes(f));
        assertThat(f.getFileName().toString(), is("pixabay-9-image.jpg"));
        assertThat(pixabay.requests("GET", "/get/g9_1280.jpg").get(0).rawQuery(), is((String) null));
    }

    @Test
    void aMissingKeyIsRefusedByName() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new PixabaySource(ProviderHttp.create(), null, StockSettings.defaults()));
        assertThat(e.getMessage(), is("PIXABAY_API_KEY is required"));
    }
}
