package org.reelflow.media;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child program (ffmpeg, festival, pocketsphinx …) so that it never outlives the thread that waits for it:
 * an interrupt (a job's cancel) destroys the process and all its descendants before the wait returns. Nor does it
 * outlive the server: every child is started through {@link #start}, which has the kernel kill it when the JVM
 * dies, even by {@code kill -9}, when nothing in Java gets to run.
 */
public final class ExternalProcess {

    private static final System.Logger LOG = System.getLogger(ExternalProcess.class.getName());

    /**
     * util-linux's setpriv sets the parent-death signal (prctl PR_SET_PDEATHSIG) and then execs the program in the
     * same process, so the kernel SIGKILLs the child as soon as its parent goes, however the parent went. Two gaps:
     * the signal is not inherited by the child's own children (none of ffmpeg, ffprobe, festival --batch or
     * pocketsphinx_continuous forks), and a JVM that dies between the fork and setpriv's prctl leaves that child.
     */
    private static final List<String> PARENT_DEATH_PREFIX = List.of("/usr/bin/setpriv", "--pdeathsig", "KILL", "--");

    /**
     * The one thread that starts every child. Linux counts the thread that forked a child as its "parent" for the
     * parent-death signal (prctl(2): it "is sent upon subsequent termination of the parent thread"), and Java forks
     * on the thread that calls {@link ProcessBuilder#start()}: a job's own thread ends when its stage does, and a
     * virtual thread forks on a ForkJoinPool carrier that is retired when idle. Either would SIGKILL a child that
     * is still working. This platform thread lives as long as the JVM: the executor keeps its only thread for good,
     * and a start that throws fails its Future, not the thread.
     */
    private static final ExecutorService LAUNCHER = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("reelflow-process-launcher").daemon().factory());

    /** Whether setpriv can be used: learnt by the first start, and only read or written on the launcher thread. */
    private static Boolean setprivUsable;

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
        Process process = start(pb);
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

    /**
     * Starts {@code builder}'s command so that it dies with this JVM: on the launcher thread, behind setpriv's
     * parent-death signal where setpriv is found. Like {@link ProcessBuilder#start()} it does not heed an interrupt
     * (the start takes milliseconds and a half-started child must not be lost); the interrupt stays set for the wait
     * that follows. The builder is left with the command it came with.
     */
    public static Process start(ProcessBuilder builder) throws IOException {
        List<String> command = builder.command();
        Future<Process> started = LAUNCHER.submit(() -> {
            if (!command.isEmpty() && parentDeathSignal() && resolves(command.getFirst(), builder.directory())) {
                List<String> guarded = new ArrayList<>(PARENT_DEATH_PREFIX);
                guarded.addAll(command);
                builder.command(guarded);
            }
            try {
                return builder.start();
            } finally {
                builder.command(command);
            }
        });
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return started.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    switch (e.getCause()) {
                        case IOException io -> throw new IOException(io.getMessage(), io);
                        case RuntimeException re -> throw re;
                        case Error err -> throw err;
                        default -> throw new IOException(e.getCause());
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Whether setpriv is here and knows --pdeathsig (util-linux 2.33 and later); asked once, by a plain start of
     * {@code setpriv --pdeathsig KILL -- true}. Without it children still die on cancel, just not with the JVM.
     */
    private static boolean parentDeathSignal() throws InterruptedException {
        if (setprivUsable == null) {
            boolean usable = false;
            if (Files.isExecutable(Path.of(PARENT_DEATH_PREFIX.getFirst()))) {
                try {
                    List<String> probe = new ArrayList<>(PARENT_DEATH_PREFIX);
                    probe.add("true");
                    Process p = new ProcessBuilder(probe).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                                         .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                    usable = p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
                    destroy(p);
                } catch (IOException e) {
                    // not runnable: the plain start below
                }
            }
            if (!usable) {
                LOG.log(System.Logger.Level.WARNING, "{0} --pdeathsig is not usable here: child processes (ffmpeg, "
                        + "festival …) can outlive this server if it is killed", PARENT_DEATH_PREFIX.getFirst());
            }
            setprivUsable = usable;
        }
        return setprivUsable;
    }

    /**
     * Whether {@code program} names an executable the way the start would find it. A program that does not is started
     * plainly, so it fails with ProcessBuilder's own IOException rather than as a child that exits 127 under setpriv.
     */
    private static boolean resolves(String program, File directory) {
        if (!program.contains("/")) {
            return onPath(program);
        }
        Path path = Path.of(program);
        if (!path.isAbsolute() && directory != null) {
            path = directory.toPath().resolve(path);
        }
        return Files.isExecutable(path);
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
