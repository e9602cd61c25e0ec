package org.reelflow.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.reelflow.media.ExternalProcess;

/**
 * How to draw on this output: redraw in place with ANSI cursor movement (a terminal) or append plain lines (a
 * pipe, a file, {@code TERM=dumb}); Unicode symbols or ASCII ones; how wide a line may be.
 */
public record Style(boolean ansi, boolean unicode, int width) {

    public static final Style PLAIN_ASCII = new Style(false, false, 120);

    public String done() {
        return unicode ? "✓" : "+";
    }

    public String skipped() {
        return unicode ? "–" : "-";
    }

    public String failed() {
        return unicode ? "✗" : "x";
    }

    public String pending() {
        return unicode ? "·" : ".";
    }

    public String started() {
        return unicode ? "▸" : ">";
    }

    public String spinner(long tick) {
        String frames = unicode ? "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏" : "|/-\\";
        int i = (int) Math.floorMod(tick, (long) frames.length());
        return frames.substring(i, i + 1);
    }

    /**
     * The style of this process's standard output.
     *
     * @param env     environment lookup ({@code TERM}, {@code COLUMNS})
     * @param charset what standard output encodes with
     */
    public static Style detect(Function<String, String> env, Charset charset) {
        boolean tty = isTerminal(1) && !"dumb".equals(env.apply("TERM"));
        boolean unicode = StandardCharsets.UTF_8.equals(charset);
        return new Style(tty, unicode, tty ? width(env) : 120);
    }

    /**
     * Whether a standard stream (0 in, 1 out) is a terminal. On Linux, {@code /proc/self/fd/N} links to a tty or
     * pts device; elsewhere {@link System#console()} (non-null only when both are terminals on JDK 21).
     */
    public static boolean isTerminal(int fd) {
        Path link = Path.of("/proc/self/fd/" + fd);
        try {
            if (Files.exists(Path.of("/proc/self/fd"))) {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            }
        } catch (Exception e) {
            return false;
        }
        return System.console() != null;
    }

    private static int width(Function<String, String> env) {
        try {
            String columns = env.apply("COLUMNS");
            if (columns != null) {
                return Math.max(40, Integer.parseInt(columns.trim()));
            }
        } catch (NumberFormatException e) {
            // fall through to stty
        }
        try {
            Process p = ExternalProcess.start(new ProcessBuilder("stty", "size")
                    .redirectInput(new java.io.File("/dev/tty")).redirectError(ProcessBuilder.Redirect.DISCARD));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0 && out.matches("\\d+ \\d+")) {
                return Math.max(40, Integer.parseInt(out.split(" ")[1]));
            }
        } catch (Exception e) {
            // no stty or no controlling terminal
        } 
        return 80;
    }
}
