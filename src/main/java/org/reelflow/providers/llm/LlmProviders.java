package org.reelflow.providers.llm;

import java.util.List;
import java.util.Map;

import org.reelflow.providers.KeyRing;
import org.reelflow.providers.Model;
import org.reelflow.providers.ModelChoice;
import org.reelflow.providers.search.SearchResolver;
import org.reelflow.providers.search.SearchSetup;
import org.reelflow.providers.search.TavilySearch;

/**
 * Builds a job's LLM client, checking everything it needs before any request: the vendor's key ("<KEY> is
 * required"), the OpenAI-compatible endpoint and model, and the search choice (Tavily's key, native availability).
 */
public final class LlmProviders {

    public static final List<String> PROVIDERS = List.of(AnthropicLlm.PROVIDER, OpenAiLlm.PROVIDER, GeminiLlm.PROVIDER,
                                                         OpenRouterLlm.PROVIDER, OpenAiCompatibleLlm.PROVIDER);

    /** The key each provider reads (openai-compatible's is optional). */
    public static final Map<String, String> KEYS = Map.of(
            AnthropicLlm.PROVIDER, AnthropicLlm.KEY, OpenAiLlm.PROVIDER, OpenAiLlm.KEY, GeminiLlm.PROVIDER, GeminiLlm.KEY,
            OpenRouterLlm.PROVIDER, OpenRouterLlm.KEY, OpenAiCompatibleLlm.PROVIDER, OpenAiCompatibleLlm.KEY);

    /** The setting of each provider's model, used when the job names none ({@link LlmConfig#models()}). */
    public static final Map<String, Model> MODELS = Map.of(
            AnthropicLlm.PROVIDER, Model.LLM_ANTHROPIC, OpenAiLlm.PROVIDER, Model.LLM_OPENAI,
            GeminiLlm.PROVIDER, Model.LLM_GEMINI, OpenRouterLlm.PROVIDER, Model.LLM_OPENROUTER);

    /** The request field that names a job's own model (OpenReels' name). */
    public static final String JOB_MODEL_FIELD = "llmModel";

    private LlmProviders() {
    }

    /** {@link #create(String, String, String, String, KeyRing, LlmConfig)} with automatic search. */
    public static LlmClient create(String provider, String model, String baseUrl, KeyRing keys, LlmConfig config) {
        return create(provider, model, baseUrl, null, keys, config);
    }

    /**
     * @param provider       {@code anthropic}, {@code openai}, {@code gemini}, {@code openrouter}, {@code openai-compatible}
     * @param model          the job's {@code llmModel}, overriding {@link LlmConfig#models()}; for openai-compatible
     *                       required here or in {@code OPENREELS_LLM_MODEL}
     * @param baseUrl        the openai-compatible endpoint (else {@code OPENREELS_LLM_BASE_URL}); ignored by the other
     *                       providers, whose endpoints come from {@link LlmConfig#baseUrls()} (trusted configuration)
     * @param searchProvider {@code native}, {@code tavily}, {@code none} or null for automatic
     * @throws IllegalArgumentException an unknown provider or search choice, or openai-compatible without endpoint/model
     * @throws IllegalStateException    "<KEY> is required" when a needed key is missing
     */
    public static LlmClient create(String provider, String model, String baseUrl, String searchProvider, KeyRing keys,
                                   LlmConfig config) {
        if (provider == null || !PROVIDERS.contains(provider)) {
            throw new IllegalArgumentException("Unknown LLM provider: " + provider + ". Available: "
                                               + String.join(", ", PROVIDERS));
        }
        String m = model == null || model.isBlank() ? null : model.trim();
        if (OpenAiCompatibleLlm.PROVIDER.equals(provider)) {
            String url = baseUrl == null || baseUrl.isBlank() ? keys.find(OpenAiCompatibleLlm.BASE_URL_VAR).orElse(null)
                    : baseUrl.trim();
            ModelChoice chosen = m != null ? ModelChoice.byJob(m, JOB_MODEL_FIELD)
                    : keys.find(OpenAiCompatibleLlm.MODEL_VAR)
                          .map(id -> new ModelChoice(id, "model", OpenAiCompatibleLlm.MODEL_VAR)).orElse(null);
            if (url == null || chosen == null) {
                throw new IllegalArgumentException("The openai-compatible provider needs llmBaseUrl and llmModel "
                        + "(or " + OpenAiCompatibleLlm.BASE_URL_VAR + " and " + OpenAiCompatibleLlm.MODEL_VAR + ")");
            }
            SearchSetup search = search(searchProvider, provider, keys, config);
            return new OpenAiCompatibleLlm(chosen, url, keys.find(OpenAiCompatibleLlm.KEY).orElse(null), search, config);
        }
        String key = keys.require(KEYS.get(provider));
        SearchSetup search = search(searchProvider, provider, keys, config);
        ModelChoice chosen = m != null ? ModelChoice.byJob(m, JOB_MODEL_FIELD) : config.models().choice(MODELS.get(provider));
        return switch (provider) {
            case AnthropicLlm.PROVIDER -> new AnthropicLlm(chosen, key, search, config);
            case OpenAiLlm.PROVIDER -> new OpenAiLlm(chosen, key, search, config);
            case GeminiLlm.PROVIDER -> new GeminiLlm(chosen, key, search, config);
            default -> new OpenRouterLlm(chosen, key, search, config);
        };
    }

    private static SearchSetup search(String searchProvider, String provider, KeyRing keys, LlmConfig config) {
        SearchSetup setup = SearchResolver.resolve(searchProvider, provider, keys, config.http(), config.search(),
                                                   config.listener(), config.baseUrl(TavilySearch.PROVIDER, null));
        if (setup.warning() != null) {
            System.getLogger(LlmProviders.class.getName()).log(System.Logger.Level.WARNING, setup.warning());
        }
        return setup;
    }
}
