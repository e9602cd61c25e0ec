package org.reelflow.media.align;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelflow.media.ExternalProcess;
import org.reelflow.media.TimedWord;
import org.reelflow.media.voice.FestivalVoice;
import org.reelflow.media.voice.FestivalVoiceTest;
import org.reelflow.media.voice.RequiredTools;
import org.reelflow.media.voice.Voiceover;

class PocketsphinxAlignerTest {

    static final String SCRIPT = "In 2024, a tiny robot named Zubrowski crossed 3.5 km of Martian desert — alone. "
                                 + "Engineers at NASA's JPL cheered: the $2.5 million rover had survived its 1st "
                                 + "winter, against every forecast. Its batteries held 85% charge!";

    @BeforeAll
    static void tools() {
        RequiredTools.require("festival", "ffmpeg", "pocketsphinx_continuous");
    }

    @Test
    void festivalTimingsAgreeWithForcedAlignmentWithin50ms(@TempDir Path dir) throws Exception {
        Agreement agreement = compare(SCRIPT, dir);
        assertThat(agreement.report(), agreement.maxStart(), lessThanOrEqualTo(0.050));
        assertThat(agreement.report(), agreement.maxEnd(), lessThanOrEqualTo(0.050));
    }

    /**
     * On 173 words one sentence-initial "The" is placed 115 ms early by pocketsphinx (it absorbs the pause, which
     * is digital silence in Festival's audio), so the long script is held to its 95th percentile, not its maximum.
     */
    @Test
    void festivalTimingsAgreeWithForcedAlignmentOnALongScript(@TempDir Path dir) throws Exception {
        Agreement agreement = compare(FestivalVoiceTest.LONG_SCRIPT, dir);
        assertThat(agreement.report(), agreement.p95(), lessThanOrEqualTo(0.050));
        assertThat(agreement.report(), agreement.median(), lessThanOrEqualTo(0.020));
    }

    record Agreement(String report, double maxStart, double maxEnd, double median, double p95) {
    }

    private static Agreement compare(String script, Path dir) throws Exception {
        Voiceover voice = new FestivalVoice().synthesize(script, dir);
        long started = System.nanoTime();
        List<TimedWord> aligned = new PocketsphinxAligner().align(voice.audio(), script);
        double alignSec = (System.nanoTime() - started) / 1e9;

        assertThat(aligned.stream().map(TimedWord::word).toList(), is(Arrays.asList(script.split("\\s+"))));
        List<Double> startErrors = new ArrayList<>();
        List<Double> endErrors = new ArrayList<>();
        String worst = "";
        double worstError = -1;
        for (int i = 0; i < aligned.size(); i++) {
            TimedWord f = voice.words().get(i);
            TimedWord p = aligned.get(i);
            if (f.end() > f.start()) {   // the bare dash has no sound to compare
                startErrors.add(Math.abs(f.start() - p.start()));
                endErrors.add(Math.abs(f.end() - p.end()));
                double error = Math.max(startErrors.getLast(), endErrors.getLast());
                if (error > worstError) {
                    worstError = error;
                    worst = String.format("worst: '%s' festival %.3f–%.3f, pocketsphinx %.3f–%.3f", f.word(),
                                          f.start(), f.end(), p.start(), p.end());
                }
            }
        }
        String report = String.format("start |Δ| median %.0f ms max %.0f ms; end |Δ| median %.0f ms max %.0f ms "
                                      + "(%d words, %.1f s audio aligned in %.2f s); %s",
                                      1000 * median(startErrors), 1000 * Collections.max(startErrors),
                                      1000 * median(endErrors), 1000 * Collections.max(endErrors),
                                      startErrors.size(), voice.durationSec(), alignSec, worst);
        System.out.println("alignment: " + report);
        List<Double> all = new ArrayList<>(startErrors);
        all.addAll(endErrors);
        Collections.sort(all);
        return new Agreement(report, Collections.max(startErrors), Collections.max(endErrors), median(all),
                             all.get((int) Math.ceil(all.size() * 0.95) - 1));
    }

    @Test
    void failsLoudlyWhenTheAudioDoesNotHoldTheScript(@TempDir Path dir) throws Exception {
        Path silence = dir.resolve("silence.wav");
        ExternalProcess.Result made = ExternalProcess.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi",
                "-i", "anullsrc=r=16000:cl=mono", "-t", "0.3", silence.toString()), null, null);
        assertThat(made.output(), made.ok(), is(true));

        AlignmentException e = assertThrows(AlignmentException.class, () -> new PocketsphinxAligner()
                .align(silence, "A much longer sentence than a third of a second could possibly hold, surely."));
        assertThat(e.getMessage(), containsString("aligned 0 of"));
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
