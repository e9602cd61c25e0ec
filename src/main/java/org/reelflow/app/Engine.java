package org.reelflow.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;

import jakarta.json.JsonString;

import org.reelflow.events.FileEventLog;
import org.reelflow.events.JobEvent;
import org.reelflow.events.ListenerRegistry;
import org.reelflow.jobs.FifoJobQueue;
import org.reelflow.jobs.FileJobStore;
import org.reelflow.jobs.Job;
import org.reelflow.jobs.JobRequest;
import org.reelflow.jobs.JobService;
import org.reelflow.jobs.JobWorkers;
import org.reelflow.pipeline.JobRunner;
import org.reelflow.pipeline.Pipeline;

/**
 * Reelflow without HTTP: the job store and event log in the jobs folder, the queue, the workers that run the
 * pipeline, and the registry of event listeners. The {@link Server} puts the API in front of it; the CLI's
 * {@code generate} and a JDK 21 application use it directly:
 * <pre>{@code
 * try (Engine engine = Engine.start(ReelflowConfig.load(), StandardStages::create, System::getenv)) {
 *     Job job = engine.submit(request);
 *     BlockingQueue<JobEvent> events = new LinkedBlockingQueue<>();
 *     engine.subscribe(job.id(), events);
 *     ...
 * }
 * }</pre>
 */
public final class Engine implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Engine.class.getName());

    private final Settings settings;
    private final Services services;
    private final FileJobStore store;
    private final ListenerRegistry registry;
    private final JobService jobs;
    private final JobWorkers workers;

    private Engine(ReelflowConfig config, Function<Services, Pipeline> pipeline, Function<String, String> env) {
        this.settings = config.settings();
        this.services = Services.create(config, env);
        try {
            this.store = new FileJobStore(settings.jobsDir());
            this.registry = new ListenerRegistry(settings.queueCapacity());
            this.jobs = new JobService(store, new FileEventLog(store::jobDir), registry, new FifoJobQueue(),
                                       Clock.systemUTC(), settings.maxJobs(), settings.cancelWait());
            // Recovery before the workers: a job that was queued when the process stopped goes back in the queue.
            jobs.recover();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the jobs folder " + settings.jobsDir() + ": " + e.getMessage(), e);
        }
        JobRunner runner = new JobRunner(pipeline.apply(services), store::jobDir, Clock.systemUTC());
        this.workers = new JobWorkers(jobs, runner, settings.concurrency());
        LOG.info("Reelflow engine running " + settings.concurrency() + " worker(s) on jobs in "
                 + settings.jobsDir().toAbsolutePath());
    }

    /**
     * Opens the jobs folder, recovers its jobs and starts the workers.
     *
     * @param pipeline builds the pipeline; {@link StandardStages#create} in production, fakes in tests
     * @param env      where API keys come from ({@code System::getenv})
     */
    public static Engine start(ReelflowConfig config, Function<Services, Pipeline> pipeline, Function<String, String> env) {
        return new Engine(config, pipeline, env);
    }

    /** Stores the job and queues it; its first event is already recorded when this returns. */
    public Job submit(JobRequest request) throws IOException {
        return jobs.submit(request);
    }

    public Optional<Job> find(String id) {
        return jobs.find(id);
    }

    /** Cancels a queued or running job and waits a while for it to end; empty when there is no such job. */
    public Optional<JobService.CancelOutcome> cancel(String id) throws InterruptedException {
        return jobs.cancel(id);
    }

    /** The finished video of a completed job; empty while it runs, or when it made none (a dry run, a failure). */
    public Optional<Path> video(Job job) {
        return job.read(r -> r.result("videoPath")) instanceof JsonString path
                ? Optional.of(jobDir(job.id()).resolve(path.getString()).normalize())
                : Optional.empty();
    }

    /** Follows one job's events from its first, pulling them one at a time. */
    public JobFeed follow(Job job) {
        return new JobFeed(job, registry);
    }

    /**
     * Copies one job's events, from its first, into {@code queue} until its terminal event or until the engine
     * closes. The copying runs on a virtual thread, returned so the caller can stop it early by interrupting it.
     */
    public Thread subscribe(String jobId, BlockingQueue<? super JobEvent> queue) {
        Job job = jobs.find(jobId).orElseThrow(() -> new IllegalArgumentException("no job " + jobId));
        JobFeed feed = follow(job);
        return Thread.ofVirtual().name("reelflow-subscriber-" + jobId).start(() -> {
            try (feed) {
                while (true) {
                    JobEvent e = feed.poll(1, TimeUnit.SECONDS);
                    if (e != null) {
                        queue.put(e);
                        if (e.terminal()) {
                            return;
                        }
                    }
                }
            } catch (InterruptedException | JobFeed.ClosedException e) {
                // stopped by the caller or by close(): nothing more to copy
            }
        });
    }

    /** The jobs, for the API. */
    public JobService jobs() {
        return jobs;
    }

    /** Who listens to which job: the API's event streams subscribe here. */
    public ListenerRegistry registry() {
        return registry;
    }

    public Services services() {
        return services;
    }

    public Settings settings() {
        return settings;
    }

    /** The jobs folder. */
    public Path jobsDir() {
        return store.root();
    }

    /** The folder of one job (its meta.json, events.jsonl and run folder). */
    public Path jobDir(String id) {
        return store.jobDir(id);
    }

    /**
     * Ends every subscription (its reader sees the engine closing, not a lost job), then stops the workers. A job
     * that was running stays "running" on disk and is dealt with by the recovery at the next start.
     */
    @Override
    public void close() {
        registry.closeAll();
        try {
            workers.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
