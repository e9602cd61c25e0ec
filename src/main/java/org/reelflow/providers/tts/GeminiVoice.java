package org.reelflow.providers.tts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;

import org.reelflow.media.align.ForcedAligner;
import org.reelflow.media.voice.TextNormalizer;
import org.reelflow.providers.Model;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.vendor.GeminiContent;
import org.reelflow.providers.vendor.VendorSettings;

/**
 * Gemini speech: the model and prebuilt voice of {@code providers.models.tts.gemini} and {@code .voice.gemini}
 * via generateContent with {@code responseModalities: ["AUDIO"]}. The answer is base64 raw 16-bit mono PCM (24 kHz unless its MIME type
 * says otherwise), written as WAV. No timings: the speakable script is sent and the audio force-aligned to it.
 */
public final class GeminiVoice extends CloudVoice {

    public static final String PROVIDER = "gemini-tts";
    static final int DEFAULT_RATE = 24_000;
    private static final Pattern RATE = Pattern.compile("rate=(\\d+)");

    private final GeminiContent gemini;
    private final String voice;
    private final TextNormalizer normalizer = new TextNormalizer();

    public GeminiVoice(VendorSettings settings, String key, ForcedAligner aligner) {
        super(PROVIDER, aligner);
        this.gemini = new GeminiContent(settings, PROVIDER, settings.models().choice(Model.TTS_GEMINI),
                                        settings.policy(PROVIDER, VoiceEngines.DEFAULT_POLICY), key);
        this.voice = settings.models().id(Model.VOICE_GEMINI);
    }

    @Override
    protected String textToSend(String script) {
        return normalizer.normalize(script).speakableText();
    }

    @Override
    protected Speech speak(String text) throws ProviderException, InterruptedException {
        var config = Json.createObjectBuilder()
                .add("responseModalities", Json.createArrayBuilder().add("AUDIO"))
                .add("speechConfig", Json.createObjectBuilder().add("voiceConfig", Json.createObjectBuilder()
                        .add("prebuiltVoiceConfig", Json.createObjectBuilder().add("voiceName", voice))));
        GeminiContent.Answer answer = gemini.generate(GeminiContent.body(text, config));
        if (answer.blockReason() != null) {
            throw gemini.call().refused("refused the script (blockReason " + answer.blockReason() + ")");
        }
        GeminiContent.Part part = answer.firstInline("audio/");
        if (part == null) {
            String why = "returned no audio (finishReason " + answer.finishReason() + ")";
            throw answer.safetyFinish() ? gemini.call().refused(why) : gemini.call().malformed(why);
        }
        byte[] data = gemini.call().base64("audio data", part.data());
        if (AudioFiles.detect(data) == AudioFiles.Format.WAV) {
            return new Speech(data, AudioFiles.Format.WAV, null);
        }
        if (data.length < 2) {
            throw gemini.call().malformed("returned empty audio");
        }
        return new Speech(AudioFiles.pcm16ToWav(data, rate(part.mimeType()), 1), AudioFiles.Format.WAV, null);
    }

    static int rate(String mimeType) {
        if (mimeType != null) {
            Matcher m = RATE.matcher(mimeType);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return DEFAULT_RATE;
    }
}
