package org.reelflow.media.render;

import org.reelflow.media.visuals.FontLibrary.Face;

/**
 * The reference's seven caption styles: face, letter case, size at rest and when active (px on a 1080-wide frame),
 * and the spring that pops the active word. Montserrat is not installable here and maps to League Spartan (the closest
 * geometric sans), Oswald to Bebas Neue (condensed caps), Playfair Display to DejaVu Serif Bold (the only installed
 * serif); {@code clean} keeps Inter.
 */
enum CaptionStyle {
    BOLD_OUTLINE(Face.SPARTAN_BLACK, true, 48, 56, new Spring(15, 250, 0.5)),
    CLEAN(Face.INTER_BOLD, false, 44, 52, new Spring(12, 200, 0.5)),
    GRADIENT_RISE(Face.SERIF_BOLD, false, 48, 56, new Spring(8, 150, 0.5)),
    KARAOKE_SWEEP(Face.SPARTAN_BLACK, true, 56, 56, new Spring(14, 220, 0.5)),
    COLOR_HIGHLIGHT(Face.SPARTAN_BLACK, true, 52, 58, new Spring(12, 200, 0.5)),
    BLOCK_IMPACT(Face.BEBAS_BOLD, true, 48, 54, new Spring(18, 300, 0.5)),
    BOX_HIGHLIGHT(Face.SPARTAN_BOLD, false, 52, 58, new Spring(10, 180, 0.5));

    final Face face;
    final boolean uppercase;
    final float restSize;
    final float activeSize;
    final Spring pop;

    CaptionStyle(Face face, boolean uppercase, float restSize, float activeSize, Spring pop) {
        this.face = face;
        this.uppercase = uppercase;
        this.restSize = restSize;
        this.activeSize = activeSize;
        this.pop = pop;
    }

    /** Unknown names fall back to {@code clean}, as in the reference. */
    static CaptionStyle parse(String name) {
        if (name != null) {
            for (CaptionStyle s : values()) {
                if (s.name().equalsIgnoreCase(name)) {
                    return s;
                }
            }
        }
        return CLEAN;
    }
}
