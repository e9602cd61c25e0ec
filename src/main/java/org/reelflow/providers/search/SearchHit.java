package org.reelflow.providers.search;

/** One web search result. */
public record SearchHit(String title, String url, String content) {
}
