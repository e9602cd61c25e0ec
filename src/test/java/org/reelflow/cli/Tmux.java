package org.reelflow.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A command run in a real pseudo-terminal, read as a person reads it: a detached tmux session on a private
 * socket, keys sent with {@code send-keys}, the screen read with {@code capture-pane}. The command's exit code is
 * printed after it ({@code EXIT=n}) and the pane stays open to be read.
 */
final class Tmux implements AutoCloseable {

    private final String socket = "reelflow-cli-test-" + UUID.randomUUID().toString().substring(0, 8);
    private final String session = "t";

    static boolean available() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Starts {@code command} (a shell line) in {@code dir} on a 110×40 terminal. */
    Tmux(Path dir, String command) throws IOException, InterruptedException {
        Path script = dir.resolve("run-" + socket + ".sh");
        Files.writeString(script, "cd '" + dir + "'\nexport LANG=C.UTF-8\n" + command + "\necho EXIT=$?\nsleep 3600\n",
                          StandardCharsets.UTF_8);
        tmux("new-session", "-d", "-s", session, "-x", "110", "-y", "40", "bash " + script);
    }

    /** The screen as shown now, trailing blank lines removed. */
    String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-t", session).stripTrailing();
    }

    /** Waits until the screen contains {@code text}; returns the screen. */
    String await(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String screen;
        do {
            screen = screen();
            if (screen.contains(text)) {
                return screen;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the screen never showed '" + text + "' within " + timeout + ":\n" + screen);
    }

    void type(String keys) throws IOException, InterruptedException {
        tmux("send-keys", "-t", session, keys, "Enter");
    }

    /** The exit code printed after the command, once it ended. */
    int exitCode(Duration timeout) throws IOException, InterruptedException {
        String screen = await("EXIT=", timeout);
        String after = screen.substring(screen.lastIndexOf("EXIT=") + 5).strip();
        return Integer.parseInt(after.split("\\s")[0]);
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    /** Ends this test's own tmux server (its private socket), and with it the command. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            tmux("kill-server");
        } catch (IOException e) {
            // already gone
        }
    }
}
