package org.reelflow.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;

import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;

import org.reelflow.api.AccessControl;
import org.reelflow.api.ApiException;
import org.reelflow.api.ArtifactsApi;
import org.reelflow.api.BaseUrlPolicy;
import org.reelflow.api.CatalogApi;
import org.reelflow.api.ConnectionGuard;
import org.reelflow.api.ErrorHandlers;
import org.reelflow.api.EventsApi;
import org.reelflow.api.HealthApi;
import org.reelflow.api.JobRequestParser;
import org.reelflow.api.JobsApi;
import org.reelflow.api.ProtocolErrors;
import org.reelflow.api.WebUi;
import org.reelflow.catalog.Archetypes;
import org.reelflow.catalog.Platforms;
import org.reelflow.events.FileEventLog;
import org.reelflow.events.ListenerRegistry;
import org.reelflow.jobs.FifoJobQueue;
import org.reelflow.jobs.FileJobStore;
import org.reelflow.jobs.JobService;
import org.reelflow.jobs.JobWorkers;
import org.reelflow.pipeline.JobRunner;
import org.reelflow.pipeline.Pipeline;
import org.reelflow.providers.ApiKeys;
import org.reelflow.providers.ModelCheck;
import org.reelflow.providers.Models;
import org.reelflow.providers.VendorModels;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.http.RetryPolicy;
import org.reelflow.providers.image.ImageGenerators;
import org.reelflow.providers.llm.LlmConfig;
import org.reelflow.providers.music.LyriaMusic;
import org.reelflow.providers.stock.AdaptiveStockResolver;
import org.reelflow.providers.stock.StockSettings;
import org.reelflow.providers.video.VideoSettings;
import org.reelflow.providers.tts.VoiceEngines;
import org.reelflow.providers.vendor.VendorSettings;
import org.reelflow.providers.ProviderCatalog;


/**
 * The composition root: configuration in, a running server out. {@code Main} uses it, tests use it with their
 * own stages, and a JDK 21 application can embed it the same way.
 */
public final class Reelflow {

    private static final Logger LOG = Logger.getLogger(Reelflow.class.getName());

    private final Config config;
    private final Settings settings;
    private final ListenerRegistry registry;
    private final JobService jobs;
    private final JobRunner runner;
    private final HttpRouting.Builder routing;
    private final HealthApi health;
    private JobWorkers workers;
    private WebServer server;

    private Reelflow(Config config, Function<Services, Pipeline> pipeline, Function<String, String> env) {
        this.config = config;
        this.settings = Settings.from(config);
        Archetypes archetypes = Archetypes.load();
        Platforms platforms = Platforms.load();
        ApiKeys keys = new ApiKeys(env);
        Map<String, Integer> inFlight = new HashMap<>();
        config.get("providers.max-in-flight").asMap().ifPresent(m -> m.forEach((k, v) -> inFlight.put(k, Integer.parseInt(v))));
        ProviderHttp http = ProviderHttp.create(inFlight, config.get("providers.max-in-flight-default").asInt().orElse(4));
        Models models = Models.from(key -> config.get(key).asString().asOptional());
        LlmConfig llm = LlmConfig.from(config.get("llm"), http).withModels(models);
        VendorSettings vendors = VendorSettings.fromConfig(http, key -> config.get(key).asString().asOptional(),
                                                           Reelflow::defaultPolicy).withModels(models);
        VideoSettings video = videoSettings(config.get("providers.video")).withModels(models);
        ModelCheck modelCheck = modelCheck(config.get("providers.models.check"), http, llm, vendors, video);
        Services services = new Services(archetypes, platforms, keys, env, settings.musicCache(), llm, vendors, video,
                                         config.get("providers.video.max-concurrent").asInt().orElse(3),
                                         stockSettings(config.get("providers.stock")),
                                         stockOptions(config.get("providers.stock")),
                                         config.get("providers.stock.cache-dir").asString().asOptional()
                                                 .filter(s -> !s.isBlank()).map(java.nio.file.Path::of)
                                                 .orElse(settings.jobsDir().resolve(".cache").resolve("stock")),
                                         models, modelCheck);
        try {
            FileJobStore store = new FileJobStore(settings.jobsDir());
            FileEventLog log = new FileEventLog(store::jobDir);
            this.registry = new ListenerRegistry(settings.queueCapacity());
            this.jobs = new JobService(store, log, registry, new FifoJobQueue(), Clock.systemUTC(),
                                       settings.maxJobs(), settings.cancelWait());
            this.runner = new JobRunner(pipeline.apply(services), store::jobDir, Clock.systemUTC());
            this.health = new HealthApi(jobs, store.root(), keys);
            this.routing = HttpRouting.builder();
            ErrorHandlers.register(routing);
            routing.addFeature(new ConnectionGuard());
            routing.register("/api/v1",
                             new JobsApi(jobs, new JobRequestParser(archetypes, platforms, settings.defaultMaxCostUsd()), settings.maxBodyBytes(),
                                         BaseUrlPolicy.from(config)),
                             new EventsApi(jobs, registry, settings.heartbeat(), settings.retry(), settings.writeTimeout()),
                             new ArtifactsApi(jobs, store::jobDir),
                             new CatalogApi(archetypes, platforms, ProviderCatalog.forServer(keys), models, modelCheck,
                                            env),
                             health);
            routing.any("/api/*", (req, res) -> {
                throw ApiException.notFound("Not found");
            });
            routing.register("/", new WebUi());   // after /api/*: the UI never shadows the API
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the jobs folder " + settings.jobsDir() + ": " + e.getMessage(), e);
        }
    }

    /**
     * What the pipeline factory may use: the catalogues, the server's keys and environment, the music cache, the
     * provider settings (base URLs, timeouts, retries) over one shared {@link ProviderHttp}, the model and voice ids,
     * and the check of those against the vendors' lists.
     */
    public record Services(Archetypes archetypes, Platforms platforms, ApiKeys keys, Function<String, String> env,
                           java.nio.file.Path musicCache, LlmConfig llm, VendorSettings vendors,
                           VideoSettings video, int videoConcurrency, StockSettings stock,
                           AdaptiveStockResolver.Options stockOptions, java.nio.file.Path stockCache, Models models,
                           ModelCheck modelCheck) {
    }

    /**
     * {@code providers.models.check.*}: whether to ask the vendors ({@code enabled}), how long an answer is kept
     * ({@code ttl}), how long one list request may take ({@code timeout}), and whether an unlisted id falls back to
     * the vendor's current one instead of failing the job ({@code fallback}).
     */
    static ModelCheck modelCheck(Config c, ProviderHttp http, LlmConfig llm, VendorSettings vendors, VideoSettings video) {
        VendorModels lists = new VendorModels(http, ModelCheck.policy(duration(c, "timeout", ModelCheck.DEFAULT_TIMEOUT)),
                                              duration(c, "ttl", ModelCheck.DEFAULT_TTL), Clock.systemUTC());
        return new ModelCheck(lists, c.get("enabled").asBoolean().orElse(true), c.get("fallback").asBoolean().orElse(false),
                              llm, vendors, video);
    }

    /** {@code providers.video.*}: vendor URLs (tests use doubles), polling, request bounds; absent keys keep the defaults. */
    static VideoSettings videoSettings(Config c) {
        VideoSettings d = VideoSettings.defaults();
        RetryPolicy req = policy(c, "timeout", d.requests());
        RetryPolicy dl = policy(c, "download-timeout", d.downloads());
        return d.withGoogleBaseUrl(uri(c, "google-base-url", d.googleBaseUrl()))
                .withFalUrls(uri(c, "fal-queue-url", d.falQueueUrl()), uri(c, "fal-rest-url", d.falRestUrl()))
                .withPolling(duration(c, "poll-interval", d.pollInterval()), duration(c, "poll-timeout", d.pollTimeout()))
                .withPolicies(req, dl);
    }

    /** {@code providers.stock.*}: Pexels/Pixabay URLs and request bounds. */
    static StockSettings stockSettings(Config c) {
        StockSettings d = StockSettings.defaults();
        return d.withBaseUrls(uri(c, "pexels-base-url", d.pexelsBaseUrl()), uri(c, "pixabay-base-url", d.pixabayBaseUrl()))
                .withPolicies(policy(c, "timeout", d.searches()), policy(c, "download-timeout", d.downloads()));
    }

    /** {@code providers.stock.verify|confidence|max-searches}: OpenReels' adaptive-resolver options. */
    static AdaptiveStockResolver.Options stockOptions(Config c) {
        AdaptiveStockResolver.Options d = AdaptiveStockResolver.Options.DEFAULTS;
        return new AdaptiveStockResolver.Options(c.get("verify").asBoolean().orElse(d.verify()),
                                                 c.get("confidence").asDouble().orElse(d.threshold()),
                                                 c.get("max-searches").asInt().orElse(d.maxApiCalls()));
    }

    private static java.net.URI uri(Config c, String key, java.net.URI fallback) {
        return c.get(key).asString().asOptional().filter(s -> !s.isBlank()).map(s -> java.net.URI.create(s.trim()))
                .orElse(fallback);
    }

    private static Duration duration(Config c, String key, Duration fallback) {
        return c.get(key).asString().asOptional().filter(s -> !s.isBlank()).map(s -> {
            String t = s.trim();
            return t.matches("\\d+(\\.\\d+)?") ? Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000)) : Duration.parse(t);
        }).orElse(fallback);
    }

    /** A policy whose timeout is {@code <key>} and whose attempts are {@code max-attempts}, when set. */
    private static RetryPolicy policy(Config c, String timeoutKey, RetryPolicy base) {
        return new RetryPolicy(duration(c, timeoutKey, base.timeout()), c.get("max-attempts").asInt().orElse(base.maxAttempts()),
                               base.baseBackoff(), base.maxBackoff(), base.maxRetryAfter());
    }

    private static RetryPolicy defaultPolicy(String vendor) {
        return switch (vendor) {
            case "gemini-image", "openai-image" -> ImageGenerators.DEFAULT_POLICY;
            case "lyria" -> LyriaMusic.DEFAULT_POLICY;
            default -> VoiceEngines.DEFAULT_POLICY;
        };
    }

    /**
     * @param config the root configuration ({@code server}, {@code jobs}, {@code sse}, {@code api} nodes)
     * @param pipeline builds the pipeline; {@link StandardStages#create} in production
     * @param env    environment lookup for API keys
     */
    public static Reelflow create(Config config, Function<Services, Pipeline> pipeline, Function<String, String> env) {
        return new Reelflow(config, pipeline, env);
    }

    /** Recovers stored jobs, starts the workers and the web server. */
    public Reelflow start() throws IOException {
        jobs.recover();
        workers = new JobWorkers(jobs, runner, settings.concurrency());
        server = WebServer.builder()
                .config(config.get("server"))
                .shutdownHook(false)          // stop() ends SSE streams cleanly first
                .directHandlers(ProtocolErrors.handlers())
                .addFeature(AccessControl.from(config))
                .addFeature(ObserveFeature.builder()
                                    .addObserver(HealthObserver.builder().details(true).addChecks(health.checks()
                                            .toArray(io.helidon.health.HealthCheck[]::new)).build())
                                    .build())
                .routing(routing)
                .build()
                .start();
        LOG.info("Reelflow listening on http://localhost:" + server.port() + " (jobs in " + settings.jobsDir().toAbsolutePath() + ")");
        return this;
    }

    public int port() {
        return server.port();
    }

    public JobService jobs() {
        return jobs;
    }

    public ListenerRegistry registry() {
        return registry;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Stops cleanly: every open stream is ended with its last chunk (clients see a normal end, not a cut), then
     * the server and the workers stop. Running jobs stay "running" on disk and are marked interrupted at start-up.
     */
    public void stop() {
        registry.closeAll();
        try {
            if (!registry.awaitEmpty(Duration.ofSeconds(2))) {
                LOG.warning(registry.size() + " event streams were still open at shutdown");
            }
            if (server != null) {
                server.stop();
            }
            if (workers != null) {
                workers.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
