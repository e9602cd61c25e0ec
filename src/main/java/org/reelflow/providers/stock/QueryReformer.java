package org.reelflow.providers.stock;

import java.util.List;

/**
 * Rewrites a visual prompt that found nothing into 2–3 short, proper-noun-free stock queries (OpenReels'
 * {@code reformulateStockQuery}). Implemented by the LLM layer.
 */
@FunctionalInterface
public interface QueryReformer {

    List<String> reformulate(String visual, String narration) throws Exception;
}
