package org.reelflow.providers.music;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelflow.events.EventCodec;
import org.reelflow.events.StageEvent;
import org.reelflow.media.music.MusicLibrary;
import org.reelflow.providers.KeyRing;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.support.VendorDouble;
import org.reelflow.providers.vendor.VendorSettings;

class LyriaMusicTest {

    static final String KEY = "AIzaSyLyriaTestKey-2222222222";
    /** Enough of an MP3 frame header for anyone sniffing it; the resolver never decodes Lyria's audio. */
    static final byte[] MP3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64};
    static Path libraryCache;

    VendorDouble vendor;
    @TempDir
    Path out;
    final List<StageEvent> events = new ArrayList<>();

    @BeforeAll
    static void cache() throws Exception {
        libraryCache = Files.createTempDirectory("reelflow-music-cache");
    }

    @BeforeEach
    void start() throws Exception {
        vendor = new VendorDouble();
    }

    @AfterEach
    void stop() {
        vendor.close();
    }

    private LyriaMusic lyria() {
        return new LyriaMusic(vendor.settings("lyria"), KEY);
    }

    private MusicResolver resolver() {
        return new MusicResolver(lyria(), new MusicLibrary(libraryCache));
    }

    static JsonObject track(String description) {
        return Json.createObjectBuilder().add("candidates", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("content", Json.createObjectBuilder().add("role", "model").add("parts", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("text", description))
                        .add(Json.createObjectBuilder().add("inlineData", Json.createObjectBuilder()
                                .add("mimeType", "audio/mpeg").add("data", Base64.getEncoder().encodeToString(MP3))))))
                .add("finishReason", "STOP"))).build();
    }

    private static String promptOf(VendorDouble.Seen r) {
        return r.json().getJsonArray("contents").getJsonObject(0).getJsonArray("parts").getJsonObject(0)
                .getString("text");
    }

    @Test
    void generatesATrackAndReportsItAsOpenReelsDoes() throws Exception {
        vendor.then(VendorDouble.json(200, track("[0:00-0:20] Intro: warm piano, 84 BPM")));
        MusicResolver.Resolution r = resolver().resolve("warm_acoustic", 7, () -> "Warm acoustic guitar, 84 BPM",
                                                        out, events::add);

        VendorDouble.Seen req = vendor.only();
        assertThat(req.path(), is("/v1beta/models/lyria-3.5:generateContent"));
        assertThat(req.header("x-goog-api-key"), is(KEY));
        assertThat(req.rawQuery(), is(nullValue()));
        assertThat(promptOf(req), is("Warm acoustic guitar, 84 BPM"));
        var modalities = req.json().getJsonObject("generationConfig").getJsonArray("responseModalities");
        assertThat(modalities.getString(0), is("audio"));
        assertThat(modalities.getString(1), is("text"));

        assertThat(events.stream().map(StageEvent::type).toList(), contains("music_generating", "music_generated"));
        assertThat(EventCodec.fields(events.get(0)).getString("provider"), is("lyria"));
        assertThat(EventCodec.fields(events.get(1)).getString("prompt"), is("Warm acoustic guitar, 84 BPM"));
        assertThat(r.provider(), is("lyria"));
        assertThat(r.fallback(), is(false));
        assertThat(r.billable(), is(true));
        assertThat(r.file(), is(out.resolve("music-lyria.mp3")));
        assertThat(Files.readAllBytes(r.file()), is(MP3));
        JsonObject resolved = EventCodec.fields(r.resolvedEvent());
        assertThat(r.resolvedEvent().type(), is("music_resolved"));
        assertThat(resolved.getString("provider"), is("lyria"));
        assertThat(resolved.getString("prompt"), is("Warm acoustic guitar, 84 BPM"));
        assertThat(resolved.getJsonObject("metadata").getString("lyriaResponse"),
                   is("[0:00-0:20] Intro: warm piano, 84 BPM"));
        assertThat(resolved.getBoolean("fallback"), is(false));
    }

    @Test
    void aSpentPerMinuteQuotaIsWaitedOutAsGooglesRetryDelaySays() throws Exception {
        vendor.then(VendorDouble.googleRateLimited("0.3s"), VendorDouble.json(200, track("ok")));
        long t0 = System.nanoTime();
        LyriaMusic.Track t = lyria().generate("Calm piano", out);
        assertThat(t.description(), is("ok"));
        assertThat(vendor.requests().size(), is(2));
        assertThat("waited the 0.3 s Google asked, not the policy's 20 ms backoff",
                   (System.nanoTime() - t0) / 1_000_000, greaterThanOrEqualTo(300L));
    }

    @Test
    void googlesApiKeyInvalidReadsAsAnInvalidKey() throws Exception {
        vendor.then(VendorDouble.googleKeyInvalid());
        MusicResolver.Resolution r = resolver().resolve("chill_lofi", 1, () -> "Lo-fi beat", out, events::add);
        assertThat(r.metadata().getString("lyriaError"), is("Invalid API key for lyria (HTTP 400)"));
        assertThat(vendor.requests().size(), is(1));
    }

    @Test
    void aBlockedPromptIsRetriedOnceWithIntensifiersRestrained() throws Exception {
        vendor.then(VendorDouble.json(200, "{\"promptFeedback\":{\"blockReason\":\"SAFETY\"}}"),
                    VendorDouble.json(200, track("ok")));
        LyriaMusic lyria = lyria();
        LyriaMusic.Track t = lyria.generate("Dark, MENACING drums; relentless and violent strings", out);

        assertThat(vendor.requests().size(), is(2));
        assertThat(promptOf(vendor.requests().get(1)),
                   is("restrained, restrained drums; restrained and restrained strings"));
        assertThat(t.sanitized(), is(true));
        assertThat(t.prompt(), is("restrained, restrained drums; restrained and restrained strings"));
        assertThat(lyria.tracksGenerated(), is(1));
    }

    @Test
    void aSafetyWordedRejectionIsRetriedButOnlyOnce() {
        vendor.then(VendorDouble.json(400, "{\"error\":{\"code\":400,\"message\":\"The prompt was blocked due to "
                                           + "harmful content.\",\"status\":\"INVALID_ARGUMENT\"}}"));
        ProviderException e = assertThrows(ProviderException.class,
                                           () -> lyria().generate("An ominous, dark drone", out));
        assertThat(e.getMessage(), containsString("blocked due to harmful content"));
        assertThat(vendor.requests().size(), is(2));
    }

    @Test
    void aRefusalOfAPromptWithNothingToSoftenIsNotRetried() {
        vendor.then(VendorDouble.json(200, "{\"promptFeedback\":{\"blockReason\":\"PROHIBITED_CONTENT\"}}"));
        ProviderException e = assertThrows(ProviderException.class, () -> lyria().generate("Calm piano", out));
        assertThat(e.kind(), is(Kind.REFUSED));
        assertThat(vendor.requests().size(), is(1));
    }

    @Test
    void emptyPartsWithFinishReasonOtherFallBackWithoutRetry() throws Exception {
        vendor.then(VendorDouble.json(200, "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[]},"
                                           + "\"finishReason\":\"OTHER\"}]}"));
        MusicResolver.Resolution r = resolver().resolve("dark_cinematic", 3, () -> "Dark cinematic strings", out,
                                                        events::add);

        assertThat(vendor.requests().size(), is(1));
        assertThat(events.stream().map(StageEvent::type).toList(), contains("music_generating", "music_fallback"));
        JsonObject fallback = EventCodec.fields(events.get(1));
        assertThat(fallback.getString("reason"), is("lyria returned no content (finishReason OTHER)"));
        assertThat(fallback.getString("rejectedPrompt"), is("Dark cinematic strings"));
        assertThat(r.provider(), is("bundled"));
        assertThat(r.fallback(), is(true));
        assertThat(r.billable(), is(false));
        assertThat(r.prompt(), is("Dark cinematic strings"));
        assertThat(r.metadata().getString("lyriaError"), is("lyria returned no content (finishReason OTHER)"));
        assertThat(r.selection().track().mood(), is("dark_cinematic"));
        assertThat(Files.isRegularFile(r.file()), is(true));
        assertThat(EventCodec.fields(r.resolvedEvent()).getString("provider"), is("bundled"));
    }

    @Test
    void httpFailuresAndPrompterFailuresFallBackToo() throws Exception {
        vendor.then(VendorDouble.json(401, "{\"error\":{\"code\":401,\"message\":\"bad key " + KEY + "\"}}"));
        MusicResolver.Resolution viaHttp = resolver().resolve("chill_lofi", 1, () -> "Lo-fi beat", out, events::add);
        assertThat(viaHttp.fallback(), is(true));
        assertThat(viaHttp.metadata().getString("lyriaError"), is("Invalid API key for lyria (HTTP 401)"));
        assertThat(events.toString(), not(containsString(KEY)));

        events.clear();
        MusicResolver.Resolution viaPrompter = resolver().resolve("chill_lofi", 1, () -> {
            throw new IllegalStateException("music prompter: LLM returned no music_prompt");
        }, out, events::add);
        assertThat(viaPrompter.fallback(), is(true));
        assertThat(viaPrompter.prompt(), is(""));
        assertThat(EventCodec.fields(events.get(1)).containsKey("rejectedPrompt"), is(false));
        assertThat(EventCodec.fields(events.get(1)).getString("reason"), is("music prompter: LLM returned no music_prompt"));
        assertThat(vendor.requests().size(), is(1));
    }

    @Test
    void malformedAndSlowAnswersFallBack() throws Exception {
        vendor.then(VendorDouble.json(200, "{\"candidates\": [ {\"content\""),
                    VendorDouble.slow(5_000, VendorDouble.json(200, "{}")));
        MusicResolver.Resolution broken = resolver().resolve("epic_cinematic", 2, () -> "Epic", out, events::add);
        assertThat(broken.metadata().getString("lyriaError"), containsString("malformed JSON"));

        LyriaMusic slowLyria = new LyriaMusic(vendor.settings("lyria", new org.reelflow.providers.http.RetryPolicy(
                Duration.ofMillis(300), 1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(1))), KEY);
        MusicResolver.Resolution slow = new MusicResolver(slowLyria, new MusicLibrary(libraryCache))
                .resolve("epic_cinematic", 2, () -> "Epic", out, events::add);
        assertThat(slow.metadata().getString("lyriaError"), containsString("did not answer within PT0.3S"));
    }

    @Test
    void cancellingIsNotAFailureToFallBackFrom() throws Exception {
        vendor.then(VendorDouble.slow(30_000, VendorDouble.json(200, "{}")));
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        MusicResolver resolver = resolver();
        Thread job = Thread.ofVirtual().start(() -> {
            try {
                resolver.resolve("epic_cinematic", 1, () -> "Epic", out, events::add);
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        assertThat(vendor.arrived.await(5, TimeUnit.SECONDS), is(true));
        long t0 = System.nanoTime();
        job.interrupt();
        job.join(5_000);
        assertThat((System.nanoTime() - t0) / 1_000_000, lessThan(1_000L));
        assertThat(outcome.get(), instanceOf(InterruptedException.class));
        assertThat(events.stream().map(StageEvent::type).toList(), contains("music_generating"));
    }

    @Test
    void bundledMusicNeedsNoKeyAndEmitsNothingUntilResolved() throws Exception {
        MusicResolver bundled = MusicResolver.create("bundled", new KeyRing(Map.of(), n -> null),
                                                     VendorSettings.defaults(ProviderHttp.create()),
                                                     new MusicLibrary(libraryCache));
        MusicResolver.Resolution r = bundled.resolve("chill_lofi", 5, () -> {
            throw new AssertionError("no prompt is needed for bundled music");
        }, out, events::add);
        assertThat(events, is(empty()));
        assertThat(r.provider(), is("bundled"));
        assertThat(r.fallback(), is(false));
        assertThat(r.prompt(), is(""));
        assertThat(r.metadata().getString("trackId"), is(r.selection().track().id()));
        assertThat(vendor.requests(), is(empty()));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> MusicResolver.create("lyria",
                new KeyRing(Map.of(), n -> null), VendorSettings.defaults(ProviderHttp.create()),
                new MusicLibrary(libraryCache)));
        assertThat(e.getMessage(), is("GOOGLE_API_KEY is required"));
    }

    @Test
    void sanitizeReplacesWholeWordsOnly() {
        assertThat(LyriaMusic.sanitize("Darkness falls; dark, HEAVY bass — intensely intense"),
                   is("Darkness falls; restrained, restrained bass — intensely restrained"));
        assertThat(LyriaMusic.INTENSIFIERS.size(), is(18));
    }
}
