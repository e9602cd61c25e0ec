package org.reelflow.media.visuals;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The open faces installed from Debian (fonts-inter, fonts-league-spartan, fonts-bebas-neue, and DejaVu from the base
 * image), loaded by file so no fontconfig lookup can silently swap in another face. The reference's Google fonts
 * (Montserrat, Oswald, Playfair Display, Merriweather, Space Grotesk) are not installable here; {@link #forCardFont}
 * and the caption styles map them to the closest installed face.
 */
public final class FontLibrary {

    /** An installed face and its file. */
    public enum Face {
        INTER_BLACK("/usr/share/fonts/opentype/inter/Inter-Black.otf"),
        INTER_BOLD("/usr/share/fonts/opentype/inter/Inter-Bold.otf"),
        INTER_SEMIBOLD("/usr/share/fonts/opentype/inter/Inter-SemiBold.otf"),
        INTER_MEDIUM("/usr/share/fonts/opentype/inter/Inter-Medium.otf"),
        SPARTAN_BLACK("/usr/share/fonts/opentype/league-spartan/LeagueSpartan-Black.otf"),
        SPARTAN_BOLD("/usr/share/fonts/opentype/league-spartan/LeagueSpartan-Bold.otf"),
        BEBAS_BOLD("/usr/share/fonts/opentype/bebas-neue/BebasNeue-Bold.otf"),
        SERIF_BOLD("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf");

        final Path file;

        Face(String file) {
            this.file = Path.of(file);
        }
    }

    private static final Map<Face, Font> BASE = new EnumMap<>(Face.class);

    static {
        Headless.ensure();
    }

    private FontLibrary() {
    }

    /** The face at {@code size} px; a bold logical sans if the file is missing, so drawing never fails. */
    public static synchronized Font font(Face face, float size) {
        Font base = BASE.computeIfAbsent(face, FontLibrary::load);
        return base.deriveFont(size);
    }

    /** The archetypes' text-card fonts: Inter stays Inter; Merriweather (serif) → DejaVu Serif; Space Grotesk → League Spartan. */
    public static Face forCardFont(String textCardFont) {
        String f = textCardFont == null ? "" : textCardFont.toLowerCase(Locale.ROOT);
        if (f.contains("merriweather") || f.contains("serif") && !f.contains("sans")) {
            return Face.SERIF_BOLD;
        }
        if (f.contains("grotesk") || f.contains("spartan")) {
            return Face.SPARTAN_BOLD;
        }
        return Face.INTER_BLACK;
    }

    private static Font load(Face face) {
        if (Files.isReadable(face.file)) {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, face.file.toFile());
            } catch (FontFormatException | IOException e) {
                // fall through to the logical font
            }
        }
        return new Font(Font.SANS_SERIF, Font.BOLD, 12);
    }
}
