package org.reelflow.media.visuals;

import java.awt.Color;
import java.util.Random;

/** The shades an illustration is drawn in, derived from the archetype's three colours with a per-scene hue drift. */
record Palette(Color background, Color deep, Color mid, Color accent, Color accent2, Color light, Color text) {

    static Palette from(CardLook look, Random random) {
        Color bg = look.backgroundColor();
        Color accent = look.accentColor();
        double drift = (random.nextDouble() - 0.5) * 40;   // ±20° keeps scenes related but not identical
        Color a1 = Colors.shiftHue(accent, drift);
        Color a2 = Colors.shiftHue(accent, drift + (random.nextBoolean() ? 35 : -35));
        return new Palette(bg, Colors.mix(bg, Color.BLACK, 0.45), Colors.mix(bg, a1, 0.35), a1, a2,
                           Colors.mix(a1, Color.WHITE, 0.45), look.textColor());
    }

    /** One of the palette's colours, picked at random, for shapes that should vary. */
    Color any(Random random) {
        Color[] all = {mid, accent, accent2, light, deep};
        return all[random.nextInt(all.length)];
    }
}
