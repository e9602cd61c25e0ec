package org.reelflow.providers.search;

/** Where a research call's facts come from (OpenReels' {@code searchProvider}). */
public enum SearchMode {
    /** The LLM vendor's own server-side web search tool (Anthropic, OpenAI, Gemini). */
    NATIVE,
    /** Tavily, offered to the model as a {@code web_search} function it may call up to five times. */
    TAVILY,
    /** No search: the model answers from its training knowledge and is told so. */
    NONE;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
