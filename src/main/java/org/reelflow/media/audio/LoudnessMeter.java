package org.reelflow.media.audio;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reelflow.media.ExternalProcess;

/** Measures loudness with ffmpeg's {@code ebur128=peak=true} (BS.1770 gating, 4x oversampled true peak). */
public final class LoudnessMeter {

    private static final Pattern INTEGRATED = Pattern.compile("Integrated loudness:\\s+I:\\s+(-?[\\d.]+|-inf) LUFS");
    private static final Pattern TRUE_PEAK = Pattern.compile("True peak:\\s+Peak:\\s+(-?[\\d.]+|-inf) dBFS");

    private LoudnessMeter() {
    }

    public static Loudness measure(Path audio) throws IOException, InterruptedException {
        ExternalProcess.Result result = ExternalProcess.run(List.of("ffmpeg", "-nostdin", "-hide_banner", "-nostats",
                "-i", audio.toString(), "-filter_complex", "ebur128=peak=true", "-f", "null", "-"), null, null);
        if (!result.ok()) {
            throw new IOException("ffmpeg could not measure " + audio + ": " + tail(result.output()));
        }
        // The summary comes last; earlier per-frame lines use other wording.
        String summary = result.output().substring(Math.max(0, result.output().lastIndexOf("Summary:")));
        return new Loudness(number(INTEGRATED.matcher(summary), audio), number(TRUE_PEAK.matcher(summary), audio));
    }

    private static double number(Matcher m, Path audio) throws IOException {
        if (!m.find()) {
            throw new IOException("no ebur128 summary for " + audio);
        }
        return m.group(1).equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(m.group(1));
    }

    static String tail(String output) {
        String s = output.strip();
        return s.length() > 1500 ? "…" + s.substring(s.length() - 1500) : s;
    }
}
