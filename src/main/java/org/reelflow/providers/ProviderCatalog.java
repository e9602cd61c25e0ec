package org.reelflow.providers;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.reelflow.providers.image.ImageGenerators;
import org.reelflow.providers.llm.LlmProviders;
import org.reelflow.providers.stock.StockSources;
import org.reelflow.providers.tts.VoiceEngines;
import org.reelflow.providers.video.VideoGenerators;

/**
 * The provider choices a client can offer ({@code GET /api/v1/providers}): OpenReels' keys and labels, plus this
 * server's own zero-key providers. Each entry says whether this server can run it right now, and which model and
 * voice ids it would use with whether the vendor lists them.
 */
public final class ProviderCatalog {

    /** One selectable provider. */
    public record Entry(String key, String label) {
    }

    private static final Map<String, List<Entry>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("llm", List.of(new Entry("offline", "Offline writer (demo, no key)"),
                                 new Entry("anthropic", "Anthropic (Claude)"), new Entry("openai", "OpenAI (GPT)"),
                                 new Entry("gemini", "Google Gemini"), new Entry("openrouter", "OpenRouter"),
                                 new Entry("openai-compatible", "Custom (OpenAI-compatible)")));
        KINDS.put("search", List.of(new Entry("native", "Native (provider built-in)"), new Entry("tavily", "Tavily"),
                                    new Entry("none", "None (parametric knowledge)")));
        KINDS.put("tts", List.of(new Entry("local", "Local voice (Festival, offline)"),
                                 new Entry("elevenlabs", "ElevenLabs"), new Entry("inworld", "Inworld"),
                                 new Entry(VoiceEngines.KOKORO, "Kokoro (Local): served by the Festival voice, offline"),
                                 new Entry("gemini-tts", "Gemini TTS"), new Entry("openai-tts", "OpenAI TTS")));
        KINDS.put("image", List.of(new Entry("local", "Procedural cards (offline)"), new Entry("gemini", "Google Gemini"),
                                   new Entry("openai", "OpenAI (GPT Image)")));
        KINDS.put("stock", List.of(new Entry("pexels", "Pexels"), new Entry("pixabay", "Pixabay")));
        KINDS.put("video", List.of(new Entry("gemini", "Google Veo"), new Entry("fal", "fal.ai (Kling, Wan, etc.)")));
        KINDS.put("music", List.of(new Entry("bundled", "Bundled library"), new Entry("lyria", "Google Lyria")));
    }

    /** What this server runs with no keys at all. */
    public static final Set<String> OFFLINE = Set.of("llm:offline", "search:none", "tts:local",
                                                     "tts:" + VoiceEngines.KOKORO, "image:local", "music:bundled");

    private final Set<String> available;

    /** @param available "kind:key" of every provider this server can run now, e.g. {@code llm:offline} */
    public ProviderCatalog(Set<String> available) {
        this.available = Set.copyOf(available);
    }

    /**
     * The offline providers plus every cloud provider the pipeline can run whose key this server has (a job's own
     * BYOK key makes the others usable for that job).
     */
    public static ProviderCatalog forServer(ApiKeys keys) {
        Set<String> on = new HashSet<>(OFFLINE);
        LlmProviders.KEYS.forEach((provider, key) -> {
            if (key == null || keys.configured(key)) {
                on.add("llm:" + provider);
            }
        });
        if (Stream.of("anthropic", "openai", "gemini").anyMatch(p -> on.contains("llm:" + p))) {
            on.add("search:native");
        }
        if (keys.configured("TAVILY_API_KEY")) {
            on.add("search:tavily");
        }
        for (String tts : List.of("elevenlabs", "inworld", "openai-tts", "gemini-tts")) {
            if (keys.configured(VoiceEngines.keyName(tts))) {
                on.add("tts:" + tts);
            }
        }
        for (String image : ImageGenerators.PROVIDERS) {
            if (keys.configured(ImageGenerators.keyName(image))) {
                on.add("image:" + image);
            }
        }
        if (keys.configured("GOOGLE_API_KEY")) {
            on.add("music:lyria");
            on.add("video:gemini");
        }
        if (keys.configured(VideoGenerators.FAL_KEY)) {
            on.add("video:fal");
        }
        if (keys.configured(StockSources.PEXELS_KEY)) {
            on.add("stock:pexels");
        }
        if (keys.configured(StockSources.PIXABAY_KEY)) {
            on.add("stock:pixabay");
        }
        return new ProviderCatalog(on);
    }

    public boolean isAvailable(String kind, String key) {
        return available.contains(kind + ":" + key);
    }

    public boolean isKnown(String kind, String key) {
        return known(kind, key);
    }

    /** Whether {@code key} names a provider of {@code kind} ("llm", "tts", "search" …) that this server has. */
    public static boolean known(String kind, String key) {
        return keys(kind).contains(key);
    }

    /** The provider keys of one kind, in the catalogue's order. */
    public static List<String> keys(String kind) {
        return KINDS.getOrDefault(kind, List.of()).stream().map(Entry::key).toList();
    }

    /** Every entry with the default model ids, none of them checked ({@code listed: null}). */
    public JsonObject toJson() {
        return toJson(Models.DEFAULTS, Map.of());
    }

    /**
     * Every entry with its {@code models: [{id, role, listed}]}: the ids {@code models} gives it, and whether the
     * vendor lists each ({@code listed} true or false; null when unknown: no key, no list to ask, no answer).
     */
    public JsonObject toJson(Models models, Map<Model, Boolean> listed) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        KINDS.forEach((kind, entries) -> {
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (Entry e : entries) {
                JsonArrayBuilder ids = Json.createArrayBuilder();
                for (Model m : Model.of(kind, e.key())) {
                    JsonObjectBuilder id = Json.createObjectBuilder().add("id", models.id(m)).add("role", m.role());
                    Boolean l = listed.get(m);
                    ids.add(l == null ? id.addNull("listed") : id.add("listed", l));
                }
                list.add(Json.createObjectBuilder().add("key", e.key()).add("label", e.label())
                                 .add("available", isAvailable(kind, e.key())).add("models", ids));
            }
            b.add(kind, list);
        });
        return b.build();
    }
}
