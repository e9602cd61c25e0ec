package org.reelflow.media.inspect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reelflow.media.TimedWord;

/**
 * Reviews the rendered short against measurable facts (the reference's critic only re-read the text plan). Starts
 * at 10 and deducts per problem; every weakness says what to change. Thresholds: narration 2.0–3.2 words/s is
 * comfortable for captions; shorts platforms normalise to about −14 LUFS, and a true peak above −1 dBTP can clip
 * after their transcode.
 */
public final class VideoCritic {

    private final List<String> strengths = new ArrayList<>();
    private final List<String> weaknesses = new ArrayList<>();
    private int score = 10;

    private VideoCritic() {
    }

    public static Review review(VideoProbe.Info info, QualityScan.Result scan, PlanFacts plan) {
        VideoCritic c = new VideoCritic();
        c.duration(info, plan);
        c.pace(plan);
        c.scenes(plan);
        c.variety(plan);
        c.captions(plan);
        c.sound(scan);
        c.picture(scan, info);
        c.delivery(info);
        return new Review(Math.max(1, Math.min(10, c.score)), c.strengths, c.weaknesses);
    }

    private void weak(int cost, String format, Object... args) {
        score -= cost;
        weaknesses.add(String.format(Locale.ROOT, format, args));
    }

    private void strong(String format, Object... args) {
        strengths.add(String.format(Locale.ROOT, format, args));
    }

    private void duration(VideoProbe.Info info, PlanFacts plan) {
        double d = info.durationSeconds();
        if (plan.platformMaxSeconds() > 0 && d > plan.platformMaxSeconds()) {
            weak(3, "Runs %.1f s, over the platform's %.0f s limit: cut %.1f s (drop a scene or tighten script lines).",
                 d, plan.platformMaxSeconds(), d - plan.platformMaxSeconds());
        } else if (d < 15) {
            weak(1, "Only %.1f s long: too short to develop the topic; add a scene or two.", d);
        } else {
            strong("Length %.1f s fits the platform limit of %.0f s.", d, plan.platformMaxSeconds());
        }
    }

    private void pace(PlanFacts plan) {
        List<TimedWord> w = plan.words();
        if (w.size() < 2) {
            weak(2, "Almost no narration (%d words): the voiceover or its word timing is missing.", w.size());
            return;
        }
        double spoken = w.getLast().end() - w.getFirst().start();
        double wps = w.size() / Math.max(0.1, spoken);
        if (wps > 3.5) {
            weak(2, "Narration runs at %.1f words/s, too fast to read along: cut about %d words or slow the voice.",
                 wps, (int) Math.ceil(w.size() - 3.0 * spoken));
        } else if (wps < 1.8) {
            weak(1, "Narration is slow at %.1f words/s: tighten pauses or add content.", wps);
        } else {
            strong("Narration pace %.1f words/s is easy to follow with captions.", wps);
        }
    }

    private void scenes(PlanFacts plan) {
        List<Double> s = plan.sceneSeconds();
        boolean ok = true;
        for (int i = 0; i < s.size(); i++) {
            if (s.get(i) > 8) {
                weak(1, "Scene %d holds %.1f s on one visual: split it or give it a second image.", i + 1, s.get(i));
                ok = false;
            } else if (s.get(i) < 1.5) {
                weak(1, "Scene %d lasts only %.1f s: merge it with a neighbour.", i + 1, s.get(i));
                ok = false;
            }
        }
        if (ok && !s.isEmpty()) {
            strong("Every scene lasts between 1.5 and 8 s (longest %.1f s).", Collections.max(s));
        }
    }

    private void variety(PlanFacts plan) {
        List<String> types = plan.visualTypes();
        if (types.isEmpty()) {
            return;
        }
        Map<String, Integer> counts = new HashMap<>();
        types.forEach(t -> counts.merge(t, 1, Integer::sum));
        Map.Entry<String, Integer> top = Collections.max(counts.entrySet(), Map.Entry.comparingByValue());
        int run = 1;
        int longest = 1;
        for (int i = 1; i < types.size(); i++) {
            run = types.get(i).equals(types.get(i - 1)) ? run + 1 : 1;
            longest = Math.max(longest, run);
        }
        if (types.size() >= 4 && top.getValue() > 0.6 * types.size()) {
            weak(1, "%d of %d scenes are %s: swap some for text cards or stock to vary the look.",
                 top.getValue(), types.size(), top.getKey());
        } else if (longest >= 3) {
            weak(1, "%d scenes of the same visual type in a row: interleave another type.", longest);
        } else {
            strong("Visual types vary (%d kinds across %d scenes).", counts.size(), types.size());
        }
    }

    private void captions(PlanFacts plan) {
        int size = plan.captionChunkSize();
        List<TimedWord> w = plan.words();
        if (w.isEmpty()) {
            return;
        }
        List<Double> onScreen = new ArrayList<>();
        for (int i = 0; i < w.size(); i += size) {
            List<TimedWord> chunk = w.subList(i, Math.min(w.size(), i + size));
            onScreen.add(chunk.getLast().end() + plan.captionLingerS() - chunk.getFirst().start());
        }
        Collections.sort(onScreen);
        double median = onScreen.get(onScreen.size() / 2);
        if (size > 6) {
            weak(1, "Captions show %d words at a time: 3–5 reads faster on a phone.", size);
        } else if (median < 1.0) {
            weak(1, "Caption chunks stay up only %.2f s (median): raise the chunk size or the linger.", median);
        } else {
            strong("Captions: %d words per chunk, each on screen for %.1f s (median).", size, median);
        }
    }

    private void sound(QualityScan.Result scan) {
        double lufs = scan.integratedLufs();
        if (Double.isNaN(lufs)) {
            weak(1, "Loudness could not be measured: check the audio track.");
            return;
        }
        if (lufs < -50) {
            weak(3, "The audio is silent (%.1f LUFS): the voiceover did not make it into the mix.", lufs);
            return;
        }
        if (lufs < -20) {
            weak(1, "Quiet at %.1f LUFS: raise the mix to about −14 LUFS.", lufs);
        } else if (lufs > -9) {
            weak(1, "Loud at %.1f LUFS: bring the mix down to about −14 LUFS.", lufs);
        } else {
            strong("Loudness %.1f LUFS is near the platforms' −14 LUFS.", lufs);
        }
        if (scan.truePeakDbtp() > -1) {
            weak(1, "True peak %.1f dBTP may clip after the platform transcode: limit to −1 dBTP.", scan.truePeakDbtp());
        }
    }

    private void picture(QualityScan.Result scan, VideoProbe.Info info) {
        for (QualityScan.Segment b : scan.black()) {
            weak(2, "Black picture from %.1f to %.1f s: a scene's asset is probably missing.", b.start(), b.end());
        }
        double frozen = scan.frozen().stream().mapToDouble(QualityScan.Segment::duration).sum();
        if (frozen > 0.2 * info.durationSeconds()) {
            QualityScan.Segment first = scan.frozen().getFirst();
            weak(1, "The picture stands still for %.1f s in total (first at %.1f–%.1f s): give those scenes motion.",
                 frozen, first.start(), first.end());
        }
        if (scan.black().isEmpty() && frozen <= 0.2 * info.durationSeconds()) {
            strong("No black stretches, and the picture keeps moving.");
        }
    }

    private void delivery(VideoProbe.Info info) {
        if (!"h264".equals(info.videoCodec()) || !"yuv420p".equals(info.pixelFormat())) {
            weak(1, "Encoded as %s/%s: platforms expect H.264 yuv420p.", info.videoCodec(), info.pixelFormat());
        }
        if (!info.faststart()) {
            weak(1, "The MP4 index is at the end: re-mux with -movflags +faststart so playback starts at once.");
        }
    }
}
