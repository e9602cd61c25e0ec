package org.reelflow.media.visuals;

import java.awt.Color;

/**
 * The parts of an archetype a card is drawn from: its palette (hex), its text-card font name and its mood words
 * (e.g. "Serene, wondrous, nostalgic").
 */
public record CardLook(String background, String accent, String text, String textCardFont, String mood) {

    public Color backgroundColor() {
        return Colors.parse(background, new Color(0x1a1a2e));
    }

    public Color accentColor() {
        return Colors.parse(accent, new Color(0xe94560));
    }

    public Color textColor() {
        return Colors.parse(text, Color.WHITE);
    }
}
