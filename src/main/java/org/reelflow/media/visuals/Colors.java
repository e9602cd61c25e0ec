package org.reelflow.media.visuals;

import java.awt.Color;

/** Parses the archetypes' hex colours and derives shades from them. */
public final class Colors {

    private Colors() {
    }

    /** {@code #rrggbb}, {@code #rgb} or {@code #rrggbbaa}; anything unreadable becomes {@code fallback}. */
    public static Color parse(String hex, Color fallback) {
        if (hex == null) {
            return fallback;
        }
        String h = hex.strip();
        if (h.startsWith("#")) {
            h = h.substring(1);
        }
        try {
            if (h.length() == 3) {
                h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
            }
            if (h.length() == 6) {
                return new Color(Integer.parseInt(h, 16));
            }
            if (h.length() == 8) {
                long v = Long.parseLong(h, 16);
                return new Color((int) (v >> 24) & 0xFF, (int) (v >> 16) & 0xFF, (int) (v >> 8) & 0xFF, (int) v & 0xFF);
            }
        } catch (NumberFormatException e) {
            return fallback;
        }
        return fallback;
    }

    /** Linear mix: {@code t = 0} gives {@code a}, {@code t = 1} gives {@code b}. */
    public static Color mix(Color a, Color b, double t) {
        double u = Math.max(0, Math.min(1, t));
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * u),
                         (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * u),
                         (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * u),
                         (int) Math.round(a.getAlpha() + (b.getAlpha() - a.getAlpha()) * u));
    }

    public static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.max(0, Math.min(255, alpha)));
    }

    /** Rotates the hue by {@code degrees}, keeping saturation and brightness: analogous shades for illustrations. */
    public static Color shiftHue(Color c, double degrees) {
        float[] hsb = Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null);
        float h = (float) (hsb[0] + degrees / 360.0);
        return Color.getHSBColor(h - (float) Math.floor(h), hsb[1], hsb[2]);
    }

    /** Relative luminance 0..1, to decide whether text on a colour should be dark or light. */
    public static double luminance(Color c) {
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255.0;
    }
}
