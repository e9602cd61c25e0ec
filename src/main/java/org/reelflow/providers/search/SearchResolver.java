package org.reelflow.providers.search;

import java.util.List;
import java.util.Set;

import org.reelflow.providers.KeyRing;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.http.RetryPolicy;

/**
 * OpenReels' search resolution ({@code factory.ts}): {@code tavily} needs {@code TAVILY_API_KEY}; {@code none}
 * means no tools; {@code native} only for vendors with a built-in search tool; unset means native where there is
 * one, else Tavily when its key is configured, else none with a warning.
 */
public final class SearchResolver {

    /** The LLM providers with a server-side web search tool. */
    public static final Set<String> NATIVE_PROVIDERS = Set.of("anthropic", "openai", "gemini");
    public static final List<String> CHOICES = List.of("native", "tavily", "none");

    private SearchResolver() {
    }

    /**
     * @param searchProvider the job's choice ({@code native}, {@code tavily}, {@code none}) or null for automatic
     * @throws IllegalArgumentException for an unknown choice or {@code native} on a vendor without a search tool
     * @throws IllegalStateException    "TAVILY_API_KEY is required" when Tavily is chosen without its key
     */
    public static SearchSetup resolve(String searchProvider, String llmProvider, KeyRing keys, ProviderHttp http,
                                      RetryPolicy policy, ProviderHttp.RetryListener listener, String tavilyBaseUrl) {
        boolean hasNative = NATIVE_PROVIDERS.contains(llmProvider);
        if (searchProvider == null || searchProvider.isBlank()) {
            if (hasNative) {
                return new SearchSetup(SearchMode.NATIVE, null, null);
            }
            if (keys.has(TavilySearch.KEY)) {
                return tavily(keys, http, policy, listener, tavilyBaseUrl);
            }
            return new SearchSetup(SearchMode.NONE, null, "No web search for " + llmProvider
                    + ": it has no native search tool and TAVILY_API_KEY is not set, so research uses the model's "
                    + "training knowledge only");
        }
        return switch (searchProvider) {
            case "tavily" -> tavily(keys, http, policy, listener, tavilyBaseUrl);
            case "none" -> SearchSetup.none();
            case "native" -> {
                if (!hasNative) {
                    throw new IllegalArgumentException("Native web search is not available for " + llmProvider
                            + "; use searchProvider \"tavily\" or \"none\"");
                }
                yield new SearchSetup(SearchMode.NATIVE, null, null);
            }
            default -> throw new IllegalArgumentException("Unknown search provider: " + searchProvider
                                                          + ". Available: " + String.join(", ", CHOICES));
        };
    }

    private static SearchSetup tavily(KeyRing keys, ProviderHttp http, RetryPolicy policy,
                                      ProviderHttp.RetryListener listener, String baseUrl) {
        String key = keys.require(TavilySearch.KEY);
        return new SearchSetup(SearchMode.TAVILY, new TavilySearch(http, policy, listener, key, baseUrl), null);
    }
}
