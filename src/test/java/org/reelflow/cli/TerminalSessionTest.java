package org.reelflow.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.reelflow.events.StageName;
import org.reelflow.pipeline.StageResult;
import org.reelflow.support.FakeStages;
import org.reelflow.support.TestServer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The CLI as a person uses it: the real {@code org.reelflow.Main} in a pseudo-terminal (tmux), checked by what the
 * screen shows and the exit code. One full zero-key render (~30-60 s), the rest are quick.
 */
class TerminalSessionTest {

    static final Duration RENDER = Duration.ofMinutes(4);

    @TempDir
    Path dir;

    @BeforeAll
    static void needsTmux() {
        assumeTrue(Tmux.available(), "tmux is not installed (apt-get install tmux): the terminal tests are skipped");
    }

    /** {@code java @args org.reelflow.Main}: this JVM's java and test classpath, through an argument file. */
    private String reelflow() throws Exception {
        Path argFile = dir.resolve("java.args");
        Files.writeString(argFile, "-cp\n\"" + System.getProperty("java.class.path") + "\"\norg.reelflow.Main\n",
                          StandardCharsets.UTF_8);
        String java = ProcessHandle.current().info().command().orElse("java");
        return "'" + java + "' @" + argFile;
    }

    @Test
    void dryRunShowsTheStagesAndWhereTheScoreIs() throws Exception {
        try (Tmux t = new Tmux(dir, reelflow() + " generate 'Why the sky is blue' --dry-run --archetype infographic")) {
            assertThat(t.exitCode(Duration.ofSeconds(60)), is(0));
            String screen = t.screen();
            assertThat(screen, containsString("Generating \"Why the sky is blue\" (dry run, infographic, youtube) — job 1 in output/1"));
            assertThat(screen, containsString("✓ research "));
            assertThat(screen, containsString("✓ director "));
            assertThat(screen, containsString("scenes, infographic"));
            for (String s : new String[] {"tts", "visuals", "assembly", "critic"}) {
                assertThat(screen, containsString("– " + String.format("%-9s", s) + "         skipped: dry run"));
            }
            assertThat(screen, containsString("Completed 2/6 stages (4 skipped) in "));
            Matcher m = Pattern.compile("DirectorScore saved to: (\\S+)").matcher(screen);
            assertThat(screen, m.find(), is(true));
            assertThat(Files.exists(dir.resolve(m.group(1))), is(true));
            assertThat("each stage once: redrawn in place, not appended", count(screen, "research"), is(1));
        }
    }

    @Test
    void aZeroKeyRunRendersAVideoWithLiveProgress() throws Exception {
        try (Tmux t = new Tmux(dir, reelflow() + " generate 'How octopuses think' -o shorts")) {
            String running = t.await("rendering", RENDER);
            assertThat(running, containsString("Estimated cost: $0.000 — free"));
            assertThat(running, not(containsString("Proceed with generation?")));
            assertThat(running, containsString("✓ tts "));
            assertThat(running, containsString("✓ visuals "));
            assertThat("one line per stage while it runs", count(running, "assembly"), is(1));
            assertThat(t.exitCode(RENDER), is(0));
            String screen = t.screen();
            for (String s : new String[] {"research", "director", "tts", "visuals", "assembly", "critic"}) {
                assertThat(screen, containsString("✓ " + s + " "));
                assertThat(s + " once", count(screen, "✓ " + s + " "), is(1));
            }
            assertThat(screen, containsString("Completed 6/6 stages in "));
            Matcher m = Pattern.compile("Video saved to: (shorts/1/\\S+/final\\.mp4)").matcher(screen);
            assertThat(screen, m.find(), is(true));
            assertThat(Files.size(dir.resolve(m.group(1))), greaterThan(100_000L));
        }
    }

    @Test
    void aPaidEstimateAsksAndNoCancels() throws Exception {
        // A paid image provider (its key given, its URL a closed local port) makes the estimate charge; the
        // pipeline's cost gate holds every paid call until the answer, and "n" ends the job before any.
        try (Tmux t = new Tmux(dir, "OPENAI_API_KEY=sk-test-not-real PROVIDERS_OPENAI_IMAGE_BASE_URL=http://127.0.0.1:9 "
                                    + reelflow() + " generate 'Tides' -i openai -o paid")) {
            String screen = t.await("Proceed with generation? [Y/n]", Duration.ofSeconds(60));
            assertThat(screen, containsString("Estimated cost: $"));
            assertThat(screen, containsString("AI images @ $0.167/ea"));
            t.type("n");
            assertThat(t.exitCode(Duration.ofSeconds(60)), is(1));
            assertThat(t.screen(), containsString("Cancelled: the estimated cost was not confirmed"));
        }
    }

    @Test
    void aUsageErrorIsOneLineAndExitCodeTwo() throws Exception {
        try (Tmux t = new Tmux(dir, reelflow() + " generate 'Tides' --pacing glacial")) {
            assertThat(t.exitCode(Duration.ofSeconds(60)), is(2));
            assertThat(t.screen(), containsString("reelflow: Unknown pacing tier: glacial. Available: fast, moderate, cinematic"));
        }
    }

    @Test
    void watchFollowsARealServersJob() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        try (TestServer server = TestServer.start(dir.resolve("jobs"), c -> FakeStages.create()
                .with(StageName.RESEARCH, ctx -> StageResult.complete("5 facts"))
                .with(StageName.TTS, FakeStages.blockUntil(gate, entered)).pipeline())) {
            String id = server.submit("{\"topic\":\"Tides\"}");
            assertThat(entered.await(10, TimeUnit.SECONDS), is(true));
            try (Tmux t = new Tmux(dir, reelflow() + " watch http://127.0.0.1:" + server.port() + " " + id)) {
                String screen = t.await("Watching job " + id, Duration.ofSeconds(60));
                t.await("✓ director", Duration.ofSeconds(10));
                Thread.sleep(1500);
                screen = t.screen();
                assertThat("tts is running, with its elapsed time", screen, containsString(" tts "));
                assertThat(screen, not(containsString("✓ tts")));
                gate.countDown();
                assertThat(t.exitCode(Duration.ofSeconds(60)), is(0));
                screen = t.screen();
                assertThat(screen, containsString("✓ tts "));
                assertThat(screen, containsString("✓ critic "));
                assertThat(screen, containsString("Completed 6/6 stages"));
            }
        }
    }

    private static int count(String screen, String word) {
        int n = 0;
        for (int i = screen.indexOf(word); i >= 0; i = screen.indexOf(word, i + 1)) {
            n++;
        }
        return n;
    }
}
