package org.reelflow.stages;

import java.util.List;
import java.util.Map;

import org.reelflow.catalog.Archetypes;
import org.reelflow.media.Toolchain;
import org.reelflow.pipeline.Pipeline;
import org.reelflow.pipeline.StageContext;
import org.reelflow.providers.ApiKeys;
import org.reelflow.providers.ProviderChoice;
import org.reelflow.writer.OfflineWriter;
import org.reelflow.writer.ScriptWriter;

/**
 * Chooses the job's providers before any stage runs, so a missing key fails the job before anything is spent,
 * with the key named. With no LLM chosen, the offline writer plans the video (the zero-key path).
 */
public final class JobSetup implements Pipeline.Preparation {

    /** The zero-key writer's provider key. */
    static final String OFFLINE = "offline";

    /** The offline voice's provider key. */
    static final String LOCAL = "local";

    /** The key each LLM provider needs. */
    static final Map<String, String> LLM_KEYS = Map.of("anthropic", "ANTHROPIC_API_KEY", "openai", "OPENAI_API_KEY",
            "gemini", "GOOGLE_API_KEY", "openrouter", "OPENROUTER_API_KEY", "openai-compatible", "OPENREELS_LLM_API_KEY");

    private final Archetypes archetypes;
    private final ApiKeys keys;

    public JobSetup(Archetypes archetypes, ApiKeys keys) {
        this.archetypes = archetypes;
        this.keys = keys;
    }

    @Override
    public void prepare(StageContext ctx) {
        ProviderChoice requested = ctx.request().providers();
        String llm = requested.llm() == null ? OFFLINE : requested.llm();
        ScriptWriter writer = writerFor(llm, ctx.request().keys());
        ProviderChoice resolved = requested.withLlm(writer.provider());
        if (!ctx.request().dryRun()) {
            resolved = resolved.withTts(voiceFor(requested.tts()));
            List<String> missing = Toolchain.missingPackages();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("The offline media engine needs these Debian packages: "
                                                + String.join(" ", missing) + " (make run installs them)");
            }
        }
        ctx.production().providers(resolved);
        ctx.production().writer(writer);
        ctx.job().putResult("providers", resolved.toJson());
    }

    private static String voiceFor(String tts) {
        if (tts == null || LOCAL.equals(tts)) {
            return LOCAL;
        }
        throw new IllegalStateException("The " + tts + " voice is not available in this build yet; "
                                        + "leave providers.tts unset to use the local voice");
    }

    private ScriptWriter writerFor(String llm, Map<String, String> byok) {
        if (OFFLINE.equals(llm)) {
            return new OfflineWriter(archetypes);
        }
        String key = LLM_KEYS.get(llm);
        if (key == null) {
            throw new IllegalArgumentException("Unknown LLM provider: " + llm + ". Available: offline, "
                                               + String.join(", ", LLM_KEYS.keySet().stream().sorted().toList()));
        }
        if (!keys.configured(key) && !byok.containsKey(key)) {
            throw new IllegalStateException(key + " is required");
        }
        throw new IllegalStateException("The " + llm + " LLM provider is not available in this build yet; "
                                        + "leave providers.llm unset to use the offline writer");
    }
}
