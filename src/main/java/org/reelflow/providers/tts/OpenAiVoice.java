package org.reelflow.providers.tts;

import java.net.http.HttpResponse;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.reelflow.media.align.ForcedAligner;
import org.reelflow.media.voice.TextNormalizer;
import org.reelflow.providers.Model;
import org.reelflow.providers.ModelChoice;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.vendor.VendorCall;
import org.reelflow.providers.vendor.VendorSettings;

/**
 * OpenAI speech ({@code POST /v1/audio/speech}, WAV; model and voice from {@code providers.models.tts.openai} and
 * {@code .voice.openai}). It returns no timings, so the script is sent in the
 * speakable form our aligner expects (numbers and symbols spelled out) and the audio is force-aligned to it.
 */
public final class OpenAiVoice extends CloudVoice {

    public static final String PROVIDER = "openai-tts";
    public static final String DEFAULT_BASE_URL = "https://api.openai.com";
    /** The endpoint's input limit. */
    public static final int MAX_CHARACTERS = 4096;

    private final VendorCall call;
    private final String url;
    private final String key;
    private final ModelChoice model;
    private final String voice;
    private final TextNormalizer normalizer = new TextNormalizer();

    public OpenAiVoice(VendorSettings settings, String key, ForcedAligner aligner) {
        super(PROVIDER, aligner);
        this.key = key;
        this.call = new VendorCall(settings, PROVIDER, settings.policy(PROVIDER, VoiceEngines.DEFAULT_POLICY), key);
        this.url = settings.baseUrl(PROVIDER, DEFAULT_BASE_URL) + "/v1/audio/speech";
        this.model = settings.models().choice(Model.TTS_OPENAI);
        this.voice = settings.models().id(Model.VOICE_OPENAI);
    }

    @Override
    protected String textToSend(String script) {
        return normalizer.normalize(script).speakableText();
    }

    @Override
    protected Speech speak(String text) throws ProviderException, InterruptedException {
        if (text.length() > MAX_CHARACTERS) {
            throw new ProviderException(PROVIDER, Kind.BAD_REQUEST, 0, "OpenAI TTS accepts at most " + MAX_CHARACTERS
                    + " characters; the script has " + text.length()
                    + " when spelled out. Shorten the script or use a different TTS provider.");
        }
        JsonObject body = Json.createObjectBuilder().add("model", model.id()).add("voice", voice).add("input", text)
                .add("response_format", "wav").build();
        HttpResponse<byte[]> res;
        try {
            res = call.post(url, Map.of("Authorization", "Bearer " + key), body);
        } catch (ProviderException e) {
            throw model.explain(e);
        }
        byte[] audio = res.body();
        if (AudioFiles.detect(audio) != AudioFiles.Format.WAV) {
            String type = res.headers().firstValue("content-type").orElse("?");
            throw call.malformed("sent something that is not a WAV (" + type + ", " + audio.length + " bytes)");
        }
        return new Speech(audio, AudioFiles.Format.WAV, null);
    }
}
