package org.reelflow.providers;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Every model and voice id a cloud provider uses, with its default: the one place the ids live. Each is a setting,
 * {@code providers.models.<role>.<vendor>} (environment {@code PROVIDERS_MODELS_<ROLE>_<VENDOR>}); {@link Models}
 * reads them. Vendors retire ids, previews within months (Google shut its Gemini 3.1 image preview down in June 2026,
 * Anthropic retired Claude Sonnet 4 the same month), so the defaults are the vendors' current ids as of December 2026
 * and the server checks each against the vendor's own list before a job spends anything ({@link ModelCheck}).
 *
 * <p>Key segments are single words on purpose: Helidon reads {@code _} in an environment variable as a dot, so a
 * dashed key could not be set from the environment.
 */
public enum Model {

    LLM_ANTHROPIC("llm", "anthropic", "claude-sonnet-4-6", "llm:anthropic"),
    LLM_OPENAI("llm", "openai", "gpt-5.4", "llm:openai"),
    LLM_GEMINI("llm", "gemini", "gemini-3.8-flash", "llm:gemini"),
    LLM_OPENROUTER("llm", "openrouter", "anthropic/claude-sonnet-5.5", "llm:openrouter"),
    TTS_ELEVENLABS("tts", "elevenlabs", "eleven_multilingual_v2", "tts:elevenlabs"),
    /** George, one of ElevenLabs' premade voices: free-tier keys get 402 paid_plan_required for Voice Library voices. */
    VOICE_ELEVENLABS("voice", "elevenlabs", "JBFqnCBsd6RMkjVDRZzb", "tts:elevenlabs"),
    TTS_INWORLD("tts", "inworld", "inworld-tts-1.5-max", "tts:inworld"),
    VOICE_INWORLD("voice", "inworld", "Dennis", "tts:inworld"),
    TTS_OPENAI("tts", "openai", "gpt-4o-mini-tts", "tts:openai-tts"),
    VOICE_OPENAI("voice", "openai", "alloy", "tts:openai-tts"),
    TTS_GEMINI("tts", "gemini", "gemini-3.8-flash-tts", "tts:gemini-tts"),
    VOICE_GEMINI("voice", "gemini", "Kore", "tts:gemini-tts"),
    IMAGE_GEMINI("image", "gemini", "gemini-3.1-flash-image", "image:gemini"),
    IMAGE_OPENAI("image", "openai", "gpt-image-1.5", "image:openai"),
    VIDEO_VEO("video", "veo", "veo-3.1-lite-generate-001", "video:gemini"),
    /** fal names a model by its endpoint; the request body is Kling's, so another model may need other inputs. */
    VIDEO_FAL("video", "fal", "fal-ai/kling-video/v2.6/pro/image-to-video", "video:fal"),
    MUSIC_LYRIA("music", "lyria", "lyria-3.5", "music:lyria");

    private final String role;
    private final String vendor;
    private final String defaultId;
    private final String provider;

    Model(String role, String vendor, String defaultId, String provider) {
        this.role = role;
        this.vendor = vendor;
        this.defaultId = defaultId;
        this.provider = provider;
    }

    /** What the id names for its provider: {@code llm}, {@code tts}, {@code voice}, {@code image}, {@code video}, {@code music}. */
    public String role() {
        return role;
    }

    /** "voice" for a voice id, else "model": how a message names it. */
    public String noun() {
        return role.equals("voice") ? "voice" : "model";
    }

    public String defaultId() {
        return defaultId;
    }

    /** The configuration key, e.g. {@code providers.models.llm.gemini}. */
    public String key() {
        return "providers.models." + role + "." + vendor;
    }

    /** The environment variable that sets it, e.g. {@code PROVIDERS_MODELS_LLM_GEMINI}. */
    public String env() {
        return key().replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** The catalogue provider it belongs to, without its kind: {@code gemini-tts} for the Gemini voice. */
    public String providerKey() {
        return provider.substring(provider.indexOf(':') + 1);
    }

    /** The models a catalogue provider ({@code kind}, {@code key}, e.g. "tts", "elevenlabs") uses, model before voice. */
    public static List<Model> of(String kind, String key) {
        String provider = kind + ":" + key;
        return Arrays.stream(values()).filter(m -> m.provider.equals(provider)).toList();
    }
}
