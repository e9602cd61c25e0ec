package org.reelflow.media.inspect;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reelflow.media.TimedWord;

class VideoCriticTest {

    private static final VideoProbe.Info GOOD_FILE = new VideoProbe.Info("h264", "High", "yuv420p", 1080, 1920, 30, 45.0,
                                                                         "aac", 48000, 2, true);

    private static List<TimedWord> words(int n, double perSecond) {
        List<TimedWord> w = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            w.add(new TimedWord("w", i / perSecond, (i + 0.8) / perSecond));
        }
        return w;
    }

    @Test
    void aWellMadeShortScoresHighWithReasons() {
        PlanFacts plan = new PlanFacts(60, words(110, 2.5), List.of(5.0, 5.5, 4.0, 6.0, 5.0, 5.0, 4.5, 5.0, 5.0),
                List.of("ai_image", "text_card", "stock_image", "ai_image", "stock_video", "ai_image", "text_card",
                        "ai_image", "stock_image"), 5, 0.3);
        Review r = VideoCritic.review(GOOD_FILE, new QualityScan.Result(List.of(), List.of(), -14.5, -1.5), plan);
        assertThat(r.score(), is(10));
        assertThat(r.weaknesses().isEmpty(), is(true));
        assertThat(r.strengths().size(), greaterThanOrEqualTo(5));
    }

    @Test
    void problemsCostPointsAndSayWhatToChange() {
        VideoProbe.Info longFile = new VideoProbe.Info("h264", "High", "yuv420p", 1080, 1920, 30, 72.0, "aac", 48000, 2, false);
        PlanFacts plan = new PlanFacts(60, words(300, 4.2), List.of(12.0, 1.0, 5.0, 5.0),
                                       List.of("ai_image", "ai_image", "ai_image", "ai_image"), 8, 0.3);
        QualityScan.Result scan = new QualityScan.Result(List.of(new QualityScan.Segment(10.0, 11.5)), List.of(), -26, 0.3);
        Review r = VideoCritic.review(longFile, scan, plan);
        assertThat(r.score(), lessThanOrEqualTo(2));
        String all = String.join("\n", r.weaknesses());
        assertThat(all, containsString("over the platform's 60 s limit: cut 12.0 s"));
        assertThat(all, containsString("4.2 words/s"));
        assertThat(all, containsString("Scene 1 holds 12.0 s"));
        assertThat(all, containsString("4 of 4 scenes are ai_image"));
        assertThat(all, containsString("8 words at a time"));
        assertThat(all, containsString("-26.0 LUFS"));
        assertThat(all, containsString("True peak 0.3 dBTP"));
        assertThat(all, containsString("Black picture from 10.0 to 11.5 s"));
        assertThat(all, containsString("faststart"));
        assertThat(r.toJson().getInt("score"), is(r.score()));
    }

    @Test
    void parsesFfmpegScanLog() {
        String log = """
                [blackdetect @ 0x1] black_start:0 black_end:1.5 black_duration:1.5
                [freezedetect @ 0x2] lavfi.freezedetect.freeze_start: 3.2
                [freezedetect @ 0x2] lavfi.freezedetect.freeze_duration: 2.5
                [freezedetect @ 0x2] lavfi.freezedetect.freeze_end: 5.7
                [freezedetect @ 0x2] lavfi.freezedetect.freeze_start: 8
                [Parsed_ebur128_0 @ 0x3] Summary:
                  Integrated loudness:
                    I:         -16.4 LUFS
                  True peak:
                    Peak:       -2.1 dBFS
                """;
        QualityScan.Result r = QualityScan.parse(log, 10.0);
        assertThat(r.black(), hasItem(new QualityScan.Segment(0, 1.5)));
        assertThat(r.frozen(), is(List.of(new QualityScan.Segment(3.2, 5.7), new QualityScan.Segment(8, 10.0))));
        assertThat(r.integratedLufs(), is(-16.4));
        assertThat(r.truePeakDbtp(), is(-2.1));
    }
}
