package org.reelflow.providers.stock;

import java.nio.file.Path;

/**
 * A vision model that says whether a stock picture shows what the scene asked for (OpenReels'
 * {@code stock-verifier}). Implemented by the LLM layer; {@link AdaptiveStockResolver} applies the threshold.
 */
@FunctionalInterface
public interface VisionJudge {

    /**
     * @param image           a photo, or a frame taken from a clip
     * @param requestedVisual the scene's visual prompt
     * @param narration       the scene's script line, for context
     */
    Verdict judge(Path image, String requestedVisual, String narration) throws Exception;

    /** The model's answer: {@code confidence} in 0..1. */
    record Verdict(boolean relevant, double confidence, String reason) {
    }
}
