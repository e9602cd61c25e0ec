package org.reelflow.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child program (ffmpeg, festival, pocketsphinx …) so that it never outlives the thread that waits for it:
 * an interrupt (a job's cancel) destroys the process and all its descendants before the wait returns.
 */
public final class ExternalProcess {

    /** What a finished program left behind. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private ExternalProcess() {
    }

    /**
     * Runs {@code command} in {@code workDir} (may be null), feeding {@code stdin} (may be null) and collecting
     * stdout and stderr together. Throws {@link InterruptedException} after killing the process if interrupted.
     */
    public static Result run(List<String> command, Path workDir, byte[] stdin) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        Process process = pb.start();
        try {
            StringBuilder out = new StringBuilder();
            Thread reader = Thread.ofVirtual().start(() -> drain(process.getInputStream(), out));
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            } catch (IOException e) {
                // The program closed its input early; its exit code tells what happened.
            }
            int code = process.waitFor();
            reader.join();
            synchronized (out) {
                return new Result(code, out.toString());
            }
        } finally {
            destroy(process);
        }
    }

    /** Kills a process and every descendant, waiting briefly so no zombie encoder is left behind. */
    public static void destroy(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether {@code program} is found on the PATH. */
    public static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static void drain(InputStream in, StringBuilder out) {
        try (in) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (out) {
                    if (out.length() < 1_000_000) {   // keep the tail of chatty tools bounded
                        out.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            // The process was killed (a cancel) and its pipe closed under us: the exit code tells the story.
        }
    }
}
