package org.reelflow.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.reelflow.app.Services;
import org.reelflow.events.StageEvent;
import org.reelflow.events.StageName;
import org.reelflow.pipeline.CostGate;
import org.reelflow.pipeline.Pipeline;
import org.reelflow.pipeline.StageResult;
import org.reelflow.support.FakeStages;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/** generate in-process with fake stages: outcomes, exit codes and the cost question. */
class GenerateCommandTest {

    @TempDir
    Path dir;

    private static JsonObject estimate(double total) {
        return Json.createObjectBuilder().add("llmCost", 0).add("revisionCost", 0).add("ttsCost", 0)
                .add("imageCost", total).add("videoCost", 0).add("musicCost", 0).add("totalCost", total)
                .add("details", Json.createObjectBuilder().add("llmCalls", 3).add("gateEvaluations", 0)
                        .add("revisionRounds", 0).add("ttsCharacters", 100).add("aiImages", 2).add("aiVideos", 0))
                .add("perScene", Json.createArrayBuilder()).build();
    }

    /** A director that estimates {@code total}, and a voice that takes up to 20 s unless cancelled. */
    private static BiFunction<Services, CostGate, Pipeline> costing(double total) {
        return (c, gate) -> FakeStages.create()
                .with(StageName.DIRECTOR, ctx -> StageResult.complete("3 scenes, infographic")
                        .then(new StageEvent.CostEstimate(estimate(total))))
                .with(StageName.TTS, ctx -> {
                    Thread.sleep(total > 0 ? 20_000 : 0);
                    return StageResult.complete("60 words");
                }).pipeline(gate);
    }

    private int run(TestTerminal t, BiFunction<Services, CostGate, Pipeline> pipeline, String... args) throws Exception {
        return new GenerateCommand(t.terminal, pipeline, k -> null, false).run(GenerateArgs.parse(List.of(args)));
    }

    @Test
    void aFreeRunGoesOnWithoutAQuestionAndSaysWhy() throws Exception {
        TestTerminal t = new TestTerminal(new Style(false, true, 120), true, "");
        int code = run(t, costing(0), "Tides", "-o", dir.toString());
        assertThat(t.err(), code, is(0));
        assertThat(t.out(), containsString("Estimated cost: $0.000 — free"));
        assertThat(t.out(), not(containsString("Proceed with generation?")));
        assertThat(t.out(), containsString("✓ critic"));
        assertThat(t.out(), containsString("Completed 6/6 stages"));
        assertThat(t.out(), containsString("Done (no video was produced). Job folder: " + dir.resolve("1")));
        assertThat(Files.exists(dir.resolve("1").resolve("meta.json")), is(true));
    }

    @Test
    void noToTheCostQuestionCancelsTheJob() throws Exception {
        TestTerminal t = new TestTerminal(new Style(false, true, 120), true, "n\n");
        long t0 = System.nanoTime();
        int code = run(t, costing(0.25), "Tides", "-o", dir.toString(), "-i", "gemini");
        assertThat(code, is(1));
        assertThat(t.out(), containsString("Estimated cost: $0.250"));
        assertThat(t.out(), containsString("  Images: $0.2500 (2 AI images @ $0.101/ea)"));
        assertThat(t.out(), containsString("Proceed with generation? [Y/n] "));
        assertThat(t.out(), not(containsString("✓ tts")));
        assertThat(t.err(), containsString("Cancelled: the estimated cost was not confirmed"));
        assertThat("the cancel stopped the voice at once", (System.nanoTime() - t0) / 1e9 < 15, is(true));
    }

    @Test
    void yesOrAPipedStdinSkipTheQuestion() throws Exception {
        TestTerminal t = new TestTerminal(new Style(false, true, 120), false, "");
        BiFunction<Services, CostGate, Pipeline> quick = (c, gate) -> FakeStages.create()
                .with(StageName.DIRECTOR, ctx -> StageResult.complete("3 scenes, infographic")
                        .then(new StageEvent.CostEstimate(estimate(0.25))))
                .pipeline();
        assertThat(run(t, quick, "Tides", "-o", dir.toString()), is(0));
        assertThat(t.out(), containsString("Proceeding (standard input is not a terminal)."));
        TestTerminal y = new TestTerminal(new Style(false, true, 120), true, "");
        assertThat(run(y, quick, "Tides", "-o", dir.toString(), "--yes"), is(0));
        assertThat(y.out(), containsString("Proceeding (--yes)."));
        assertThat(y.out(), not(containsString("Proceed with generation?")));
    }

    @Test
    void anEstimateOverTheCapStopsTheJobEvenWithYes() throws Exception {
        TestTerminal t = new TestTerminal(new Style(false, true, 120), true, "");
        int code = run(t, costing(0.25), "Tides", "-o", dir.toString(), "--yes", "--max-cost", "0.10");
        assertThat(code, is(1));
        assertThat(t.err(), containsString("Cancelled: Estimated cost $0.250 exceeds --max-cost $0.100"));
    }

    @Test
    void aFailedStageExitsOneWithTheReason() throws Exception {
        TestTerminal t = TestTerminal.plain();
        BiFunction<Services, CostGate, Pipeline> failing = (c, gate) -> FakeStages.create()
                .with(StageName.TTS, ctx -> {
                    throw new IllegalStateException("festival is not installed");
                }).pipeline();
        int code = run(t, failing, "Tides", "-o", dir.toString());
        assertThat(code, is(1));
        assertThat(t.out(), containsString("✗ tts         "));
        assertThat(t.out(), containsString("festival is not installed"));
        assertThat(t.err(), is("Pipeline failed: festival is not installed\n"));
    }

    @Test
    void aSecondRunInTheSameFolderIsRefusedWhileTheFirstHoldsIt() throws Exception {
        TestTerminal first = new TestTerminal(new Style(false, true, 120), true, "");
        Thread running = Thread.ofVirtual().start(() -> {
            try {
                run(first, costing(0.25), "Tides", "-o", dir.toString(), "--yes");
            } catch (InterruptedException e) {
                // the test ends it
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!first.out().contains("Proceeding") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        TestTerminal second = TestTerminal.plain();
        assertThat(run(second, costing(0), "Other", "-o", dir.toString()), is(1));
        assertThat(second.err(), containsString("Another reelflow generate is using " + dir));
        running.interrupt();
        running.join(15_000);
    }
}
