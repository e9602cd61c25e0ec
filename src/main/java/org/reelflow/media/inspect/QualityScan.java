package org.reelflow.media.inspect;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reelflow.media.ExternalProcess;

/**
 * One decoding pass over a video with ffmpeg's blackdetect, freezedetect and ebur128 (true peak on): black and frozen
 * stretches, integrated loudness and true peak.
 */
public final class QualityScan {

    /** A stretch of time in seconds. */
    public record Segment(double start, double end) {
        public double duration() {
            return end - start;
        }
    }

    /** Integrated loudness in LUFS and true peak in dBTP; {@code -Infinity} for silence. */
    public record Result(List<Segment> black, List<Segment> frozen, double integratedLufs, double truePeakDbtp) {
    }

    private static final Pattern BLACK = Pattern.compile("black_start:\\s*([-\\d.]+)\\s+black_end:\\s*([-\\d.]+)");
    private static final Pattern FREEZE_START = Pattern.compile("freeze_start:\\s*([-\\d.]+)");
    private static final Pattern FREEZE_END = Pattern.compile("freeze_end:\\s*([-\\d.]+)");
    private static final Pattern INTEGRATED = Pattern.compile("I:\\s+(-?[\\d.]+|-inf)\\s+LUFS");
    private static final Pattern PEAK = Pattern.compile("Peak:\\s+(-?[\\d.]+|-inf)\\s+dBFS");

    private QualityScan() {
    }

    public static Result scan(Path video) throws IOException, InterruptedException {
        ExternalProcess.Result r = ExternalProcess.run(List.of("ffmpeg", "-nostdin", "-hide_banner", "-nostats",
                "-loglevel", "info", "-i", video.toString(),
                "-vf", "blackdetect=d=0.5:pix_th=0.10,freezedetect=n=-60dB:d=2",
                "-af", "ebur128=peak=true:framelog=verbose", "-f", "null", "-"), null, null);
        if (!r.ok()) {
            throw new IOException("quality scan failed on " + video + ": " + tail(r.output()));
        }
        return parse(r.output(), VideoProbe.probe(video).durationSeconds());
    }

    /** Parses ffmpeg's log; a freeze still running at the end closes at {@code duration}. */
    static Result parse(String log, double duration) {
        List<Segment> black = new ArrayList<>();
        Matcher m = BLACK.matcher(log);
        while (m.find()) {
            black.add(new Segment(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))));
        }
        List<Segment> frozen = new ArrayList<>();
        Matcher s = FREEZE_START.matcher(log);
        Matcher e = FREEZE_END.matcher(log);
        while (s.find()) {
            double start = Double.parseDouble(s.group(1));
            double end = e.find() ? Double.parseDouble(e.group(1)) : duration;
            frozen.add(new Segment(start, end));
        }
        // the summary comes last; take the last match in case a stream prints twice
        return new Result(black, frozen, last(INTEGRATED, log), last(PEAK, log));
    }

    private static double last(Pattern p, String log) {
        Matcher m = p.matcher(log);
        double v = Double.NaN;
        while (m.find()) {
            v = m.group(1).equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(m.group(1));
        }
        return v;
    }

    private static String tail(String s) {
        return s.length() < 2000 ? s.strip() : s.substring(s.length() - 2000).strip();
    }
}
