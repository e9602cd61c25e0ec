package org.reelflow.providers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.reelflow.media.align.PocketsphinxAligner;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.image.GeminiImage;
import org.reelflow.providers.llm.LlmConfig;
import org.reelflow.providers.llm.LlmProviders;
import org.reelflow.providers.llm.OutputSchema;
import org.reelflow.providers.music.LyriaMusic;
import org.reelflow.providers.tts.ElevenLabsVoice;
import org.reelflow.providers.tts.OpenAiVoice;
import org.reelflow.providers.tts.VoiceProviderException;
import org.reelflow.providers.video.VeoVideoGenerator;
import org.reelflow.providers.video.VideoSettings;
import org.reelflow.support.ServedModels;
import org.reelflow.support.VendorDouble;
import org.reelflow.support.VendorWire;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A model a vendor refuses mid-run (the list said nothing, or was not asked) is reported as exactly that — the id
 * named and the setting to change — by every client, from each vendor's own refusal, and is not retried.
 */
class ModelNotServedTest {

    static final OutputSchema<JsonObject> ANSWER = new OutputSchema<>("answer", Json.createObjectBuilder()
            .add("type", "object").add("properties", Json.createObjectBuilder()).build(), json -> json);

    VendorDouble vendor;
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        vendor = new VendorDouble();
    }

    @AfterEach
    void stop() {
        vendor.close();
    }

    private void assertNotServed(ProviderException e, String message) {
        assertThat(e.kind(), is(ProviderException.Kind.NOT_SERVED));
        assertThat(e.getMessage(), is(message));
        assertThat("not retried: no attempt can fix a model", vendor.requests().size(), is(1));
    }

    @Test
    void googlesNotFoundForAnImageModel() {
        vendor.serving(ServedModels.google("gemini-3.5-flash"));
        GeminiImage images = new GeminiImage(vendor.settings("gemini-image"), "AIzaSy-notserved-1111");
        ProviderException e = assertThrows(ProviderException.class, () -> images.generate("a fox", dir.resolve("x.png")));
        assertNotServed(e, "gemini-image does not serve the model gemini-3.1-flash-image (HTTP 404). Change "
                           + "providers.models.image.gemini (PROVIDERS_MODELS_IMAGE_GEMINI).");
    }

    @Test
    void googlesNotFoundForLyriaIsNotTakenForASafetyRefusal() {
        vendor.serving(ServedModels.google("gemini-3.5-flash"));
        LyriaMusic lyria = new LyriaMusic(vendor.settings("lyria").withModels(
                Models.from(k -> Optional.of("lyria-9-gone").filter(v -> k.equals(Model.MUSIC_LYRIA.key())))),
                                          "AIzaSy-notserved-2222");
        ProviderException e = assertThrows(ProviderException.class, () -> lyria.generate("dark ominous drums", dir));
        assertNotServed(e, "lyria does not serve the model lyria-9-gone (HTTP 404). Change providers.models.music.lyria "
                           + "(PROVIDERS_MODELS_MUSIC_LYRIA).");
    }

    @Test
    void anthropicsNotFoundErrorForTheJobsModel() {
        vendor.serving(ServedModels.anthropic("claude-sonnet-4-6"));
        LlmConfig config = LlmConfig.defaults(ProviderHttp.create()).withBaseUrl("anthropic", vendor.url("/v1/"));
        var llm = LlmProviders.create("anthropic", "claude-opus-0", null, "none",
                                      new KeyRing(Map.of("ANTHROPIC_API_KEY", "sk-ant-notserved"), n -> null), config);
        ProviderException e = assertThrows(ProviderException.class, () -> llm.generate("system", "user",
                ANSWER, false));
        assertNotServed(e, "anthropic does not serve the model claude-opus-0 (HTTP 404). Change the job's "
                           + "providers.llmModel.");
    }

    @Test
    void openAisModelNotFoundForTheSpeechModel() {
        vendor.serving(ServedModels.openai("gpt-5.4"));
        OpenAiVoice voice = new OpenAiVoice(vendor.settings("openai-tts"), "sk-proj-notserved", new PocketsphinxAligner());
        VoiceProviderException e = assertThrows(VoiceProviderException.class, () -> voice.synthesize("Hello there.", dir));
        assertNotServed(e.failure(), "openai-tts does not serve the model gpt-4o-mini-tts (HTTP 404). Change "
                                     + "providers.models.tts.openai (PROVIDERS_MODELS_TTS_OPENAI).");
    }

    @Test
    void openRoutersInvalidModelId() {
        vendor.serving(ServedModels.openrouter("anthropic/claude-sonnet-5.5"));
        LlmConfig config = LlmConfig.defaults(ProviderHttp.create()).withBaseUrl("openrouter", vendor.url("/api/v1"))
                .withModels(Models.from(k -> Optional.of("anthropic/claude-gone")
                        .filter(v -> k.equals(Model.LLM_OPENROUTER.key()))));
        var llm = LlmProviders.create("openrouter", null, null, "none",
                                      new KeyRing(Map.of("OPENROUTER_API_KEY", "sk-or-notserved"), n -> null), config);
        ProviderException e = assertThrows(ProviderException.class, () -> llm.generate("system", "user",
                ANSWER, false));
        assertNotServed(e, "openrouter does not serve the model anthropic/claude-gone (HTTP 400). Change "
                           + "providers.models.llm.openrouter (PROVIDERS_MODELS_LLM_OPENROUTER).");
    }

    @Test
    void elevenLabsVoiceNotFoundAndALibraryVoiceOnAFreePlan() {
        vendor.serving(ServedModels.elevenlabs("21m00Tcm4TlvDq8ikWAM"));
        ElevenLabsVoice voice = new ElevenLabsVoice(vendor.settings("elevenlabs"), "sk_el_notserved", null);
        VoiceProviderException e = assertThrows(VoiceProviderException.class, () -> voice.synthesize("Hello there.", dir));
        assertNotServed(e.failure(), "elevenlabs does not serve the voice JBFqnCBsd6RMkjVDRZzb (HTTP 404). Change "
                                     + "providers.models.voice.elevenlabs (PROVIDERS_MODELS_VOICE_ELEVENLABS).");

        vendor.serving(null);
        vendor.seen.clear();
        vendor.then(VendorDouble.json(402, "{\"detail\":{\"status\":\"paid_plan_required\",\"message\":\"Free users "
                                           + "cannot use library voices via the API. Please upgrade your subscription "
                                           + "to use this voice.\"}}"));
        VoiceProviderException paid = assertThrows(VoiceProviderException.class, () -> voice.synthesize("Hello.", dir));
        assertNotServed(paid.failure(), "elevenlabs does not serve the voice JBFqnCBsd6RMkjVDRZzb (HTTP 402 "
                                        + "paid_plan_required: a Voice Library voice needs a paid plan). Change "
                                        + "providers.models.voice.elevenlabs (PROVIDERS_MODELS_VOICE_ELEVENLABS).");
    }

    @Test
    void veosSubmitForAnUnlistedModel() throws Exception {
        vendor.serving(ServedModels.google("gemini-3.8-flash"));
        Path frame = Files.write(dir.resolve("frame.png"), VendorWire.firstFrame());
        VeoVideoGenerator veo = new VeoVideoGenerator(ProviderHttp.create(), "AIzaSy-notserved-3333",
                                                      VideoSettings.defaults().withGoogleBaseUrl(vendor.uri()));
        ProviderException e = assertThrows(ProviderException.class,
                                           () -> veo.generate(frame, "pan", null, 4, dir.resolve("clip.mp4")));
        assertNotServed(e, "veo does not serve the model veo-3.1-lite-generate-001 (HTTP 404). Change "
                           + "providers.models.video.veo (PROVIDERS_MODELS_VIDEO_VEO).");
    }

    @Test
    void aBare404ThatNamesNoModelStaysWhatItWas() {
        vendor.then(VendorDouble.bytes(404, "text/html", "<html><body>Cannot POST</body></html>".getBytes()));
        GeminiImage images = new GeminiImage(vendor.settings("gemini-image"), "AIzaSy-notserved-4444");
        ProviderException e = assertThrows(ProviderException.class, () -> images.generate("a fox", dir.resolve("x.png")));
        assertThat(e.kind(), is(ProviderException.Kind.BAD_REQUEST));
    }
}
