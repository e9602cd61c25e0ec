package org.reelflow.providers.search;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.reelflow.providers.KeyRing;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.http.RetryPolicy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** OpenReels' search resolution (factory.ts): explicit choices, and the automatic one per provider. */
class SearchResolverTest {

    static SearchSetup resolve(String choice, String llm, Map<String, String> keys) {
        return SearchResolver.resolve(choice, llm, new KeyRing(keys, n -> null), ProviderHttp.create(),
                                      RetryPolicy.DEFAULT, null, null);
    }

    @Test
    void automaticIsNativeWhereTheVendorHasSearch() {
        for (String p : new String[] {"anthropic", "openai", "gemini"}) {
            SearchSetup s = resolve(null, p, Map.of());
            assertThat(s.mode(), is(SearchMode.NATIVE));
            assertThat(s.warning(), nullValue());
        }
    }

    @Test
    void automaticIsTavilyWhenItsKeyIsThereElseNoneWithAWarning() {
        assertThat(resolve(null, "openrouter", Map.of("TAVILY_API_KEY", "tvly-x")).mode(), is(SearchMode.TAVILY));
        SearchSetup none = resolve(null, "openai-compatible", Map.of());
        assertThat(none.mode(), is(SearchMode.NONE));
        assertThat(none.warning(), containsString("No web search for openai-compatible"));
    }

    @Test
    void explicitChoices() {
        assertThat(resolve("none", "anthropic", Map.of()).mode(), is(SearchMode.NONE));
        assertThat(resolve("tavily", "anthropic", Map.of("TAVILY_API_KEY", "tvly-x")).tool().provider(), is("tavily"));
        assertThat(resolve("native", "gemini", Map.of()).mode(), is(SearchMode.NATIVE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                                                  () -> resolve("native", "openrouter", Map.of()));
        assertThat(e.getMessage(), containsString("Native web search is not available for openrouter"));
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                                                     () -> resolve("tavily", "openrouter", Map.of()));
        assertThat(missing.getMessage(), is("TAVILY_API_KEY is required"));
        assertThat("the key never shows", resolve("tavily", "openai", Map.of("TAVILY_API_KEY", "tvly-x")).tool()
                .toString().contains("tvly-x"), is(false));
    }
}
