package org.reelflow.providers.stock;

import java.nio.file.Path;

/**
 * Makes the AI picture for a stock scene whose search failed ({@code scene-<i>-ai.png}). The stage wires this to
 * its image path (prompt optimiser with {@code rejectionContext}, then the image provider).
 */
@FunctionalInterface
public interface ImageFallback {

    /**
     * @param rejectionContext what the rejected stock results showed and why, for the prompt; null when nothing
     *                         was rejected
     */
    Path generate(String visualPrompt, String narration, String rejectionContext) throws Exception;
}
