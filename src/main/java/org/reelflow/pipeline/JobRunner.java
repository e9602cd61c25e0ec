package org.reelflow.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.reelflow.jobs.Job;
import org.reelflow.jobs.JobExecutor;

/**
 * Runs one job as one structured scope: the pipeline is the scope's task, so a cancel interrupts it and every
 * child scope a stage opened, and the scope's close waits for all of them — no thread outlives the job. It then
 * sends the job's single terminal event.
 */
public final class JobRunner implements JobExecutor {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());
    private static final DateTimeFormatter RUN_DIR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss", Locale.ROOT);

    private final Pipeline pipeline;
    private final Function<String, Path> jobDir;
    private final Clock clock;

    public JobRunner(Pipeline pipeline, Function<String, Path> jobDir, Clock clock) {
        this.pipeline = pipeline;
        this.jobDir = jobDir;
        this.clock = clock;
    }

    @Override
    public void execute(Job job) {
        Scope scope = new Scope("job-" + job.id());
        job.onCancel(scope::cancel);
        Throwable failure = null;
        try (scope) {
            if (job.cancelRequested()) {
                scope.cancel();          // cancelled between leaving the queue and starting
            }
            StageContext ctx = new StageContext(job, job.request(), startRun(job), new Production());
            scope.fork(() -> {
                pipeline.run(ctx);
                return null;
            });
            scope.join();
        } catch (Throwable e) {
            failure = e;
        } finally {
            job.onCancel(null);
        }
        finish(job, failure);
    }

    /** Makes the run's folder and starts the job in it — unless it was cancelled before it began: it never ran. */
    private Path startRun(Job job) throws IOException {
        // One clock for the whole name (the reference mixes a UTC date with a local time).
        String name = RUN_DIR_TIME.format(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)) + "-" + slug(job.request().topic());
        Path dir = jobDir.apply(job.id()).resolve(name);
        Files.createDirectories(dir.resolve("assets"));
        synchronized (job) {
            if (!job.cancelRequested()) {
                job.start(name);
            }
        }
        return dir;
    }

    /** Topic lowercased, runs of other characters as one dash, at most 50 characters. */
    static String slug(String topic) {
        String s = topic.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 50) {
            s = s.substring(0, 50).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "job" : s;
    }

    /** Tells the job how its run ended; the job decides its end (a cancel asked for meanwhile wins). */
    private void finish(Job job, Throwable failure) {
        if (failure == null) {
            job.complete();
        } else if (isShutdown(failure) && !job.cancelRequested()) {
            // The server is stopping: leave the job as it is; start-up marks it "interrupted by restart".
            LOG.info("Job " + job.id() + " stopped by server shutdown");
            Thread.currentThread().interrupt();     // keep the worker's stop signal
        } else {
            if (!(failure instanceof StageFailedException) && !isShutdown(failure)) {
                LOG.log(Level.WARNING, "Job " + job.id() + " failed outside a stage", failure);
            }
            job.fail(Pipeline.messageOf(failure));
        }
    }

    private static boolean isShutdown(Throwable failure) {
        return failure instanceof InterruptedException || failure instanceof CancellationException;
    }
}
