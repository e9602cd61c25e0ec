package org.reelflow.providers.tts;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

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
import org.reelflow.media.voice.Voiceover;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.support.VendorDouble;

class InworldVoiceTest {

    /** Inworld issues the Basic credential itself (base64 of key:secret). */
    static final String KEY = "aW53b3JsZC1rZXk6aW53b3JsZC1zZWNyZXQ=";
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

    private InworldVoice voice() {
        return new InworldVoice(vendor.settings("inworld"), KEY, new PocketsphinxAligner());
    }

    static JsonObject answer(byte[] audio, List<String> words, List<Double> starts, List<Double> ends) {
        JsonArrayBuilder w = Json.createArrayBuilder();
        JsonArrayBuilder s = Json.createArrayBuilder();
        JsonArrayBuilder e = Json.createArrayBuilder();
        words.forEach(w::add);
        starts.forEach(s::add);
        ends.forEach(e::add);
        return Json.createObjectBuilder().add("audioContent", Base64.getEncoder().encodeToString(audio))
                .add("usage", Json.createObjectBuilder().add("processedCharactersCount", SpeechFixture.SCRIPT.length())
                        .add("modelId", "inworld-tts-1.5-max"))
                .add("timestampInfo", Json.createObjectBuilder().add("wordAlignment", Json.createObjectBuilder()
                        .add("words", w).add("wordStartTimeSeconds", s).add("wordEndTimeSeconds", e)))
                .build();
    }

    /**
     * What a normalising vendor reports for the fixture: "2024," as three words, "3.5" as three, "km" as one,
     * the dash dropped, "AI-powered" as two; times split evenly inside each script word's true span.
     */
    static JsonObject normalisedAnswer(byte[] audio) {
        String[] script = SpeechFixture.SCRIPT.split(" ");
        List<String> words = new ArrayList<>();
        List<Double> starts = new ArrayList<>();
        List<Double> ends = new ArrayList<>();
        for (int i = 0; i < script.length; i++) {
            List<String> said = switch (script[i]) {
                case "2024," -> List.of("twenty", "twenty", "four");
                case "3.5" -> List.of("three", "point", "five");
                case "km" -> List.of("kilometers");
                case "—" -> List.of();
                case "AI-powered" -> List.of("AI", "powered");
                case "1st" -> List.of("first");
                default -> List.of(script[i]);
            };
            TimedWord t = speech.words().get(i);
            double step = (t.end() - t.start()) / Math.max(1, said.size());
            for (int k = 0; k < said.size(); k++) {
                words.add(said.get(k));
                starts.add(t.start() + k * step);
                ends.add(k == said.size() - 1 ? t.end() : t.start() + (k + 1) * step);
            }
        }
        return answer(audio, words, starts, ends);
    }

    @Test
    void sendsInworldsRequestAndMapsNormalisedWordsOntoTheScript() throws Exception {
        vendor.then(VendorDouble.json(200, normalisedAnswer(speech.mp3())));
        InworldVoice voice = voice();

        Voiceover v = voice.synthesize(SpeechFixture.SCRIPT, out);

        VendorDouble.Seen r = vendor.only();
        assertThat(r.method(), is("POST"));
        assertThat(r.path(), is("/tts/v1/voice"));
        assertThat(r.header("Authorization"), is("Basic " + KEY));
        JsonObject body = r.json();
        assertThat(body.getString("text"), is(SpeechFixture.SCRIPT));
        assertThat(body.getString("voiceId"), is("Dennis"));
        assertThat(body.getString("modelId"), is("inworld-tts-1.5-max"));
        assertThat(body.getJsonObject("audioConfig").getString("audioEncoding"), is("MP3"));
        assertThat(body.getString("timestampType"), is("WORD"));
        assertThat(body.getString("applyTextNormalization"), is("ON"));

        assertThat(v.audio(), is(out.resolve("voiceover.mp3")));
        assertThat(v.words().stream().map(TimedWord::word).toList(),
                   is(Arrays.asList(SpeechFixture.SCRIPT.split(" "))));
        for (int i = 0; i < v.words().size(); i++) {
            assertThat(v.words().get(i).word(), v.words().get(i).start(), closeTo(speech.words().get(i).start(), 1e-6));
            assertThat(v.words().get(i).word(), v.words().get(i).end(), closeTo(speech.words().get(i).end(), 1e-6));
        }
        assertThat(voice.charactersSent(), is((long) SpeechFixture.SCRIPT.length()));
    }

    @Test
    void timestampArraysOfDifferentLengthsAreAnError() throws Exception {
        vendor.then(VendorDouble.json(200, answer(speech.mp3(), List.of("In", "twenty"), List.of(0.1, 0.3),
                                                  List.of(0.2))));
        VoiceProviderException e = assertThrows(VoiceProviderException.class,
                                                () -> voice().synthesize(SpeechFixture.SCRIPT, out));
        assertThat(e.failure().kind(), is(Kind.MALFORMED_RESPONSE));
        assertThat(e.getMessage(), is("inworld timestamp array length mismatch: words=2, starts=2, ends=1"));
    }

    @Test
    void missingTimestampsFallBackToForcedAlignment() throws Exception {
        vendor.then(VendorDouble.json(200, Json.createObjectBuilder().add("audioContent",
                Base64.getEncoder().encodeToString(speech.mp3())).build()));
        Voiceover v = voice().synthesize(SpeechFixture.SCRIPT, out);
        assertThat(v.words().stream().map(TimedWord::word).toList(),
                   is(Arrays.asList(SpeechFixture.SCRIPT.split(" "))));
    }

    @Test
    void scriptsOver2000CharactersFailBeforeAnyCall() {
        String script = "a".repeat(1500) + " " + "b".repeat(600);
        VoiceProviderException e = assertThrows(VoiceProviderException.class, () -> voice().synthesize(script, out));
        assertThat(e.getMessage(), is("Inworld TTS limit exceeded: script is 2101 chars, max 2000. Shorten the "
                                      + "script or use a different TTS provider."));
        assertThat(vendor.requests(), is(empty()));
    }

    @Test
    void errorsNeverShowTheKey() {
        vendor.then(VendorDouble.json(403, "{\"code\":16,\"message\":\"Unauthenticated: Basic " + KEY + "\"}"));
        VoiceProviderException e = assertThrows(VoiceProviderException.class,
                                                () -> voice().synthesize(SpeechFixture.SCRIPT, out));
        assertThat(e.failure().kind(), is(Kind.AUTH));
        assertThat(e.getMessage(), not(containsString(KEY)));
    }

    @Test
    void badBase64IsMalformed() {
        vendor.then(VendorDouble.json(200, "{\"audioContent\":\"%%% not base64 %%%\"}"));
        VoiceProviderException e = assertThrows(VoiceProviderException.class,
                                                () -> voice().synthesize(SpeechFixture.SCRIPT, out));
        assertThat(e.getMessage(), is("inworld sent audioContent that is not base64"));
    }
}
