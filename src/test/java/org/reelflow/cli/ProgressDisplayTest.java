package org.reelflow.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.reelflow.events.Event;
import org.reelflow.events.StageEvent;
import org.reelflow.events.StageName;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/** Events in, lines out: the plain (append-only) and the terminal (redrawn in place) forms. */
class ProgressDisplayTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long ids;

    private ProgressDisplay display(Style style) {
        return new ProgressDisplay(new PrintStream(bytes, true, StandardCharsets.UTF_8), style, clock::get);
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void seconds(double s) {
        clock.addAndGet((long) (s * 1e9));
    }

    private StreamEvent ev(Event event) {
        return new StreamEvent(++ids, event);
    }

    private static JsonObject scoreOf(int scenes) {
        var a = Json.createArrayBuilder();
        for (int i = 0; i < scenes; i++) {
            a.add(Json.createObjectBuilder().add("visual_type", "text_card"));
        }
        return Json.createObjectBuilder().add("archetype", "infographic").add("scenes", a).build();
    }

    /** A whole zero-key run's events, with time passing between them. */
    private void run(ProgressDisplay d) {
        d.apply(ev(new StageEvent.StageStarted(StageName.RESEARCH)));
        seconds(0.1);
        d.apply(ev(new StageEvent.StageCompleted(StageName.RESEARCH, "5 facts", 0.05)));
        d.apply(ev(new StageEvent.StageStarted(StageName.DIRECTOR)));
        d.apply(ev(new StageEvent.Revision(1, 5.5)));
        d.apply(ev(new StageEvent.StageCompleted(StageName.DIRECTOR, "3 scenes, infographic", 0.2)));
        d.apply(ev(new StageEvent.ScoreReady(scoreOf(3))));
        d.apply(ev(new StageEvent.StageStarted(StageName.TTS)));
        seconds(2.5);
        d.apply(ev(new StageEvent.StageCompleted(StageName.TTS, "60 words", 2.5)));
        d.apply(ev(new StageEvent.StageStarted(StageName.VISUALS)));
        d.apply(ev(new StageEvent.Asset(0, "text_card", "assets/scene-0-card.png")));
        d.apply(ev(new StageEvent.Asset(1, "text_card", "assets/scene-1-card.png")));
        seconds(1.2);
    }

    @Test
    void plainLinesAreAppendedOnePerChange() {
        ProgressDisplay d = display(new Style(false, true, 120));
        run(d);
        d.apply(ev(new StageEvent.Asset(2, "text_card", "assets/scene-2-card.png")));
        d.apply(ev(new StageEvent.StageCompleted(StageName.VISUALS, "3/3 assets", 1.3)));
        d.apply(ev(new StageEvent.StageStarted(StageName.ASSEMBLY)));
        d.apply(ev(new StageEvent.Rendering(600)));
        for (int f = 60; f <= 600; f += 60) {
            d.apply(ev(new StageEvent.RenderProgress(f, 600)));
        }
        d.apply(ev(new StageEvent.StageCompleted(StageName.ASSEMBLY, "20.0s video", 12.25)));
        d.apply(ev(new StageEvent.StageSkipped(StageName.CRITIC, "evaluation failed")));
        d.apply(ev(new Event.JobCompleted()));
        assertThat(output(), is("""
                ▸ research          started
                ✓ research    0.1s  5 facts
                ▸ director          started
                ✓ director    0.2s  3 scenes, infographic
                ▸ tts               started
                ✓ tts         2.5s  60 words
                ▸ visuals           started
                ✓ visuals     1.3s  3/3 assets
                ▸ assembly          started
                ▸ assembly          rendering 30% (180/600 frames)
                ▸ assembly          rendering 50% (300/600 frames)
                ▸ assembly          rendering 80% (480/600 frames)
                ✓ assembly   12.3s  20.0s video
                – critic            skipped: evaluation failed
                """));
        assertThat(d.completed(), is(true));
        assertThat(d.summary(), containsString("Completed 5/6 stages (1 skipped) in "));
    }

    @Test
    void aTerminalShowsSixLinesRedrawnInPlaceWithSpinnerAndElapsedTime() {
        ProgressDisplay d = display(new Style(true, true, 120));
        d.message("Generating \"Why the sky is blue\"");
        run(d);
        d.redraw();
        Screen screen = new Screen(output());
        assertThat(screen.lines().size(), is(7));
        assertThat(screen.lines().get(0), is("Generating \"Why the sky is blue\""));
        assertThat(screen.lines().get(1), is("✓ research    0.1s  5 facts"));
        assertThat(screen.lines().get(2), is("✓ director    0.2s  3 scenes, infographic"));
        assertThat(screen.lines().get(3), is("✓ tts         2.5s  60 words"));
        assertThat(screen.lines().get(4).substring(1), is(" visuals     1.2s  2/3 scenes"));
        assertThat("a spinner frame", "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏".contains(screen.lines().get(4).substring(0, 1)), is(true));
        assertThat(screen.lines().get(5), is("· assembly"));
        assertThat(screen.lines().get(6), is("· critic"));
        assertThat("the cursor is hidden while drawing", screen.cursorVisible, is(false));

        // A message goes above the block, which is drawn again below it; time moves the spinner on.
        d.message(List.of("Estimated cost: $0.000"));
        d.apply(ev(new StageEvent.StageCompleted(StageName.VISUALS, "3/3 assets", 1.3)));
        d.apply(ev(new StageEvent.StageStarted(StageName.ASSEMBLY)));
        d.apply(ev(new StageEvent.Rendering(600)));
        seconds(3);
        d.apply(ev(new StageEvent.RenderProgress(270, 600)));
        screen = new Screen(output());
        assertThat(screen.lines().get(1), is("Estimated cost: $0.000"));
        assertThat(screen.lines().get(6).substring(1), is(" assembly    3.0s  rendering 45% (270/600 frames)"));
        assertThat(screen.lines().size(), is(8));

        d.apply(ev(new StageEvent.StageError(StageName.ASSEMBLY, "ffmpeg exited with 1")));
        seconds(0.5);
        d.apply(ev(new Event.JobFailed("ffmpeg exited with 1", false)));
        d.close();
        screen = new Screen(output());
        assertThat(screen.lines().get(6), is("✗ assembly    3.5s  ffmpeg exited with 1"));
        assertThat(screen.lines().get(7), is("· critic"));
        assertThat("the cursor is back", screen.cursorVisible, is(true));
        assertThat(d.failure(), is("ffmpeg exited with 1"));
        assertThat(d.summary(), containsString("Completed 4/6 stages (1 failed)"));
    }

    @Test
    void longLinesAreCutToTheTerminalWidthSoRedrawingStaysInPlace() {
        ProgressDisplay d = display(new Style(true, false, 40));
        d.apply(ev(new StageEvent.StageStarted(StageName.RESEARCH)));
        d.apply(ev(new StageEvent.StageError(StageName.RESEARCH, "a very long recoverable error message that would wrap")));
        List<String> lines = new Screen(output()).lines();
        assertThat(lines.get(0).length(), is(39));
        assertThat(lines.get(0).endsWith("~"), is(true));
        assertThat(lines.get(1), is(". director"));
    }

    @Test
    void aSnapshotShowsAJobJoinedLate() {
        ProgressDisplay d = display(new Style(false, false, 120));
        JsonObject record = Json.createObjectBuilder().add("topic", "Tides").add("status", "running")
                .add("score", scoreOf(4))
                .add("sceneEvents", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "asset")))
                .add("stages", Json.createObjectBuilder()
                        .add("research", Json.createObjectBuilder().add("status", "done").add("detail", "5 facts").add("durationSec", 0.1))
                        .add("director", Json.createObjectBuilder().add("status", "done").add("detail", "4 scenes, infographic").add("durationSec", 0.3))
                        .add("tts", Json.createObjectBuilder().add("status", "done").add("detail", "80 words").add("durationSec", 3.0))
                        .add("visuals", Json.createObjectBuilder().add("status", "running"))
                        .add("assembly", Json.createObjectBuilder().add("status", "pending"))
                        .add("critic", Json.createObjectBuilder().add("status", "pending")))
                .build();
        d.apply(new StreamEvent(9, new Event.JobSnapshot(record)));
        d.apply(ev(new StageEvent.Asset(1, "text_card", "assets/scene-1-card.png")));
        seconds(1);
        assertThat(d.topic(), is("Tides"));
        assertThat(output(), is("""
                + research    0.1s  5 facts
                + director    0.3s  4 scenes, infographic
                + tts         3.0s  80 words
                > visuals           1/4 scenes
                """));
        assertThat(d.lines().get(3).substring(1), is(" visuals     1.0s  2/4 scenes"));
    }

    @Test
    void aCancelMarksTheRunningStageFailedWithTheReason() {
        ProgressDisplay d = display(new Style(false, true, 120));
        d.apply(ev(new StageEvent.StageStarted(StageName.TTS)));
        seconds(1);
        d.apply(ev(new Event.JobFailed("Cancelled by user", true)));
        assertThat(d.cancelled(), is(true));
        assertThat(output(), containsString("✗ tts         1.0s  Cancelled by user"));
    }
}
