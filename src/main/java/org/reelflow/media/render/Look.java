package org.reelflow.media.render;

import org.reelflow.media.visuals.CardLook;

/**
 * The archetype's render settings, already resolved by the stage: caption style and chunking, palette (hex), text-card
 * font, motion intensity I and the transition length in frames.
 */
public record Look(String captionStyle, int captionChunkSize, double captionLingerS, String background, String accent,
                   String text, String textCardFont, double motionIntensity, int transitionDurationFrames) {

    public Look {
        if (captionChunkSize < 1) {
            throw new IllegalArgumentException("captionChunkSize must be at least 1: " + captionChunkSize);
        }
        if (captionLingerS < 0 || transitionDurationFrames < 0) {
            throw new IllegalArgumentException("linger and transition length cannot be negative");
        }
    }

    CardLook cardLook() {
        return new CardLook(background, accent, text, textCardFont, null);
    }
}
