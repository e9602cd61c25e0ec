package org.reelflow.stages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.reelflow.catalog.Archetypes;
import org.reelflow.cost.SpendGuard;
import org.reelflow.jobs.JobRecord;
import org.reelflow.events.StageName;
import org.reelflow.media.Toolchain;
import org.reelflow.media.align.PocketsphinxAligner;
import org.reelflow.media.music.MusicLibrary;
import org.reelflow.media.voice.VoiceEngine;
import org.reelflow.pipeline.Pipeline;
import org.reelflow.pipeline.Production;
import org.reelflow.pipeline.StageContext;
import org.reelflow.providers.KeyRing;
import org.reelflow.providers.Model;
import org.reelflow.providers.ModelCheck;
import org.reelflow.providers.ModelChoice;
import org.reelflow.providers.Models;
import org.reelflow.providers.ProviderChoice;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.image.ImageGenerators;
import org.reelflow.providers.llm.LlmClient;
import org.reelflow.providers.llm.LlmConfig;
import org.reelflow.providers.llm.LlmQueryReformer;
import org.reelflow.providers.llm.LlmVisionJudge;
import org.reelflow.providers.llm.VisionCalls;
import org.reelflow.providers.stock.AdaptiveStockResolver;
import org.reelflow.providers.stock.FfmpegFrameGrabber;
import org.reelflow.providers.stock.StockSettings;
import org.reelflow.providers.stock.StockSource;
import org.reelflow.providers.stock.StockSources;
import org.reelflow.providers.video.VideoGenerator;
import org.reelflow.providers.video.VideoGenerators;
import org.reelflow.providers.video.VideoResolver;
import org.reelflow.providers.video.VideoSettings;
import org.reelflow.providers.llm.LlmProviders;
import org.reelflow.providers.music.MusicResolver;
import org.reelflow.providers.tts.VoiceEngines;
import org.reelflow.providers.vendor.VendorSettings;
import org.reelflow.writer.ImagePrompter;
import org.reelflow.writer.LlmWriter;
import org.reelflow.writer.OfflineWriter;
import org.reelflow.writer.ScriptWriter;

/**
 * Chooses the job's providers before any stage runs, so a missing key fails the job before anything is spent,
 * with the key named — and so does a model or voice id its vendor does not list ({@link ModelCheck}), with the id and
 * its setting named. With nothing chosen, the job runs offline: the offline writer, the local voice, procedural
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
    private final VideoSettings video;
    private final int videoConcurrency;
    private final StockSettings stock;
    private final AdaptiveStockResolver.Options stockOptions;
    private final Path stockCache;
    private final Models models;
    private final ModelCheck modelCheck;

    /**
     * @param videoConcurrency clips generated at once across the job's scenes (OpenReels: 3)
     * @param stockCache       where downloaded stock files are kept between jobs
     * @param models           the configured model and voice ids (a job's {@code llmModel} and {@code videoModel}
     *                         go on top)
     * @param modelCheck       checks them against the vendors' lists before anything is spent
     */
    public JobSetup(Archetypes archetypes, Function<String, String> env, LlmConfig llmConfig, VendorSettings vendors,
                    MusicLibrary music, VideoSettings video, int videoConcurrency, StockSettings stock,
                    AdaptiveStockResolver.Options stockOptions, Path stockCache, Models models, ModelCheck modelCheck) {
        this.archetypes = archetypes;
        this.env = env;
        this.llmConfig = llmConfig;
        this.vendors = vendors;
        this.music = music;
        this.video = video;
        this.videoConcurrency = videoConcurrency;
        this.stock = stock;
        this.stockOptions = stockOptions;
        this.stockCache = stockCache;
        this.models = models;
        this.modelCheck = modelCheck;
    }

    @Override
    public void prepare(StageContext ctx) throws ProviderException, InterruptedException {
        ProviderChoice requested = ctx.request().providers();
        KeyRing keys = new KeyRing(ctx.request().keys(), env);
        ProviderHttp.RetryListener retries = (provider, attempt, reason, delay) -> reportRetry(ctx, reason);
        Production p = ctx.production();

        List<String> videoProviders = ctx.request().dryRun() || ctx.request().noVideo() ? List.of()
                : VideoGenerators.providers(requested.video(), keys);
        // Before any client exists, so nothing is asked for a model the vendor does not serve; a fallback, when
        // configured, is said on the stage that will use the model.
        Models jobModels = modelCheck.verify(modelsUsed(ctx, requested, videoProviders),
                                             jobModels(requested, videoProviders), keys::find,
                                             (model, what) -> ctx.recoverableError(stageUsing(model), what));
        LlmClient llm = llmFor(requested, keys, retries, jobModels);
        ScriptWriter writer = llm == null ? new OfflineWriter(archetypes) : new LlmWriter(llm, archetypes);
        ProviderChoice resolved = requested.withLlm(writer.provider());
        p.writer(writer);
        String llmKey = writer.provider();
        SpendGuard guard = new SpendGuard(ctx.request().maxCostUsd(), () -> writer instanceof LlmWriter w
                ? SpendGuard.llmPrice(llmKey, w.usage().inputTokens(), w.usage().outputTokens()) : 0);
        p.spendGuard(guard);
        CappedLlmCalls capped = new CappedLlmCalls(guard, llmKey, reason -> ctx.recoverableError(StageName.VISUALS, reason));
        if (!ctx.request().dryRun()) {
            // Video first: an explicitly chosen provider without its key fails here, naming the key.
            List<VideoGenerator> chain = videoProviders.isEmpty() ? List.of()
                    : VideoGenerators.chain(requested.video(), keys, vendors.http().withListener(retries),
                                            video.withModels(jobModels));
            p.videoResolver(chain.isEmpty() ? null : new VideoResolver(chain, videoConcurrency));
            List<StockSource> sources = StockSources.available(requested.stock(), keys, vendors.http().withListener(retries), stock);
            // Verification and reformulation need an LLM that can see pictures; the offline writer has none, so
            // stock is used unverified (stock_unverified) and the query is never rewritten — said, not faked.
            boolean vision = llm != null && VisionCalls.supports(llm) && stockOptions.verify();
            p.stock(new AdaptiveStockResolver(sources, vision ? capped.judge(new LlmVisionJudge(llm)) : null,
                                              llm == null ? null : capped.reformer(new LlmQueryReformer(llm)),
                                              new FfmpegFrameGrabber(), stockCache,
                                              new AdaptiveStockResolver.Options(vision, stockOptions.threshold(),
                                                                                stockOptions.maxApiCalls())));
            p.imagePrompter(llm == null ? null : new ImagePrompter(llm));
            VendorSettings jobVendors = vendors.withListener(retries).withModels(jobModels);
            VoiceEngine voice = VoiceEngines.create(requested.tts() == null ? LOCAL : requested.tts(), keys, jobVendors,
                                                    new PocketsphinxAligner());
            p.voice(voice);
            String image = requested.image() == null ? LOCAL : requested.image();
            p.images(LOCAL.equals(image) ? null : ImageGenerators.create(image, keys, jobVendors));
            p.musicResolver(ctx.request().noMusic() ? null : MusicResolver.create(requested.music(), keys, jobVendors, music));
            List<String> missing = Toolchain.missingPackages();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("The media engine needs these Debian packages: "
                                                + String.join(" ", missing) + " (make run installs them)");
            }
            // The voice by what it is, not by the key that asked for it ("kokoro" is spoken by the local voice).
            resolved = new ProviderChoice(resolved.llm(), voice.provider(), image,
                                          sources.isEmpty() ? null : sources.getFirst().provider(),
                                          chain.isEmpty() ? null : chain.getFirst().provider(),
                                          chain.isEmpty() ? null : requested.videoModel(), resolved.music(),
                                          resolved.llmModel(), resolved.llmBaseUrl(), resolved.searchProvider());
        }
        p.providers(resolved);
        ctx.job().output("providers", resolved.toJson());
    }

    /**
     * The configured ids with the job's own on top: {@code llmModel} for its LLM, {@code videoModel} for its primary
     * video provider (OpenReels' fields; openai-compatible reads {@code llmModel} itself).
     */
    private Models jobModels(ProviderChoice choice, List<String> videoProviders) {
        Models m = models;
        Model llm = choice.llm() == null ? null : LlmProviders.MODELS.get(choice.llm());
        if (llm != null && choice.llmModel() != null) {
            m = m.with(llm, ModelChoice.byJob(choice.llmModel(), LlmProviders.JOB_MODEL_FIELD));
        }
        if (choice.videoModel() != null && !videoProviders.isEmpty()) {
            m = m.with(Model.of("video", videoProviders.getFirst()).getFirst(),
                       ModelChoice.byJob(choice.videoModel(), "videoModel"));
        }
        return m;
    }

    /** The model and voice settings the job's providers will use. */
    private static List<Model> modelsUsed(StageContext ctx, ProviderChoice choice, List<String> videoProviders) {
        List<Model> used = new ArrayList<>(Model.of("llm", choice.llm() == null ? OFFLINE : choice.llm()));
        if (!ctx.request().dryRun()) {
            used.addAll(Model.of("tts", choice.tts() == null ? LOCAL : choice.tts()));
            used.addAll(Model.of("image", choice.image() == null ? LOCAL : choice.image()));
            videoProviders.forEach(v -> used.addAll(Model.of("video", v)));
            if (!ctx.request().noMusic() && choice.music() != null) {
                used.addAll(Model.of("music", choice.music()));
            }
        }
        return used;
    }

    private static StageName stageUsing(Model model) {
        return switch (model.role()) {
            case "llm" -> StageName.RESEARCH;
            case "tts", "voice" -> StageName.TTS;
            default -> StageName.VISUALS;
        };
    }

    /** The job's LLM, or null for the offline writer. */
    private LlmClient llmFor(ProviderChoice choice, KeyRing keys, ProviderHttp.RetryListener retries, Models jobModels) {
        String llm = choice.llm() == null ? OFFLINE : choice.llm();
        if (OFFLINE.equals(llm)) {
            return null;
        }
        String baseUrl = choice.llmBaseUrl();
        if (baseUrl != null && keys.has(OPENAI_COMPATIBLE_KEY) && !keys.isByok(OPENAI_COMPATIBLE_KEY)) {
            // A URL from a request never receives the server's own key: anyone could point it at their server.
            throw new IllegalStateException("llmBaseUrl from a request needs your own " + OPENAI_COMPATIBLE_KEY
                                            + " in keys; the server's key is only sent to its configured URL");
        }
        // The known providers' models are in jobModels already, with the job's llmModel on top.
        String model = LlmProviders.MODELS.containsKey(llm) ? null : choice.llmModel();
        return LlmProviders.create(llm, model, baseUrl, choice.searchProvider(), keys,
                                   llmConfig.withListener(retries).withModels(jobModels));
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
