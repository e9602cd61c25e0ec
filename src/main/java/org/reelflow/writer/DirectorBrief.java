package org.reelflow.writer;

import org.reelflow.catalog.Archetype;
import org.reelflow.score.PacingTier;

/**
 * Everything the creative director is told about a job.
 *
 * @param requestedArchetype null lets the writer choose
 * @param pacing             null means the archetype's own tier
 * @param direction          the producer's free-text creative direction, or null
 * @param videoEnabled       whether ai_video scenes may be planned (a video provider is configured)
 */
public record DirectorBrief(String topic,
                           Research research,
                           Archetype requestedArchetype,
                           PacingTier pacing,
                           String direction,
                           boolean videoEnabled) {
}
