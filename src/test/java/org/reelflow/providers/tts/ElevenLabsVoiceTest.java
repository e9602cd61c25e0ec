package org.reelflow.providers.tts;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelflow.media.TimedWord;
import org.reelflow.media.align.PocketsphinxAligner;
import org.reelflow.media.voice.ChildProcesses;
import org.reelflow.media.voice.Voiceover;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.http.RetryPolicy;
import org.reelflow.support.VendorDouble;

class ElevenLabsVoiceTest {

    static final String KEY = "sk_el_test_0123456789abcdef";
    static SpeechFixture speech;

    VendorDouble vendor;
    @TempDir
    Path out;

    @BeforeAll
    static void speech() throws Exception {
        speech = SpeechFixture.get();
    }

    @BeforeEach
    void start() throws Exception {
        vendor = new VendorDouble();
    }

    @AfterEach
    void stop() {
        vendor.close();
    }

    private ElevenLabsVoice voice() {
        return voice(VendorDouble.FAST);
    }

    private ElevenLabsVoice voice(RetryPolicy policy) {
        return new ElevenLabsVoice(vendor.settings("elevenlabs", policy), KEY, new PocketsphinxAligner());
    }

    /** ElevenLabs' answer: the audio and one time span per character of the text, as its API sends them. */
    static JsonObject answer(String text, List<TimedWord> words, byte[] audio) {
        JsonArrayBuilder chars = Json.createArrayBuilder();
        JsonArrayBuilder starts = Json.createArrayBuilder();
        JsonArrayBuilder ends = Json.createArrayBuilder();
        String[] tokens = text.split(" ");
        for (int w = 0; w < tokens.length; w++) {
            TimedWord tw = words.get(w);
            String token = tokens[w];
            double step = (tw.end() - tw.start()) / token.length();
            for (int c = 0; c < token.length(); c++) {
                chars.add(String.valueOf(token.charAt(c)));
                starts.add(tw.start() + c * step);
                ends.add(c == token.length() - 1 ? tw.end() : tw.start() + (c + 1) * step);
            }
            if (w < tokens.length - 1) {
                chars.add(" ");
                starts.add(tw.end());
                ends.add(words.get(w + 1).start());
            }
        }
        return Json.createObjectBuilder().add("audio_base64", Base64.getEncoder().encodeToString(audio))
                .add("alignment", Json.createObjectBuilder().add("characters", chars)
                        .add("character_start_times_seconds", starts).add("character_end_times_seconds", ends))
                .add("normalized_alignment", JsonObject.NULL).build();
    }

    @Test
    void sendsTheScriptAndTurnsCharacterTimesIntoScriptWords() throws Exception {
        vendor.then(VendorDouble.json(200, answer(SpeechFixture.SCRIPT, speech.words(), speech.mp3())));
        ElevenLabsVoice voice = voice();

        Voiceover v = voice.synthesize(SpeechFixture.SCRIPT, out);

        VendorDouble.Seen r = vendor.only();
        assertThat(r.method(), is("POST"));
        assertThat(r.path(), is("/v1/text-to-speech/JBFqnCBsd6RMkjVDRZzb/with-timestamps"));
        assertThat(r.header("xi-api-key"), is(KEY));
        assertThat(r.header("Content-Type"), is("application/json"));
        JsonObject body = r.json();
        assertThat(body.getString("text"), is(SpeechFixture.SCRIPT));
        assertThat(body.getString("model_id"), is("eleven_multilingual_v2"));
        assertThat(body.getJsonObject("voice_settings").getJsonNumber("stability").doubleValue(), is(0.5));
        assertThat(body.getJsonObject("voice_settings").getJsonNumber("similarity_boost").doubleValue(), is(0.75));

        assertThat(v.audio(), is(out.resolve("voiceover.mp3")));
        assertThat(Files.readAllBytes(v.audio()), is(speech.mp3()));
        assertThat(v.durationSec(), closeTo(speech.festival.durationSec(), 0.1));
        assertThat(v.words().stream().map(TimedWord::word).toList(),
                   is(Arrays.asList(SpeechFixture.SCRIPT.split(" "))));
        for (int i = 0; i < v.words().size(); i++) {
            assertThat(v.words().get(i).start(), closeTo(speech.words().get(i).start(), 1e-6));
            assertThat(v.words().get(i).end(), closeTo(speech.words().get(i).end(), 1e-6));
        }
        assertThat(voice.charactersSent(), is((long) SpeechFixture.SCRIPT.length()));
        assertThat(voice.provider(), is("elevenlabs"));
    }

    @Test
    void alignmentArraysOfDifferentLengthsAreAnError() throws Exception {
        JsonObject good = answer(SpeechFixture.SCRIPT, speech.words(), speech.mp3());
        JsonObject alignment = good.getJsonObject("alignment");
        JsonObject broken = Json.createObjectBuilder(good).add("alignment", Json.createObjectBuilder(alignment)
                .add("character_end_times_seconds", Json.createArrayBuilder().add(0.1).add(0.2))).build();
        vendor.then(VendorDouble.json(200, broken));

        VoiceProviderException e = assertThrows(VoiceProviderException.class,
                                                () -> voice().synthesize(SpeechFixture.SCRIPT, out));
        assertThat(e.failure().kind(), is(Kind.MALFORMED_RESPONSE));
        assertThat(e.getMessage(), containsString("arrays differ in length"));
        assertThat(e.getMessage(), containsString("ends=2"));
        assertThat("nothing is written on failure", Files.exists(out.resolve("voiceover.mp3")), is(false));
    }

    @Test
    void timingsThatDoNotFitTheScriptAreReplacedByForcedAlignmentOfTheAudio() throws Exception {
        String other = "Completely unrelated words about cooking pasta slowly at home tonight with friends and "
                       + "family while it rains outside our small kitchen window forever";
        List<TimedWord> wrong = speech.words().subList(0, other.split(" ").length);
        vendor.then(VendorDouble.json(200, answer(other, wrong, speech.mp3())));

        Voiceover v = voice().synthesize(SpeechFixture.SCRIPT, out);

        assertThat(v.words().stream().map(TimedWord::word).toList(),
                   is(Arrays.asList(SpeechFixture.SCRIPT.split(" "))));
        double worst = 0;
        for (int i = 0; i < v.words().size(); i++) {
            TimedWord f = speech.words().get(i);
            if (f.end() > f.start()) {
                worst = Math.max(worst, Math.abs(f.start() - v.words().get(i).start()));
            }
        }
        // MP3 encoding shifts audio by the encoder delay (~25 ms at 44.1 kHz); alignment adds its own error.
        assertThat("worst start error " + worst, worst, lessThan(0.150));
    }

    @Test
    void anInvalidKeyFailsAtOnceWithoutShowingTheKey() {
        vendor.then(VendorDouble.json(401, "{\"detail\":{\"status\":\"invalid_api_key\",\"message\":\"Invalid API key: "
                                           + KEY + "\"}}"));
        VoiceProviderException e = assertThrows(VoiceProviderException.class,
                                                () -> voice().synthesize(SpeechFixture.SCRIPT, out));
        assertThat(e.failure().kind(), is(Kind.AUTH));
        assertThat(e.getMessage(), is("Invalid API key for elevenlabs (HTTP 401)"));
        assertThat(vendor.requests().size(), is(1));
    }

    @Test
    void aBadRequestEchoingTheKeyIsMasked() {
        vendor.then(VendorDouble.json(400, "{\"detail\":{\"status\":\"bad\",\"message\":\"header xi-api-key=" + KEY
                                           + " has no voice access\"}}"));
        VoiceProviderException e = assertThrows(VoiceProviderException.class,
                                                () -> voice().synthesize(SpeechFixture.SCRIPT, out));
        assertThat(e.failure().kind(), is(Kind.BAD_REQUEST));
        assertThat(e.getMessage(), not(containsString(KEY)));
        assertThat(e.getMessage(), containsString("xi-api-key=***"));
        assertThat(String.valueOf(e.getCause()), not(containsString(KEY)));
    }

    @Test
    void aRateLimitIsRetriedAfterRetryAfter() throws Exception {
        vendor.then(VendorDouble.rateLimited("1"),
                    VendorDouble.json(200, answer(SpeechFixture.SCRIPT, speech.words(), speech.mp3())));
        long t0 = System.nanoTime();
        Voiceover v = voice().synthesize(SpeechFixture.SCRIPT, out);
        assertThat(v.words().size(), is(SpeechFixture.SCRIPT.split(" ").length));
        assertThat(vendor.requests().size(), is(2));
        assertThat((System.nanoTime() - t0) / 1_000_000, greaterThanOrEqualTo(1_000L));
    }

    @Test
    void serverErrorsAreRetriedThenReported() {
        vendor.then(VendorDouble.json(500, "{\"detail\":\"internal\"}"));
        VoiceProviderException e = assertThrows(VoiceProviderException.class,
                                                () -> voice().synthesize(SpeechFixture.SCRIPT, out));
        assertThat(e.failure().kind(), is(Kind.SERVER));
        assertThat(vendor.requests().size(), is(3));
    }

    @Test
    void malformedJsonIsReported() {
        vendor.then(VendorDouble.json(200, "{\"audio_base64\": \"AAAA\", \"alignment\": {"));
        VoiceProviderException e = assertThrows(VoiceProviderException.class,
                                                () -> voice().synthesize(SpeechFixture.SCRIPT, out));
        assertThat(e.failure().kind(), is(Kind.MALFORMED_RESPONSE));
        assertThat(e.getMessage(), containsString("elevenlabs answered with malformed JSON"));
    }

    @Test
    void aSlowAnswerTimesOut() {
        vendor.then(VendorDouble.slow(5_000, VendorDouble.json(200, "{}")));
        RetryPolicy twoShort = new RetryPolicy(Duration.ofMillis(300), 2, Duration.ofMillis(10),
                                               Duration.ofMillis(10), Duration.ofSeconds(1));
        long t0 = System.nanoTime();
        VoiceProviderException e = assertThrows(VoiceProviderException.class,
                                                () -> voice(twoShort).synthesize(SpeechFixture.SCRIPT, out));
        assertThat(e.failure().kind(), is(Kind.TIMEOUT));
        assertThat(vendor.requests().size(), is(2));
        assertThat((System.nanoTime() - t0) / 1_000_000, lessThan(2_500L));
    }

    @Test
    void interruptingTheCallerAbortsPromptly() throws Exception {
        vendor.then(VendorDouble.slow(30_000, VendorDouble.json(200, "{}")));
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        ElevenLabsVoice voice = voice(VendorDouble.FAST.withTimeout(Duration.ofSeconds(60)));
        Thread job = Thread.ofPlatform().start(() -> {
            try {
                voice.synthesize(SpeechFixture.SCRIPT, out);
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        assertThat(vendor.arrived.await(5, TimeUnit.SECONDS), is(true));
        long t0 = System.nanoTime();
        job.interrupt();
        job.join(5_000);
        assertThat(job.isAlive(), is(false));
        assertThat((System.nanoTime() - t0) / 1_000_000, lessThan(1_000L));
        assertThat(outcome.get(), instanceOf(InterruptedException.class));
        assertThat(ChildProcesses.alive(), is(empty()));
    }

    @Test
    void aScriptOverTheLimitFailsBeforeAnyCall() {
        String huge = "word ".repeat(2_001).strip();
        VoiceProviderException e = assertThrows(VoiceProviderException.class, () -> voice().synthesize(huge, out));
        assertThat(e.getMessage(), containsString("at most 10000 characters"));
        assertThat(vendor.requests(), is(empty()));
    }

    @Test
    void missingAudioIsMalformed() {
        vendor.then(VendorDouble.json(200, Json.createObjectBuilder().add("alignment", JsonObject.NULL).build()));
        VoiceProviderException e = assertThrows(VoiceProviderException.class,
                                                () -> voice().synthesize(SpeechFixture.SCRIPT, out));
        assertThat(e.getMessage(), is("elevenlabs sent no audio_base64"));
    }

    @Test
    void noKeyInToString() {
        assertThat(voice().toString(), not(containsString(KEY)));
    }
}
