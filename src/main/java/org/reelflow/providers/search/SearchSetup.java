package org.reelflow.providers.search;

/**
 * The search a job's LLM client uses, resolved once before any call.
 *
 * @param mode    native, tavily or none
 * @param tool    the Tavily client when {@code mode} is TAVILY, else null
 * @param warning why research has no web search although none was asked for (shown to the producer), or null
 */
public record SearchSetup(SearchMode mode, WebSearch tool, String warning) {

    public SearchSetup {
        if ((mode == SearchMode.TAVILY) != (tool != null)) {
            throw new IllegalArgumentException("a Tavily search needs its client, and only it");
        }
    }

    public static SearchSetup none() {
        return new SearchSetup(SearchMode.NONE, null, null);
    }
}
