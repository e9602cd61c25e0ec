package org.reelflow.providers.tts;

import java.time.Duration;
import java.util.List;

import org.reelflow.media.align.ForcedAligner;
import org.reelflow.media.voice.FestivalVoice;
import org.reelflow.media.voice.VoiceEngine;
import org.reelflow.providers.KeyRing;
import org.reelflow.providers.http.RetryPolicy;
import org.reelflow.providers.vendor.VendorSettings;

/** Makes the voice a job asked for, checking its key before any call is made. */
public final class VoiceEngines {

    /** Whole-script synthesis can take a while: two minutes per attempt, three attempts. */
    public static final RetryPolicy DEFAULT_POLICY = RetryPolicy.DEFAULT.withTimeout(Duration.ofSeconds(120));

    /**
     * OpenReels' key for its local voice (Kokoro, a model run on the machine). We do not ship Kokoro; the key gets
     * our local voice, Festival, so clients that offer "kokoro" as the offline choice (OpenReels' web UI) still get
     * an offline voice. The engine still reports itself as {@code local}, so events and the record say what spoke.
     */
    public static final String KOKORO = "kokoro";

    /** Every provider key {@link #create} knows, the offline ones first. */
    public static final List<String> PROVIDERS = List.of("local", KOKORO, ElevenLabsVoice.PROVIDER,
                                                          InworldVoice.PROVIDER, OpenAiVoice.PROVIDER,
                                                          GeminiVoice.PROVIDER);

    private VoiceEngines() {
    }

    /** The API key variable a provider needs, or null for none. */
    public static String keyName(String provider) {
        return switch (provider) {
            case ElevenLabsVoice.PROVIDER -> "ELEVENLABS_API_KEY";
            case InworldVoice.PROVIDER -> "INWORLD_TTS_API_KEY";
            case OpenAiVoice.PROVIDER -> "OPENAI_API_KEY";
            case GeminiVoice.PROVIDER -> "GOOGLE_API_KEY";
            default -> null;
        };
    }

    /**
     * @param aligner forced alignment for voices that return no timings (e.g. {@code new PocketsphinxAligner()})
     * @throws IllegalStateException "&lt;KEY&gt; is required" when the provider's key is missing
     * @throws IllegalArgumentException for an unknown provider
     */
    public static VoiceEngine create(String provider, KeyRing keys, VendorSettings settings, ForcedAligner aligner) {
        return switch (provider) {
            case "local", KOKORO -> new FestivalVoice();
            case ElevenLabsVoice.PROVIDER -> new ElevenLabsVoice(settings, keys.require(keyName(provider)), aligner);
            case InworldVoice.PROVIDER -> new InworldVoice(settings, keys.require(keyName(provider)), aligner);
            case OpenAiVoice.PROVIDER -> new OpenAiVoice(settings, keys.require(keyName(provider)), aligner);
            case GeminiVoice.PROVIDER -> new GeminiVoice(settings, keys.require(keyName(provider)), aligner);
            default -> throw new IllegalArgumentException("unknown TTS provider '" + provider + "' (known: "
                                                          + String.join(", ", PROVIDERS) + ")");
        };
    }
}
