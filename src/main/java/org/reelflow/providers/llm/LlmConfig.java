package org.reelflow.providers.llm;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.helidon.config.Config;

import org.reelflow.providers.Models;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.http.RetryPolicy;

/**
 * How LLM and search calls are bounded and where they go. Timeouts are per kind of call: a structured call
 * ({@code llm}), and a web-search pass or a Tavily query ({@code search}, slower: the vendor browses first).
 *
 * @param http            the shared HTTP engine (in-flight limits, cancellation)
 * @param llm             timeout and retries of structured calls
 * @param search          timeout and retries of native web-search passes and Tavily queries
 * @param maxOutputTokens the answer budget where a vendor requires one (Anthropic); a director score needs ~2-4k
 * @param baseUrls        vendor endpoints by provider key ({@code anthropic}, {@code openai}, {@code gemini},
 *                        {@code openrouter}, {@code tavily}); missing ones use the vendor's public URL
 * @param listener        told about each retried attempt, or null
 * @param models          the model ids each provider uses when the job names none
 */
public record LlmConfig(ProviderHttp http,
                        RetryPolicy llm,
                        RetryPolicy search,
                        int maxOutputTokens,
                        Map<String, String> baseUrls,
                        ProviderHttp.RetryListener listener,
                        Models models) {

    public static final RetryPolicy DEFAULT_LLM = RetryPolicy.DEFAULT.withTimeout(Duration.ofSeconds(120));
    public static final RetryPolicy DEFAULT_SEARCH = RetryPolicy.DEFAULT.withTimeout(Duration.ofSeconds(180));
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 8192;

    public LlmConfig {
        baseUrls = Map.copyOf(baseUrls);
    }

    public static LlmConfig defaults(ProviderHttp http) {
        return new LlmConfig(http, DEFAULT_LLM, DEFAULT_SEARCH, DEFAULT_MAX_OUTPUT_TOKENS, Map.of(), null, Models.DEFAULTS);
    }

    /**
     * Reads the {@code llm} node: {@code timeout}, {@code search-timeout} (ISO-8601 or seconds),
     * {@code max-attempts}, {@code max-output-tokens} and {@code base-urls.<provider>}.
     */
    public static LlmConfig from(Config llm, ProviderHttp http) {
        int attempts = llm.get("max-attempts").asInt().orElse(RetryPolicy.DEFAULT.maxAttempts());
        RetryPolicy base = new RetryPolicy(RetryPolicy.DEFAULT.timeout(), attempts, RetryPolicy.DEFAULT.baseBackoff(),
                                           RetryPolicy.DEFAULT.maxBackoff(), RetryPolicy.DEFAULT.maxRetryAfter());
        Map<String, String> urls = new HashMap<>();
        llm.get("base-urls").asMap().ifPresent(urls::putAll);
        Map<String, String> byProvider = new HashMap<>();
        // asMap flattens to "base-urls.anthropic" style keys; keep the last segment.
        urls.forEach((k, v) -> byProvider.put(k.substring(k.lastIndexOf('.') + 1), v));
        return new LlmConfig(http,
                             base.withTimeout(duration(llm.get("timeout"), DEFAULT_LLM.timeout())),
                             base.withTimeout(duration(llm.get("search-timeout"), DEFAULT_SEARCH.timeout())),
                             llm.get("max-output-tokens").asInt().orElse(DEFAULT_MAX_OUTPUT_TOKENS),
                             byProvider, null, Models.DEFAULTS);
    }

    public LlmConfig withBaseUrl(String provider, String url) {
        Map<String, String> urls = new HashMap<>(baseUrls);
        urls.put(provider, url);
        return new LlmConfig(http, llm, search, maxOutputTokens, urls, listener, models);
    }

    public LlmConfig withListener(ProviderHttp.RetryListener l) {
        return new LlmConfig(http, llm, search, maxOutputTokens, baseUrls, l, models);
    }

    public LlmConfig withModels(Models m) {
        return new LlmConfig(http, llm, search, maxOutputTokens, baseUrls, listener, m);
    }

    /** The configured endpoint of {@code provider}, else {@code fallback} (its vendor's). */
    public String baseUrl(String provider, String fallback) {
        String url = baseUrls.get(provider);
        return url == null || url.isBlank() ? fallback : url;
    }

    private static Duration duration(Config node, Duration fallback) {
        return node.asString().map(String::trim).map(s -> s.matches("\\d+(\\.\\d+)?")
                ? Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000)) : Duration.parse(s)).orElse(fallback);
    }
}
