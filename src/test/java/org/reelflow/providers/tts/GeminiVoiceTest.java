package org.reelflow.providers.tts;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Base64;
import javax.sound.sampled.AudioSystem;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelflow.media.align.PocketsphinxAligner;
import org.reelflow.media.voice.TextNormalizer;
import org.reelflow.media.voice.Voiceover;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.support.VendorDouble;

class GeminiVoiceTest {

    static final String KEY = "AIzaSyGeminiTestKey-0000000000";
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

    private GeminiVoice voice() {
        return new GeminiVoice(vendor.settings("gemini-tts"), KEY, new PocketsphinxAligner());
    }

    static JsonObject audioAnswer(byte[] pcm, String mime) {
        return Json.createObjectBuilder().add("candidates", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("content", Json.createObjectBuilder().add("role", "model").add("parts", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("inlineData", Json.createObjectBuilder()
                                .add("mimeType", mime).add("data", Base64.getEncoder().encodeToString(pcm))))))
                .add("finishReason", "STOP").add("index", 0)))
                .add("usageMetadata", Json.createObjectBuilder().add("promptTokenCount", 31)
                        .add("candidatesTokenCount", 212).add("totalTokenCount", 243))
                .add("modelVersion", "gemini-3.8-flash-tts").build();
    }

    @Test
    void wrapsRawPcmIntoAWavAndAlignsIt() throws Exception {
        vendor.then(VendorDouble.json(200, audioAnswer(speech.pcm24k(), "audio/L16;codec=pcm;rate=24000")));

        Voiceover v = voice().synthesize(SpeechFixture.SCRIPT, out);

        VendorDouble.Seen r = vendor.only();
        assertThat(r.method(), is("POST"));
        assertThat(r.path(), is("/v1beta/models/gemini-3.8-flash-tts:generateContent"));
        assertThat(r.header("x-goog-api-key"), is(KEY));
        assertThat("the key never travels in the URL", r.rawQuery(), is(nullValue()));
        JsonObject body = r.json();
        assertThat(body.getJsonArray("contents").getJsonObject(0).getJsonArray("parts").getJsonObject(0)
                       .getString("text"), is(new TextNormalizer().normalize(SpeechFixture.SCRIPT).speakableText()));
        JsonObject config = body.getJsonObject("generationConfig");
        assertThat(config.getJsonArray("responseModalities").getString(0), is("AUDIO"));
        assertThat(config.getJsonObject("speechConfig").getJsonObject("voiceConfig")
                         .getJsonObject("prebuiltVoiceConfig").getString("voiceName"), is("Kore"));

        assertThat(v.audio(), is(out.resolve("voiceover.wav")));
        var format = AudioSystem.getAudioFileFormat(v.audio().toFile()).getFormat();
        assertThat(format.getSampleRate(), is(24000f));
        assertThat(format.getChannels(), is(1));
        assertThat(format.getSampleSizeInBits(), is(16));
        assertThat(v.durationSec(), closeTo(speech.festival.durationSec(), 0.01));
        Alignments.assertClose(SpeechFixture.SCRIPT, v.words(), speech.words());
    }

    @Test
    void aBlockedPromptIsARefusal() {
        vendor.then(VendorDouble.json(200, "{\"promptFeedback\":{\"blockReason\":\"PROHIBITED_CONTENT\"},"
                                           + "\"usageMetadata\":{\"promptTokenCount\":12}}"));
        VoiceProviderException e = assertThrows(VoiceProviderException.class,
                                                () -> voice().synthesize(SpeechFixture.SCRIPT, out));
        assertThat(e.failure().kind(), is(Kind.REFUSED));
        assertThat(e.getMessage(), containsString("blockReason PROHIBITED_CONTENT"));
    }

    @Test
    void noAudioWithFinishReasonOtherIsMalformed() {
        vendor.then(VendorDouble.json(200, "{\"candidates\":[{\"content\":{\"role\":\"model\"},"
                                           + "\"finishReason\":\"OTHER\",\"index\":0}]}"));
        VoiceProviderException e = assertThrows(VoiceProviderException.class,
                                                () -> voice().synthesize(SpeechFixture.SCRIPT, out));
        assertThat(e.failure().kind(), is(Kind.MALFORMED_RESPONSE));
        assertThat(e.getMessage(), is("gemini-tts returned no audio (finishReason OTHER)"));
    }

    @Test
    void googlesApiKeyInvalidIsAnInvalidKeyAndOtherRejectionsAreBadRequests() {
        vendor.then(VendorDouble.googleKeyInvalid(),
                    VendorDouble.json(400, "{\"error\":{\"code\":400,\"message\":\"Request contains an invalid argument "
                                           + "(key " + KEY + ").\",\"status\":\"INVALID_ARGUMENT\"}}"));
        VoiceProviderException e = assertThrows(VoiceProviderException.class,
                                                () -> voice().synthesize(SpeechFixture.SCRIPT, out));
        assertThat(e.failure().kind(), is(Kind.AUTH));
        assertThat(e.getMessage(), is("Invalid API key for gemini-tts (HTTP 400)"));
        assertThat("a bad key is not retried", vendor.requests().size(), is(1));

        VoiceProviderException bad = assertThrows(VoiceProviderException.class,
                                                  () -> voice().synthesize(SpeechFixture.SCRIPT, out));
        assertThat(bad.failure().kind(), is(Kind.BAD_REQUEST));
        assertThat(bad.getMessage(), containsString("invalid argument"));
        assertThat(bad.getMessage(), not(containsString(KEY)));
    }

    @Test
    void readsTheSampleRateFromTheMimeType() {
        assertThat(GeminiVoice.rate("audio/L16;codec=pcm;rate=16000"), is(16000));
        assertThat(GeminiVoice.rate("audio/pcm"), is(24000));
        assertThat(GeminiVoice.rate(null), is(24000));
    }
}
