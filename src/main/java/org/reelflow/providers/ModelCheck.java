package org.reelflow.providers;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.reelflow.providers.VendorModels.Catalogue;
import org.reelflow.providers.VendorModels.Listing;
import org.reelflow.providers.http.RetryPolicy;
import org.reelflow.providers.image.GeminiImage;
import org.reelflow.providers.image.ImageGenerators;
import org.reelflow.providers.image.OpenAiImage;
import org.reelflow.providers.llm.AnthropicLlm;
import org.reelflow.providers.llm.GeminiLlm;
import org.reelflow.providers.llm.LlmConfig;
import org.reelflow.providers.llm.OpenAiLlm;
import org.reelflow.providers.llm.OpenRouterLlm;
import org.reelflow.providers.music.LyriaMusic;
import org.reelflow.providers.tts.ElevenLabsVoice;
import org.reelflow.providers.tts.GeminiVoice;
import org.reelflow.providers.tts.OpenAiVoice;
import org.reelflow.providers.tts.VoiceEngines;
import org.reelflow.providers.vendor.GeminiContent;
import org.reelflow.providers.vendor.VendorSettings;
import org.reelflow.providers.video.VideoGenerators;
import org.reelflow.providers.video.VideoSettings;

/**
 * Models checked before spending: a job's model and voice ids against the lists their vendors serve to the job's
 * keys, at the endpoints the job's calls will go to. An id the vendor does not list fails the job before any paid
 * call, naming the id and its setting — or, with {@code fallback}, is replaced by the vendor's current equivalent
 * (the {@link Model} default, when listed), which is said. An id whose list cannot be had (no key, no list for that
 * vendor, the vendor unreachable) is unknown and the job goes ahead.
 */
public final class ModelCheck {

    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    static final String GENERATE = "generateContent";
    static final String LONG_RUNNING = "predictLongRunning";

    /** Where a model is listed: the list endpoint, the key that asks, and the method a Google model must support. */
    record Source(Catalogue catalogue, String url, String keyName, String method) {
    }

    private final VendorModels lists;
    private final boolean enabled;
    private final boolean fallback;
    private final LlmConfig llm;
    private final VendorSettings vendors;
    private final VideoSettings video;

    /**
     * @param enabled  off: nothing is asked and every id is unknown
     * @param fallback an unlisted id is replaced by the vendor's current one instead of failing the job
     * @param llm      where the LLM calls go (the same base URLs the lists are asked at), likewise {@code vendors}
     *                 and {@code video}
     */
    public ModelCheck(VendorModels lists, boolean enabled, boolean fallback, LlmConfig llm, VendorSettings vendors,
                      VideoSettings video) {
        this.lists = lists;
        this.enabled = enabled;
        this.fallback = fallback;
        this.llm = llm;
        this.vendors = vendors;
        this.video = video;
    }

    /** One short attempt and one retry: a job waits for the answer, and an unknown list does not stop it. */
    public static RetryPolicy policy(Duration timeout) {
        return new RetryPolicy(timeout, 2, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    /**
     * Checks the ids of {@code used} in {@code models} and returns the models to run with.
     *
     * @param keys      the job's keys by name
     * @param fellBack  told, for each id replaced by its vendor's current one, what happened (in words)
     * @throws ProviderException {@link ProviderException.Kind#NOT_SERVED} naming the first unlisted id and its setting
     */
    public Models verify(Collection<Model> used, Models models, Function<String, Optional<String>> keys,
                         BiConsumer<Model, String> fellBack) throws ProviderException, InterruptedException {
        Models out = models;
        for (Model m : used) {
            ModelChoice chosen = models.choice(m);
            Source source = source(m);
            Optional<Listing> listing = listing(source, keys);
            if (listing.isEmpty() || listing.get().serves(chosen.id(), source.method())) {
                continue;
            }
            String why = why(source, listing.get(), chosen.id());
            boolean current = !chosen.id().equals(m.defaultId()) && listing.get().serves(m.defaultId(), source.method());
            if (fallback && current) {
                out = out.with(m, new ModelChoice(m.defaultId(), chosen.noun(), chosen.setting()));
                fellBack.accept(m, m.providerKey() + " does not serve the " + chosen.noun() + " " + chosen.id() + " ("
                                   + why + "); using its current " + chosen.noun() + " " + m.defaultId()
                                   + " instead. Change " + chosen.setting() + ".");
                continue;
            }
            throw chosen.notServed(m.providerKey(), 0, why + (current ? "; it lists the current " + m.defaultId() : ""),
                                   null);
        }
        return out;
    }

    /**
     * Whether each model's vendor lists the id {@code models} gives it: true, false, or null when unknown. Each
     * distinct list is asked once, all at the same time, so an unreachable vendor costs one timeout, not one each.
     */
    public Map<Model, Boolean> listed(Models models, Function<String, Optional<String>> keys) throws InterruptedException {
        Map<Model, Future<Optional<Listing>>> asked = new EnumMap<>(Model.class);
        Map<String, Future<Optional<Listing>>> byList = new LinkedHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Model m : Model.values()) {
                Source source = source(m);
                if (source != null) {
                    asked.put(m, byList.computeIfAbsent(source.catalogue() + " " + source.url() + " " + source.keyName(),
                                                        x -> pool.submit(() -> listing(source, keys))));
                }
            }
        }
        Map<Model, Boolean> out = new EnumMap<>(Model.class);
        for (Model m : Model.values()) {
            Future<Optional<Listing>> f = asked.get(m);
            Optional<Listing> listing;
            try {
                listing = f == null ? Optional.empty() : f.get();
            } catch (ExecutionException e) {
                listing = Optional.empty();
            }
            out.put(m, listing.map(l -> l.serves(models.id(m), source(m).method())).orElse(null));
        }
        return out;
    }

    private Optional<Listing> listing(Source source, Function<String, Optional<String>> keys) throws InterruptedException {
        if (!enabled || source == null) {
            return Optional.empty();
        }
        Optional<String> key = keys.apply(source.keyName());
        return key.isEmpty() ? Optional.empty() : lists.list(source.catalogue(), source.url(), key.get());
    }

    private static String why(Source source, Listing listing, String id) {
        return listing.lists(id) ? source.catalogue().endpoint() + " lists it, but not for " + source.method()
                : source.catalogue().endpoint() + " does not list it";
    }

    /** Where {@code m} is listed, or null when its vendor has no list to ask (Inworld, fal, the TTS voices). */
    Source source(Model m) {
        return switch (m) {
            case LLM_ANTHROPIC -> new Source(Catalogue.ANTHROPIC, join(llm.baseUrl(AnthropicLlm.PROVIDER,
                    AnthropicLlm.DEFAULT_BASE_URL), "models"), AnthropicLlm.KEY, null);
            case LLM_OPENAI -> new Source(Catalogue.OPENAI, join(llm.baseUrl(OpenAiLlm.PROVIDER,
                    OpenAiLlm.DEFAULT_BASE_URL), "models"), OpenAiLlm.KEY, null);
            case LLM_GEMINI -> new Source(Catalogue.GOOGLE, join(llm.baseUrl(GeminiLlm.PROVIDER,
                    GeminiLlm.DEFAULT_BASE_URL), "models"), GeminiLlm.KEY, GENERATE);
            case LLM_OPENROUTER -> new Source(Catalogue.OPENROUTER, join(llm.baseUrl(OpenRouterLlm.PROVIDER,
                    OpenRouterLlm.DEFAULT_BASE_URL), "models"), OpenRouterLlm.KEY, null);
            case VOICE_ELEVENLABS -> new Source(Catalogue.ELEVENLABS, vendors.baseUrl(ElevenLabsVoice.PROVIDER,
                    ElevenLabsVoice.DEFAULT_BASE_URL) + "/v1/voices", VoiceEngines.keyName(ElevenLabsVoice.PROVIDER), null);
            case TTS_OPENAI -> new Source(Catalogue.OPENAI, vendors.baseUrl(OpenAiVoice.PROVIDER,
                    OpenAiVoice.DEFAULT_BASE_URL) + "/v1/models", VoiceEngines.keyName(OpenAiVoice.PROVIDER), null);
            case TTS_GEMINI -> google(GeminiVoice.PROVIDER, VoiceEngines.keyName(GeminiVoice.PROVIDER));
            case IMAGE_GEMINI -> google(GeminiImage.HTTP_NAME, ImageGenerators.keyName(GeminiImage.PROVIDER));
            case IMAGE_OPENAI -> new Source(Catalogue.OPENAI, vendors.baseUrl(OpenAiImage.HTTP_NAME,
                    OpenAiImage.DEFAULT_BASE_URL) + "/v1/models", ImageGenerators.keyName(OpenAiImage.PROVIDER), null);
            case MUSIC_LYRIA -> google(LyriaMusic.PROVIDER, LyriaMusic.KEY);
            case VIDEO_VEO -> new Source(Catalogue.GOOGLE, join(video.googleBaseUrl().toString(), "v1beta/models"),
                                         VideoGenerators.GOOGLE_KEY, LONG_RUNNING);
            case TTS_ELEVENLABS, TTS_INWORLD, VOICE_INWORLD, VOICE_OPENAI, VOICE_GEMINI, VIDEO_FAL -> null;
        };
    }

    private Source google(String provider, String keyName) {
        return new Source(Catalogue.GOOGLE, vendors.baseUrl(provider, GeminiContent.DEFAULT_BASE_URL) + "/v1beta/models",
                          keyName, GENERATE);
    }

    private static String join(String base, String path) {
        return (base.endsWith("/") ? base : base + "/") + path;
    }
}
