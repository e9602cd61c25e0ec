package org.reelflow.providers.tts;

import java.net.http.HttpResponse;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.reelflow.media.align.ForcedAligner;
import org.reelflow.media.voice.TextNormalizer;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.vendor.VendorCall;
import org.reelflow.providers.vendor.VendorSettings;

/**
 * OpenAI speech ({@code POST /v1/audio/speech}, WAV). It returns no timings, so the script is sent in the
 * speakable form our aligner expects (numbers and symbols spelled out) and the audio is force-aligned to it.
 */
public final class OpenAiVoice extends CloudVoice {

    public static final String PROVIDER = "openai-tts";
    public static final String DEFAULT_BASE_URL = "https://api.openai.com";
    public static final String MODEL = "gpt-4o-mini-tts";
    public static final String VOICE = "alloy";
    /** The endpoint's input limit. */
    public static final int MAX_CHARACTERS = 4096;

    private final VendorCall call;
    private final String url;
    private final String key;
    private final TextNormalizer normalizer = new TextNormalizer();

    public OpenAiVoice(VendorSettings settings, String key, ForcedAligner aligner) {
        super(PROVIDER, aligner);
        this.key = key;
        this.call = new VendorCall(settings, PROVIDER, settings.policy(PROVIDER, VoiceEngines.DEFAULT_POLICY), key);
        this.url = settings.baseUrl(PROVIDER, DEFAULT_BASE_URL) + "/v1/audio/speech";
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
        JsonObject body = Json.createObjectBuilder().add("model", MODEL).add("voice", VOICE).add("input", text)
                .add("response_format", "wav").build();
        HttpResponse<byte[]> res = call.post(url, Map.of("Authorization", "Bearer " + key), body);
        byte[] audio = res.body();
        if (AudioFiles.detect(audio) != AudioFiles.Format.WAV) {
            String type = res.headers().firstValue("content-type").orElse("?");
            throw call.malformed("sent something that is not a WAV (" + type + ", " + audio.length + " bytes)");
        }
        return new Speech(audio, AudioFiles.Format.WAV, null);
    }
}
