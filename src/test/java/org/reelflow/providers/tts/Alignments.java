package org.reelflow.providers.tts;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.reelflow.media.TimedWord;

/** Compares word timings against the ones Festival reported for the audio it made. */
final class Alignments {

    private Alignments() {
    }

    /** Same words as the script; median start/end error under 40 ms and none over 150 ms. */
    static String assertClose(String script, List<TimedWord> actual, List<TimedWord> truth) {
        assertThat(actual.stream().map(TimedWord::word).toList(), is(Arrays.asList(script.split("\\s+"))));
        List<Double> errors = new ArrayList<>();
        for (int i = 0; i < actual.size(); i++) {
            TimedWord t = truth.get(i);
            if (t.end() > t.start()) {
                errors.add(Math.abs(t.start() - actual.get(i).start()));
                errors.add(Math.abs(t.end() - actual.get(i).end()));
            }
        }
        Collections.sort(errors);
        double median = errors.get(errors.size() / 2);
        double max = errors.getLast();
        String report = String.format("median %.0f ms, max %.0f ms over %d edges", median * 1000, max * 1000,
                                      errors.size());
        System.out.println("forced alignment vs festival: " + report);
        assertThat(report, median, lessThan(0.040));
        assertThat(report, max, lessThan(0.150));
        double last = 0;
        for (TimedWord w : actual) {
            assertThat("monotone at " + w, w.start() >= last - 1e-9, is(true));
            last = w.end();
        }
        return report;
    }
}
