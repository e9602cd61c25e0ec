package org.reelflow.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.reelflow.app.Engine;
import org.reelflow.app.ReelflowConfig;
import org.reelflow.app.Services;
import org.reelflow.catalog.Archetypes;
import org.reelflow.catalog.Platforms;
import org.reelflow.events.StageEvent;
import org.reelflow.jobs.Job;
import org.reelflow.jobs.JobRequest;
import org.reelflow.pipeline.CostGate;
import org.reelflow.pipeline.Pipeline;
import org.reelflow.score.ScoreVocabulary;

/**
 * {@code reelflow generate "topic"}: runs one job in this process and shows its progress.
 *
 * <p>The job runs on the server's own {@link Engine}, in this process and without HTTP, whose jobs folder is the
 * output folder: a run leaves exactly what the server leaves ({@code <output>/<id>/meta.json},
 * {@code events.jsonl}, the run folder with {@code final.mp4}), so {@code JOBS_DIR=<output> reelflow serve} can
 * show it later.
 */
public final class GenerateCommand {

    static final String LOCK_FILE = ".reelflow.lock";
    static final String LOG_FILE = "reelflow.log";

    private final Terminal term;
    private final BiFunction<Services, CostGate, Pipeline> pipeline;
    /** The person's answer to the cost estimate; the pipeline's cost gate waits for it before spending. */
    private final CompletableFuture<Boolean> costApproved = new CompletableFuture<>();
    private final Function<String, String> env;
    private final boolean ownLogging;

    /**
     * @param pipeline   the stages with a cost gate ({@code StandardStages::create}; tests give fakes)
     * @param env        where API keys come from
     * @param ownLogging send java.util.logging to {@code <output>/reelflow.log} (the real CLI; not in tests)
     */
    public GenerateCommand(Terminal term, BiFunction<Services, CostGate, Pipeline> pipeline, Function<String, String> env,
                           boolean ownLogging) {
        this.term = term;
        this.pipeline = pipeline;
        this.env = env;
        this.ownLogging = ownLogging;
    }

    public int run(GenerateArgs args) throws UsageException, InterruptedException {
        if (args.help()) {
            term.out().print(Cli.generateHelp());
            return Cli.OK;
        }
        GenerateRequest.Result built = GenerateRequest.build(args, Archetypes.load(), Platforms.load());
        JobRequest request = built.request();
        built.warnings().forEach(w -> term.err().println("Warning: " + w));

        Path output = Path.of(args.output());
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            return fail("Cannot create the output folder " + output + ": " + GenerateRequest.oneLine(e.getMessage()));
        }
        try (FileChannel lockChannel = FileChannel.open(output.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                                                        StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                return fail("Another reelflow generate is using " + output + "; wait for it or choose another --output");
            }
            if (ownLogging) {
                logTo(output.resolve(LOG_FILE));
            }
            return runJob(args, request, output);
        } catch (IOException e) {
            return fail("Cannot use the output folder " + output + ": " + GenerateRequest.oneLine(e.getMessage()));
        }
    }

    private int runJob(GenerateArgs args, JobRequest request, Path output) throws InterruptedException {
        Engine engine;
        try {
            engine = Engine.start(config(output), services -> pipeline.apply(services, (j, estimate) -> awaitApproval()),
                                  env);
        } catch (RuntimeException e) {
            return fail("Cannot start the pipeline: " + GenerateRequest.oneLine(e.getMessage()));
        }
        AtomicBoolean finished = new AtomicBoolean();
        ProgressDisplay display = new ProgressDisplay(term.out(), term.style(), term.nanos());
        Job job;
        try {
            job = engine.submit(request);
        } catch (IOException e) {
            engine.close();
            return fail("Cannot store the job in " + output + ": " + GenerateRequest.oneLine(e.getMessage()));
        }
        Thread hook = new Thread(() -> interrupted(engine, job, display, finished), "reelflow-cli-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try (LocalFeed feed = new LocalFeed(engine.follow(job))) {
            display.message(header(request, job, output));
            Outcome outcome = follow(feed, display, engine, job, request, args);
            display.close();
            finished.set(true);
            return report(outcome, display, job, output, request);
        } catch (IOException e) {
            display.close();
            finished.set(true);
            return fail("Lost the job's events: " + e.getMessage());
        } finally {
            finished.set(true);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook does the rest
            }
            engine.close();
        }
    }

    /** Why the CLI itself ended the job, if it did. */
    private record Outcome(String stoppedBecause) {
    }

    private Outcome follow(EventFeed feed, ProgressDisplay display, Engine engine, Job job, JobRequest request,
                           GenerateArgs args) throws InterruptedException, IOException {
        String stoppedBecause = null;
        while (true) {
            StreamEvent e = feed.poll(100);
            if (e == null) {
                display.redraw();
                continue;
            }
            display.apply(e);
            if (e.event() instanceof StageEvent.CostEstimate cost && stoppedBecause == null) {
                stoppedBecause = confirmCost(cost.estimate(), display, engine, job, request, args);
                costApproved.complete(stoppedBecause == null);
            }
            if (e.terminal()) {
                return new Outcome(stoppedBecause);
            }
        }
    }

    /**
     * Shows the estimate and decides: free runs go on without a question; a cap that the estimate exceeds stops
     * the job; otherwise the person confirms unless {@code --yes} or standard input is not a terminal.
     *
     * <p>The pipeline's cost gate waits for this answer, so nothing is spent before a "yes".
     *
     * @return why the job was stopped, or null when it goes on
     */
    private String confirmCost(JsonObject estimate, ProgressDisplay display, Engine engine, Job job,
                               JobRequest request, GenerateArgs args) throws InterruptedException {
        if (estimate == null) {
            return null;
        }
        double total = CostFormat.total(estimate);
        if (total <= 0) {
            display.message("Estimated cost: $0.000 — free: every provider of this run works offline, nothing to confirm");
            return null;
        }
        int stock = (int) scenesOf(job).stream().filter(t -> t.startsWith("stock_")).count();
        List<String> lines = new ArrayList<>(CostFormat.lines(estimate, CostFormat.perImage(request.providers().image()), stock));
        Double cap = request.maxCostUsd();
        if (cap != null && total > cap) {
            String why = "Estimated cost $" + CostFormat.f3(total) + " exceeds --max-cost $" + CostFormat.f3(cap);
            display.message(lines);
            cancel(engine, job);
            return why;
        }
        if (args.yes() || !term.stdinIsTerminal()) {
            lines.add(args.yes() ? "Proceeding (--yes)." : "Proceeding (standard input is not a terminal).");
            display.message(lines);
            return null;
        }
        display.ask(lines, "Proceed with generation? [Y/n] ");
        String answer;
        try {
            answer = term.in().readLine();
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null) {
            term.out().println();
        }
        String a = answer == null ? "n" : answer.trim().toLowerCase(Locale.ROOT);
        if (a.isEmpty() || a.equals("y") || a.equals("yes")) {
            display.redraw();
            return null;
        }
        display.message("Cancelling: the estimated cost was not confirmed.");
        cancel(engine, job);
        return "the estimated cost was not confirmed";
    }

    /** The cost gate's side: blocks the pipeline until the person (or --yes) has answered. */
    private boolean awaitApproval() throws InterruptedException {
        try {
            return costApproved.get();
        } catch (ExecutionException e) {
            return false;
        }
    }

    private static List<String> scenesOf(Job job) {
        return job.read(r -> r.result("score")) instanceof JsonObject score && score.get("scenes") != null
                ? score.getJsonArray("scenes").getValuesAs(JsonObject.class).stream()
                       .map(s -> s.getString("visual_type", "")).toList()
                : List.of();
    }

    /** Cancels on another thread: the event loop keeps drawing until the job's terminal event arrives. */
    private static void cancel(Engine engine, Job job) {
        Thread.ofVirtual().name("reelflow-cli-cancel").start(() -> {
            try {
                engine.cancel(job.id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private int report(Outcome outcome, ProgressDisplay display, Job job, Path output, JobRequest request) {
        term.out().println();
        term.out().println(display.summary());
        Path jobDir = output.resolve(job.id());
        if (display.completed()) {
            String runDir = text(job.read(r -> r.result("runDir")));
            String video = text(job.read(r -> r.result("videoPath")));
            if (video != null) {
                term.out().println("Done! Video saved to: " + jobDir.resolve(video).normalize());
            } else if (request.dryRun() && runDir != null) {
                term.out().println("Dry run complete. DirectorScore saved to: "
                                   + jobDir.resolve(runDir).resolve("score.json").normalize());
            } else {
                term.out().println("Done (no video was produced). Job folder: " + jobDir.normalize());
            }
            return Cli.OK;
        }
        if (outcome.stoppedBecause() != null) {
            term.err().println("Cancelled: " + outcome.stoppedBecause());
        } else {
            term.err().println("Pipeline failed: " + GenerateRequest.oneLine(display.failure()));
        }
        if (ownLogging) {
            term.err().println("Details: " + output.resolve(LOG_FILE).normalize() + " and " + jobDir.resolve("events.jsonl").normalize());
        }
        return Cli.FAILED;
    }

    private static String text(jakarta.json.JsonValue v) {
        return v instanceof JsonString s ? s.getString() : null;
    }

    private List<String> header(JobRequest request, Job job, Path output) {
        List<String> notes = new ArrayList<>();
        if (request.dryRun()) {
            notes.add("dry run");
        }
        if (request.archetype() != null) {
            notes.add(request.archetype());
        }
        if (request.pacing() != null) {
            notes.add(request.pacing() + " pacing");
        }
        notes.add(request.platform());
        if (request.replay()) {
            notes.add("replaying a score");
        }
        if (request.noMusic()) {
            notes.add("no music");
        }
        return List.of("Generating \"" + request.topic() + "\" (" + String.join(", ", notes) + ") — job " + job.id()
                       + " in " + output.resolve(job.id()).normalize());
    }

    /** Ctrl-C: cancel the job so no process outlives us, give the cursor back, stop the pipeline. */
    private void interrupted(Engine engine, Job job, ProgressDisplay display, AtomicBoolean finished) {
        if (finished.getAndSet(true)) {
            return;
        }
        try {
            if (!job.status().finished()) {
                engine.cancel(job.id());
            }
        } catch (InterruptedException | RuntimeException e) {
            // shutting down anyway
        }
        if (term.style().ansi()) {
            term.out().print(ProgressDisplay.showCursor());
        }
        term.err().println();
        term.err().println("Interrupted: job " + job.id() + " cancelled");
        term.out().flush();
        engine.close();
    }

    private int fail(String message) {
        term.err().println(message);
        return Cli.FAILED;
    }

    /**
     * The server's configuration with the CLI's own on top: the output folder as the jobs folder, one job at a
     * time. The CLI's settings win over environment variables (a {@code JOBS_DIR} meant for a server must not move
     * a CLI run); other settings still come from them.
     */
    static ReelflowConfig config(Path output) {
        return ReelflowConfig.load(Map.of("jobs.dir", output.toString(), "jobs.concurrency", "1", "jobs.max", "0"));
    }

    /** Log records go to a file in the output folder: on the terminal they would tear the progress display. */
    private static void logTo(Path file) throws IOException {
        System.setProperty("java.util.logging.SimpleFormatter.format",
                           "%1$tY-%1$tm-%1$tdT%1$tH:%1$tM:%1$tS.%1$tL %4$s %3$s: %5$s%6$s%n");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        FileHandler handler = new FileHandler(file.toString(), true);
        handler.setFormatter(new SimpleFormatter());
        root.addHandler(handler);
        root.setLevel(Level.INFO);
        HELIDON.setLevel(Level.WARNING);
    }

    /** Held so the level set on it is not lost when the logger is collected. */
    private static final Logger HELIDON = Logger.getLogger("io.helidon");
}
