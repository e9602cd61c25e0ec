package org.reelflow.providers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The API key variables the providers read, and which of them this server has (values never leave here). */
public final class ApiKeys {

    /** OpenReels' seven, then the ones its health check forgot. */
    public static final List<String> NAMES = List.of("ANTHROPIC_API_KEY", "OPENAI_API_KEY", "GOOGLE_API_KEY",
            "ELEVENLABS_API_KEY", "INWORLD_TTS_API_KEY", "PEXELS_API_KEY", "PIXABAY_API_KEY", "OPENROUTER_API_KEY",
            "TAVILY_API_KEY", "FAL_API_KEY", "OPENREELS_LLM_API_KEY");

    private final Function<String, String> env;

    /** @param env where keys come from: {@code System::getenv} in production, a map in tests */
    public ApiKeys(Function<String, String> env) {
        this.env = env;
    }

    public boolean configured(String name) {
        String v = env.apply(name);
        return v != null && !v.isBlank();
    }

    /** {@code name → configured?} for every known key. */
    public Map<String, Boolean> configuredMap() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        NAMES.forEach(n -> out.put(n, configured(n)));
        return out;
    }
}
