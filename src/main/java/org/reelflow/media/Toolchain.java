package org.reelflow.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The system programs and fonts the offline media engine uses, and whether each is on this machine. The
 * Makefile installs them on Debian/Ubuntu; health reports them so a missing one is named, not guessed at.
 */
public final class Toolchain {

    /** A program looked up on the PATH. */
    public record Program(String name, String debianPackage) {
    }

    public static final List<Program> PROGRAMS = List.of(
            new Program("ffmpeg", "ffmpeg"), new Program("ffprobe", "ffmpeg"),
            new Program("festival", "festival festvox-us-slt-hts"), new Program("text2wave", "festival"),
            new Program("pocketsphinx_continuous", "pocketsphinx pocketsphinx-en-us"));

    public static final Map<String, Path> FONTS = Map.of(
            "Inter", Path.of("/usr/share/fonts/opentype/inter/Inter-Black.otf"),
            "League Spartan", Path.of("/usr/share/fonts/opentype/league-spartan/LeagueSpartan-Black.otf"),
            "Bebas Neue", Path.of("/usr/share/fonts/opentype/bebas-neue/BebasNeue-Regular.otf"));

    private Toolchain() {
    }

    /** {@code name → found|missing} for every program and font, programs first. */
    public static Map<String, String> status() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Program p : PROGRAMS) {
            out.put(p.name(), ExternalProcess.onPath(p.name()) ? "found" : "missing");
        }
        FONTS.entrySet().stream().sorted(Map.Entry.comparingByKey())
             .forEach(e -> out.put("font " + e.getKey(), Files.isReadable(e.getValue()) ? "found" : "missing"));
        return out;
    }

    /** The Debian packages of whatever is missing, for a message a person can act on. */
    public static List<String> missingPackages() {
        return PROGRAMS.stream().filter(p -> !ExternalProcess.onPath(p.name())).map(Program::debianPackage)
                       .distinct().toList();
    }
}
