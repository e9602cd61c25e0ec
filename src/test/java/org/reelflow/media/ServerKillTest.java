package org.reelflow.media;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.reelflow.media.voice.RequiredTools;

/** A server killed with {@code kill -9} runs no Java on its way out; its children must die all the same. */
class ServerKillTest {

    @Test
    void killNineOfTheServerKillsItsFfmpegWithinASecond() throws Exception {
        RequiredTools.require("ffmpeg");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                                            ServerStandIn.class.getName()).redirectErrorStream(true).start();
        ProcessHandle child = null;
        try {
            String line = CompletableFuture.supplyAsync(() -> childLine(server)).get(60, TimeUnit.SECONDS);
            assertThat("the stand-in named its ffmpeg", line, startsWith("child "));
            child = ProcessHandle.of(Long.parseLong(line.substring(6).strip())).orElseThrow();
            assertThat(child.info().command().orElse(""), endsWith("/ffmpeg"));
            assertThat(child.parent().map(ProcessHandle::pid).orElse(-1L), is(server.pid()));

            long t0 = System.nanoTime();
            server.destroyForcibly();   // SIGKILL: no shutdown hook or finally block runs in the stand-in
            long goneMillis = -1;
            while (System.nanoTime() - t0 < 1_000_000_000L) {
                if (!running(child)) {
                    goneMillis = (System.nanoTime() - t0) / 1_000_000;
                    break;
                }
                Thread.sleep(2);
            }
            System.out.println("ffmpeg " + child.pid() + " gone " + goneMillis + " ms after kill -9 of its JVM");
            assertThat("ms until ffmpeg was gone (-1: still running after 1 s, so a restart would find it)",
                       goneMillis, allOf(greaterThanOrEqualTo(0L), lessThan(1_000L)));
        } finally {
            server.destroyForcibly();
            if (child != null) {
                child.destroyForcibly();
            }
        }
    }

    /**
     * Whether the process still runs. A killed orphan stays a zombie until its new parent reaps it, and
     * {@link ProcessHandle#isAlive()} counts zombies as alive: where pid 1 does not reap (some containers) it would
     * be one forever. A zombie has no memory, files or CPU left, only its exit status; Linux marks it Z in its stat.
     */
    private static boolean running(ProcessHandle process) throws IOException {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** The stand-in's {@code child <pid>} line, echoing anything else it says (a stack trace) to stderr. */
    private static String childLine(Process server) {
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(),
                                                                          StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("child ")) {
                System.err.println("stand-in: " + line);
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
