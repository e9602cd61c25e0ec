package org.reelflow.providers.llm;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.reelflow.providers.KeyRing;
import org.reelflow.providers.Models;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.search.SearchMode;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The factory checks keys, endpoints and the search choice before any request. */
class LlmProvidersTest {

    static final LlmConfig CONFIG = LlmConfig.defaults(ProviderHttp.create());

    static KeyRing keys(Map<String, String> byok) {
        return new KeyRing(byok, name -> null);
    }

    @ParameterizedTest
    @EnumSource(value = Vendor.class, names = "COMPATIBLE", mode = EnumSource.Mode.EXCLUDE)
    void aMissingKeyIsNamedBeforeAnyCall(Vendor v) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LlmProviders.create(v.provider, null, null, keys(Map.of()), CONFIG));
        assertThat(e.getMessage(), is(v.keyName + " is required"));
    }

    @Test
    void eachProviderGetsItsClassAndDefaultModel() {
        KeyRing all = keys(Map.of("ANTHROPIC_API_KEY", "a", "OPENAI_API_KEY", "o", "GOOGLE_API_KEY", "g",
                                  "OPENROUTER_API_KEY", "r"));
        assertThat(LlmProviders.create("anthropic", null, null, all, CONFIG), instanceOf(AnthropicLlm.class));
        assertThat(LlmProviders.create("openai", null, null, all, CONFIG).model(), is("gpt-5.4"));
        assertThat(LlmProviders.create("gemini", null, null, all, CONFIG).model(), is("gemini-3.8-flash"));
        assertThat(LlmProviders.create("openrouter", null, null, all, CONFIG).model(), is("anthropic/claude-sonnet-5.5"));
        assertThat(LlmProviders.create("anthropic", "claude-opus-4-1", null, all, CONFIG).model(), is("claude-opus-4-1"));
    }

    @Test
    void aConfiguredModelReplacesTheDefaultAndTheJobsOwnWins() {
        KeyRing google = keys(Map.of("GOOGLE_API_KEY", "g"));
        LlmConfig configured = CONFIG.withModels(Models.from(
                k -> Optional.of("gemini-3.5-flash").filter(v -> k.equals("providers.models.llm.gemini"))));
        assertThat(LlmProviders.create("gemini", null, null, google, configured).model(), is("gemini-3.5-flash"));
        assertThat(LlmProviders.create("gemini", "gemini-3.6-flash", null, google, configured).model(),
                   is("gemini-3.6-flash"));
    }

    @Test
    void openAiCompatibleNeedsAnEndpointAndModelButNoKey() {
        LlmClient c = LlmProviders.create("openai-compatible", "llama3.1:8b", "http://127.0.0.1:11434/v1",
                                          keys(Map.of()), CONFIG);
        assertThat(c.model(), is("llama3.1:8b"));
        assertThat(c.search().mode(), is(SearchMode.NONE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LlmProviders.create("openai-compatible", null, "http://127.0.0.1:11434/v1", keys(Map.of()), CONFIG));
        assertThat(e.getMessage(), containsString("needs llmBaseUrl and llmModel"));
        LlmClient fromEnv = LlmProviders.create("openai-compatible", null, null,
                new KeyRing(Map.of(), Map.of("OPENREELS_LLM_BASE_URL", "http://127.0.0.1:11434/v1",
                                             "OPENREELS_LLM_MODEL", "qwen2.5")::get), CONFIG);
        assertThat(fromEnv.model(), is("qwen2.5"));
    }

    @Test
    void unknownProvidersAndSearchChoicesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                     () -> LlmProviders.create("claude", null, null, keys(Map.of()), CONFIG));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LlmProviders.create(
                "anthropic", null, null, "bing", keys(Map.of("ANTHROPIC_API_KEY", "a")), CONFIG));
        assertThat(e.getMessage(), is("Unknown search provider: bing. Available: native, tavily, none"));
    }

    @Test
    void tavilyWithoutItsKeyIsRefusedBeforeAnyCall() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LlmProviders.create(
                "anthropic", null, null, "tavily", keys(Map.of("ANTHROPIC_API_KEY", "a")), CONFIG));
        assertThat(e.getMessage(), is("TAVILY_API_KEY is required"));
    }

    @Test
    void configReadsTimeoutsAndEndpoints() {
        var cfg = io.helidon.config.Config.just(io.helidon.config.ConfigSources.create(Map.of(
                "llm.timeout", "45", "llm.search-timeout", "PT3M", "llm.max-attempts", "4",
                "llm.max-output-tokens", "6000", "llm.base-urls.anthropic", "http://127.0.0.1:1/v1/")));
        LlmConfig c = LlmConfig.from(cfg.get("llm"), ProviderHttp.create());
        assertThat(c.llm().timeout().toSeconds(), is(45L));
        assertThat(c.search().timeout().toMinutes(), is(3L));
        assertThat(c.llm().maxAttempts(), is(4));
        assertThat(c.maxOutputTokens(), is(6000));
        assertThat(c.baseUrls().get("anthropic"), is("http://127.0.0.1:1/v1/"));
    }
}
