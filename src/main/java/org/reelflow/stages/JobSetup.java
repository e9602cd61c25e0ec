package org.reelflow.stages;

import java.util.List;
import java.util.function.Function;

import org.reelflow.catalog.Archetypes;
import org.reelflow.jobs.JobRecord;
import org.reelflow.jobs.StageName;
import org.reelflow.media.Toolchain;
import org.reelflow.media.align.PocketsphinxAligner;
import org.reelflow.media.music.MusicLibrary;
import org.reelflow.pipeline.Pipeline;
import org.reelflow.pipeline.Production;
import org.reelflow.pipeline.StageContext;
import org.reelflow.providers.KeyRing;
import org.reelflow.providers.ProviderChoice;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.image.ImageGenerators;
import org.reelflow.providers.llm.LlmConfig;
import org.reelflow.providers.llm.LlmProviders;
import org.reelflow.providers.music.MusicResolver;
import org.reelflow.providers.tts.VoiceEngines;
import org.reelflow.providers.vendor.VendorSettings;
import org.reelflow.writer.LlmWriter;
import org.reelflow.writer.OfflineWriter;
import org.reelflow.writer.ScriptWriter;

/**
 * Chooses the job's providers before any stage runs, so a missing key fails the job before anything is spent,
 * with the key named. With nothing chosen, the job runs offline: the offline writer, the local voice, procedural
 * cards and the bundled music. Provider retries are reported as {@code error} events of the stage that made them.
 */
public final class JobSetup implements Pipeline.Preparation {

    /** The zero-key writer's provider key. */
    static final String OFFLINE = "offline";
    /** The offline voice's and pictures' provider key. */
    static final String LOCAL = "local";
    static final String OPENAI_COMPATIBLE_KEY = "OPENREELS_LLM_API_KEY";

    private final Archetypes archetypes;
    private final Function<String, String> env;
    private final LlmConfig llmConfig;
    private final VendorSettings vendors;
    private final MusicLibrary music;

    public JobSetup(Archetypes archetypes, Function<String, String> env, LlmConfig llmConfig, VendorSettings vendors,
                    MusicLibrary music) {
        this.archetypes = archetypes;
        this.env = env;
        this.llmConfig = llmConfig;
        this.vendors = vendors;
        this.music = music;
    }

    @Override
    public void prepare(StageContext ctx) {
        ProviderChoice requested = ctx.request().providers();
        KeyRing keys = new KeyRing(ctx.request().keys(), env);
        ProviderHttp.RetryListener retries = (provider, attempt, reason, delay) -> reportRetry(ctx, reason);
        Production p = ctx.production();

        ScriptWriter writer = writerFor(requested, keys, retries);
        ProviderChoice resolved = requested.withLlm(writer.provider());
        p.writer(writer);
        if (!ctx.request().dryRun()) {
            VendorSettings jobVendors = vendors.withListener(retries);
            String tts = requested.tts() == null ? LOCAL : requested.tts();
            p.voice(VoiceEngines.create(tts, keys, jobVendors, new PocketsphinxAligner()));
            String image = requested.image() == null ? LOCAL : requested.image();
            p.images(LOCAL.equals(image) ? null : ImageGenerators.create(image, keys, jobVendors));
            p.musicResolver(ctx.request().noMusic() ? null : MusicResolver.create(requested.music(), keys, jobVendors, music));
            List<String> missing = Toolchain.missingPackages();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("The media engine needs these Debian packages: "
                                                + String.join(" ", missing) + " (make run installs them)");
            }
            resolved = resolved.withTts(tts).withImage(image);
        }
        p.providers(resolved);
        ctx.job().putResult("providers", resolved.toJson());
    }

    private ScriptWriter writerFor(ProviderChoice choice, KeyRing keys, ProviderHttp.RetryListener retries) {
        String llm = choice.llm() == null ? OFFLINE : choice.llm();
        if (OFFLINE.equals(llm)) {
            return new OfflineWriter(archetypes);
        }
        String baseUrl = choice.llmBaseUrl();
        if (baseUrl != null && keys.has(OPENAI_COMPATIBLE_KEY) && !keys.isByok(OPENAI_COMPATIBLE_KEY)) {
            // A URL from a request never receives the server's own key: anyone could point it at their server.
            throw new IllegalStateException("llmBaseUrl from a request needs your own " + OPENAI_COMPATIBLE_KEY
                                            + " in keys; the server's key is only sent to its configured URL");
        }
        return new LlmWriter(LlmProviders.create(llm, choice.llmModel(), baseUrl, choice.searchProvider(), keys,
                                                 llmConfig.withListener(retries)), archetypes);
    }

    /** A provider call is being retried: say so on the stage that is running (e.g. "Rate limit exceeded"). */
    private static void reportRetry(StageContext ctx, String reason) {
        StageName running = ctx.job().read(JobSetup::runningStage);
        if (running != null) {
            ctx.recoverableError(running, reason);
        }
    }

    private static StageName runningStage(JobRecord r) {
        for (StageName s : StageName.values()) {
            if ("running".equals(r.stage(s).status())) {
                return s;
            }
        }
        return null;
    }
}
