package org.reelflow.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.helidon.config.Config;

import org.reelflow.catalog.Archetypes;
import org.reelflow.catalog.Platforms;
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
import org.reelflow.providers.tts.VoiceEngines;
import org.reelflow.providers.vendor.VendorSettings;
import org.reelflow.providers.video.VideoSettings;

/**
 * What the pipeline factory may use: the catalogues, the server's keys and environment, the music cache, the
 * provider settings (base URLs, timeouts, retries) over one shared {@link ProviderHttp}, the model and voice ids,
 * and the check of those against the vendors' lists. The API's catalogue routes show the same values.
 */
public record Services(Archetypes archetypes, Platforms platforms, ApiKeys keys, Function<String, String> env,
                       Path musicCache, LlmConfig llm, VendorSettings vendors,
                       VideoSettings video, int videoConcurrency, StockSettings stock,
                       AdaptiveStockResolver.Options stockOptions, Path stockCache, Models models,
                       ModelCheck modelCheck) {

    /** Builds them from the configuration's provider sections; {@code env} is where API keys come from. */
    static Services create(ReelflowConfig config, Function<String, String> env) {
        Config root = config.sections();
        Settings settings = config.settings();
        Map<String, Integer> inFlight = new HashMap<>();
        root.get("providers.max-in-flight").asMap()
            .ifPresent(m -> m.forEach((k, v) -> inFlight.put(k, Integer.parseInt(v))));
        ProviderHttp http = ProviderHttp.create(inFlight, root.get("providers.max-in-flight-default").asInt().orElse(4));
        Models models = Models.from(key -> root.get(key).asString().asOptional());
        LlmConfig llm = LlmConfig.from(root.get("llm"), http).withModels(models);
        VendorSettings vendors = VendorSettings.fromConfig(http, key -> root.get(key).asString().asOptional(),
                                                           Services::defaultPolicy).withModels(models);
        VideoSettings video = videoSettings(root.get("providers.video")).withModels(models);
        Config stock = root.get("providers.stock");
        return new Services(Archetypes.load(), Platforms.load(), new ApiKeys(env), env, settings.musicCache(), llm,
                            vendors, video, root.get("providers.video.max-concurrent").asInt().orElse(3),
                            stockSettings(stock), stockOptions(stock),
                            stock.get("cache-dir").asString().asOptional().filter(s -> !s.isBlank()).map(Path::of)
                                 .orElse(settings.jobsDir().resolve(".cache").resolve("stock")),
                            models, modelCheck(root.get("providers.models.check"), http, llm, vendors, video));
    }

    /**
     * {@code providers.models.check.*}: whether to ask the vendors ({@code enabled}), how long an answer is kept
     * ({@code ttl}), how long one list request may take ({@code timeout}), and whether an unlisted id falls back to
     * the vendor's current one instead of failing the job ({@code fallback}).
     */
    private static ModelCheck modelCheck(Config c, ProviderHttp http, LlmConfig llm, VendorSettings vendors,
                                         VideoSettings video) {
        VendorModels lists = new VendorModels(http, ModelCheck.policy(duration(c, "timeout", ModelCheck.DEFAULT_TIMEOUT)),
                                              duration(c, "ttl", ModelCheck.DEFAULT_TTL), Clock.systemUTC());
        return new ModelCheck(lists, c.get("enabled").asBoolean().orElse(true), c.get("fallback").asBoolean().orElse(false),
                              llm, vendors, video);
    }

    /** {@code providers.video.*}: vendor URLs (tests use doubles), polling, request bounds; absent keys keep the defaults. */
    private static VideoSettings videoSettings(Config c) {
        VideoSettings d = VideoSettings.defaults();
        RetryPolicy req = policy(c, "timeout", d.requests());
        RetryPolicy dl = policy(c, "download-timeout", d.downloads());
        return d.withGoogleBaseUrl(uri(c, "google-base-url", d.googleBaseUrl()))
                .withFalUrls(uri(c, "fal-queue-url", d.falQueueUrl()), uri(c, "fal-rest-url", d.falRestUrl()))
                .withPolling(duration(c, "poll-interval", d.pollInterval()), duration(c, "poll-timeout", d.pollTimeout()))
                .withPolicies(req, dl);
    }

    /** {@code providers.stock.*}: Pexels/Pixabay URLs and request bounds. */
    private static StockSettings stockSettings(Config c) {
        StockSettings d = StockSettings.defaults();
        return d.withBaseUrls(uri(c, "pexels-base-url", d.pexelsBaseUrl()), uri(c, "pixabay-base-url", d.pixabayBaseUrl()))
                .withPolicies(policy(c, "timeout", d.searches()), policy(c, "download-timeout", d.downloads()));
    }

    /** {@code providers.stock.verify|confidence|max-searches}: OpenReels' adaptive-resolver options. */
    private static AdaptiveStockResolver.Options stockOptions(Config c) {
        AdaptiveStockResolver.Options d = AdaptiveStockResolver.Options.DEFAULTS;
        return new AdaptiveStockResolver.Options(c.get("verify").asBoolean().orElse(d.verify()),
                                                 c.get("confidence").asDouble().orElse(d.threshold()),
                                                 c.get("max-searches").asInt().orElse(d.maxApiCalls()));
    }

    private static URI uri(Config c, String key, URI fallback) {
        return c.get(key).asString().asOptional().filter(s -> !s.isBlank()).map(s -> URI.create(s.trim()))
                .orElse(fallback);
    }

    private static Duration duration(Config c, String key, Duration fallback) {
        return Settings.duration(c.get(key), fallback);
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
}
