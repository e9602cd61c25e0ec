package org.reelflow.jobs;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.reelflow.events.EventLog;
import org.reelflow.events.JobEvent;
import org.reelflow.events.ListenerRegistry;

/**
 * The jobs of this server: submission, lookup, listing, cancel, delete, start-up recovery and pruning.
 * Each job's state lives in its {@link Job}; this class only finds jobs and moves them between queue and runner.
 */
public final class JobService {

    private static final Logger LOG = Logger.getLogger(JobService.class.getName());

    public static final String INTERRUPTED = "interrupted by restart";

    /** How a cancel request ended. */
    public enum CancelOutcome { CANCELLED, ALREADY_COMPLETED, ALREADY_FAILED, ALREADY_CANCELLED }

    /** How a delete request ended. */
    public enum DeleteOutcome { DELETED, ACTIVE }

    private final JobStore store;
    private final EventLog log;
    private final ListenerRegistry registry;
    private final JobQueue queue;
    private final Clock clock;
    private final int maxFinishedJobs;
    private final Duration cancelWait;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    /** Job folders whose meta.json cannot be read: listed as {@code status: unknown}, never run. */
    private final Set<String> damaged = ConcurrentHashMap.newKeySet();

    public JobService(JobStore store, EventLog log, ListenerRegistry registry, JobQueue queue, Clock clock,
                      int maxFinishedJobs, Duration cancelWait) {
        this.store = store;
        this.log = log;
        this.registry = registry;
        this.queue = queue;
        this.clock = clock;
        this.maxFinishedJobs = maxFinishedJobs;
        this.cancelWait = cancelWait;
    }

    /**
     * Loads the stored jobs: a record the crash left behind its log is brought level with it first, then a job that
     * was running is marked failed and a queued one goes back in the queue. A folder with request.json but no
     * meta.json (a crash inside {@link #submit}, before its 201) is not listed: nobody was given that id.
     */
    public void recover() throws IOException {
        List<Job> requeue = new ArrayList<>();
        for (String id : store.ids()) {
            try {
                JobRecord stored = store.load(id).orElseThrow();
                List<JobEvent> events = log.read(id);
                JobRecord record = rebuilt(stored, events);
                JobRequest request = store.loadRequest(id).orElse(null);
                Job job = new Job(record, events, request == null ? placeholder(record) : request, store, log,
                                  registry, clock);
                String reconciled = job.reconcile();
                if (reconciled != null) {
                    LOG.info("Job " + id + ": " + reconciled);
                }
                JobStatus status = job.status();
                if (status == JobStatus.RUNNING || (status == JobStatus.QUEUED && request == null)) {
                    job.failAfterCrash(INTERRUPTED);
                } else if (status == JobStatus.QUEUED) {
                    requeue.add(job);
                }
                jobs.put(id, job);      // last: a job that fails to load is listed once, as damaged
            } catch (IOException | RuntimeException e) {
                damaged.add(id);
                LOG.log(Level.WARNING, "Job " + id + " cannot be loaded: " + e.getMessage());
            }
        }
        requeue.sort(Comparator.comparing((Job j) -> j.read(JobRecord::createdAt)).thenComparing(JobService::numericId));
        requeue.forEach(j -> queue.add(j.id()));
    }

    /**
     * meta.json is a cache of the log's fold: {@link Job#emit} appends an event before it saves meta.json, so a crash
     * between the two leaves the record one event behind. Fold the log again and save it when it differs. A log of
     * an older version cannot rebuild its record; {@link Job#reconcile} levels the one gap that matters there.
     */
    private JobRecord rebuilt(JobRecord stored, List<JobEvent> events) throws IOException {
        if (!JobRecord.foldable(events)) {
            return stored;
        }
        JobRecord folded = JobRecord.fold(stored, events);
        if (!folded.toJson().equals(stored.toJson())) {
            LOG.info("Job " + stored.id() + ": meta.json was behind its event log (a crash between the two writes);"
                     + " rebuilt it from the log");
            store.save(folded);
        }
        return folded;
    }

    private static JobRequest placeholder(JobRecord record) {
        return new JobRequest(record.topic(), null, null, "youtube", false, false, false, null, null, null, null, null);
    }

    /** Stores a new job and queues it. */
    public Job submit(JobRequest request) throws IOException {
        String id = store.nextId();
        JobRecord record = JobRecord.create(id, request, clock.instant());
        store.saveRequest(id, request);
        store.save(record);
        Job job = new Job(record, List.of(), request, store, log, registry, clock);
        jobs.put(id, job);
        queue.add(id);
        return job;
    }

    public Optional<Job> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Every job's record, newest first, with the damaged ones as {@code {id, status: "unknown"}}. */
    public List<JsonObject> list() {
        List<Job> all = new ArrayList<>(jobs.values());
        all.sort(Comparator.comparing((Job j) -> j.read(JobRecord::createdAt)).thenComparing(JobService::numericId)
                         .reversed());
        List<JsonObject> out = new ArrayList<>(all.size() + damaged.size());
        all.forEach(j -> out.add(j.json()));
        damaged.stream().sorted().forEach(id -> out.add(Json.createObjectBuilder().add("id", id)
                                                            .add("status", "unknown").build()));
        return out;
    }

    /** Jobs by status, for the stats route. */
    public List<Job> all() {
        return List.copyOf(jobs.values());
    }

    /**
     * Cancels a queued or running job. A queued job ends at once; a running one is interrupted — this waits a
     * while for it to end so the caller sees the final state.
     */
    public Optional<CancelOutcome> cancel(String id) throws InterruptedException {
        Job job = jobs.get(id);
        if (job == null) {
            return Optional.empty();
        }
        JobStatus before = job.requestCancel();
        switch (before) {
            case COMPLETED -> { return Optional.of(CancelOutcome.ALREADY_COMPLETED); }
            case FAILED -> { return Optional.of(CancelOutcome.ALREADY_FAILED); }
            case CANCELLED -> { return Optional.of(CancelOutcome.ALREADY_CANCELLED); }
            default -> { }
        }
        if (queue.remove(id)) {
            job.cancelQueued();
        } else {
            job.interrupt();      // a worker that took it but has not started checks the flag itself
            if (!job.awaitEnd(cancelWait)) {
                LOG.warning("Job " + id + " did not stop within " + cancelWait + " of its cancel");
            }
        }
        return Optional.of(CancelOutcome.CANCELLED);
    }

    /** Deletes a finished job and its files; an active one is refused. */
    public Optional<DeleteOutcome> delete(String id) throws IOException {
        Job job = jobs.get(id);
        if (job == null) {
            if (damaged.remove(id)) {
                store.delete(id);
                return Optional.of(DeleteOutcome.DELETED);
            }
            return Optional.empty();
        }
        if (!job.status().finished()) {
            return Optional.of(DeleteOutcome.ACTIVE);
        }
        jobs.remove(id);
        log.delete(id);
        store.delete(id);
        return Optional.of(DeleteOutcome.DELETED);
    }

    /** Removes the oldest finished jobs beyond {@code jobs.max} (0 = keep all). */
    public void prune() {
        if (maxFinishedJobs <= 0) {
            return;
        }
        List<Job> finished = new ArrayList<>(jobs.values().stream().filter(j -> j.status().finished()).toList());
        if (finished.size() <= maxFinishedJobs) {
            return;
        }
        finished.sort(Comparator.comparing((Job j) -> j.read(JobRecord::createdAt)).thenComparing(JobService::numericId));
        for (Job old : finished.subList(0, finished.size() - maxFinishedJobs)) {
            try {
                delete(old.id());
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot prune job " + old.id() + ": " + e.getMessage());
            }
        }
    }

    /** Takes the next queued job and runs it on the calling thread (a worker's loop body). */
    public void runNext(JobExecutor executor) throws InterruptedException {
        String id = queue.take();
        Job job = jobs.get(id);
        if (job == null || job.status().finished()) {
            return;         // deleted or cancelled while it waited
        }
        executor.execute(job);
        prune();
    }

    public int queued() {
        return queue.size();
    }

    private static long numericId(Job j) {
        try {
            return Long.parseLong(j.id());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
