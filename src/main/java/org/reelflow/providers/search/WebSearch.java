package org.reelflow.providers.search;

import java.util.List;

import org.reelflow.providers.ProviderException;

/** A web search the LLM can call as a tool (Tavily). */
public interface WebSearch {

    String provider();

    List<SearchHit> search(String query) throws ProviderException, InterruptedException;
}
