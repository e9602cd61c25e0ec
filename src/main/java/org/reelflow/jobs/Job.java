package org.reelflow.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.reelflow.events.Event;
import org.reelflow.events.EventLog;
import org.reelflow.events.JobEvent;
import org.reelflow.events.ListenerRegistry;

/**
 * The single owner of one job's record and event log. Every change goes through here under one lock: fold the
 * event into the record, append it to the log, save meta.json, publish to subscribers. Because nothing else
 * writes the record, a cancel flag can never be clobbered, and because a subscriber registers before it opens
 * the stream under the same lock, the snapshot and the events after it meet with no gap and no duplicate.
 */
public final class Job {

    private final JobRecord record;
    private final List<JobEvent> events;
    private final JobStore store;
    private final EventLog log;
    private final ListenerRegistry registry;
    private final Clock clock;
    private JobRequest request;
    /** Interrupts the job's running scope; set by the runner while the job runs. */
    private volatile Runnable canceller;
    private final java.util.concurrent.CountDownLatch ended;

    Job(JobRecord record, List<JobEvent> events, JobRequest request, JobStore store, EventLog log,
        ListenerRegistry registry, Clock clock) {
        this.record = record;
        this.events = new ArrayList<>(events);
        boolean finished = !events.isEmpty() && events.getLast().terminal();
        this.request = finished ? request.withoutKeys() : request;     // nothing runs after the end: no keys
        this.store = store;
        this.log = log;
        this.registry = registry;
        this.clock = clock;
        this.ended = new java.util.concurrent.CountDownLatch(finished ? 0 : 1);
    }

    public String id() {
        return record.id();
    }

    /** The submission; holds the BYOK keys only while the job can still run. */
    public synchronized JobRequest request() {
        return request;
    }

    public synchronized JobStatus status() {
        return record.status();
    }

    public synchronized boolean cancelRequested() {
        return record.cancelRequested();
    }

    /** Reads the record consistently. */
    public synchronized <T> T read(Function<JobRecord, T> reader) {
        return reader.apply(record);
    }

    /** The record as JSON (meta.json). */
    public synchronized JsonObject json() {
        return record.toJson();
    }

    /** Id of the newest event; 0 before the first. */
    public synchronized long lastEventId() {
        return events.isEmpty() ? 0 : events.getLast().id();
    }

    /** Every event so far, in order. */
    public synchronized List<JobEvent> events() {
        return List.copyOf(events);
    }

    /**
     * Records and publishes one event of the job's run. Not its end: only the job ends itself ({@link #complete},
     * {@link #fail}, a cancel), so that the end is decided in one place, under its lock, exactly once.
     *
     * @throws UncheckedIOException when the record or the log cannot be written (the job then fails)
     */
    public synchronized JobEvent emit(Event event) {
        if (event.terminal()) {
            throw new IllegalArgumentException("a job ends through its own verbs, not with " + event);
        }
        return emit(lastEventId() + 1, event);
    }

    /** The one terminal payload of a cancel, whichever path it takes. */
    public static final Event.JobFailed CANCELLED = new Event.JobFailed("Cancelled by user", true);

    /** The run finished with its video: the job completes — or ends cancelled, if a cancel came first. */
    public synchronized void complete() {
        end(new Event.JobCompleted());
    }

    /** The run failed: the job fails with {@code error} — or ends cancelled, if a cancel came first. */
    public synchronized void fail(String error) {
        end(new Event.JobFailed(error, false));
    }

    /** A cancel took the job out of the queue: it ends cancelled without having run. */
    synchronized void cancelQueued() {
        end(CANCELLED);
    }

    /**
     * Exactly one terminal event per job, decided under its lock so a late cancel cannot race it. A cancel sends only
     * the terminal event, as OpenReels: no stage error for the stage it stopped. The terminal event also drops the
     * BYOK keys: nothing runs after it.
     */
    private void end(Event end) {
        if (!record.status().finished()) {
            emit(lastEventId() + 1, record.cancelRequested() ? CANCELLED : end);
        }
    }

    /**
     * Start-up only: ends a job that the restart interrupted, skipping one id. The event being persisted when the
     * process died may have reached a client without reaching the log; a client resuming from that id must still
     * be replayed this one, not be told the stream is complete.
     */
    synchronized void failAfterCrash(String error) {
        emit(lastEventId() + 2, new Event.JobFailed(error, false));
    }

    private JobEvent emit(long id, Event typed) {
        if (!events.isEmpty() && events.getLast().terminal()) {
            throw new IllegalStateException("job " + id() + " has ended; cannot emit " + typed);
        }
        JobEvent event = JobEvent.of(id, typed, clock.instant());
        record.apply(typed, event.at());
        events.add(event);
        if (event.terminal()) {
            request = request.withoutKeys();
            ended.countDown();
        }
        // Subscribers first, disk second (still under the lock, so files keep the order): the fsyncs cost
        // milliseconds that no watcher should wait for. A resume is served from memory, so nothing is missed.
        // Not the terminal event: a crash before it reaches the log would turn a job:completed that a client was
        // shown into "interrupted by restart". It goes out once persisted (or once persisting failed: the job has
        // ended in memory all the same, and its streams must end).
        if (!event.terminal()) {
            registry.publish(id(), event);
        }
        try {
            log.append(id(), event);
            store.save(record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot persist job " + id() + ": " + e.getMessage(), e);
        } finally {
            if (event.terminal()) {
                registry.publish(id(), event);
            }
        }
        return event;
    }

    /**
     * Start-up only, for a job whose log an older version wrote (a newer one's record is rebuilt from its log by
     * {@link JobService#recover}): levels the record with the log. {@link #emit} appends an event before it saves
     * meta.json, so a crash between the two leaves the log one event ahead; when that event is the terminal one, the
     * record would say running (or queued) forever and the job could never be deleted. Fold it in and save. The job
     * ended when its log was last written, not now, so that is its completedAt. A missing non-terminal event only
     * leaves a stage one step behind (and the job is then ended as interrupted): such a record cannot be rebuilt
     * from its log, so it is left alone.
     *
     * @return what was changed, for the start-up log; null when the record already agreed with the log
     */
    synchronized String reconcile() throws IOException {
        if (events.isEmpty() || !events.getLast().terminal() || record.status().finished()) {
            return null;
        }
        JobEvent end = events.getLast();
        String before = record.status().key();
        // A log of an older version does not date its events: it ended when it was last written.
        record.apply(end.event(), end.at() != null ? end.at() : log.lastAppended(id()).orElseGet(clock::instant));
        request = request.withoutKeys();
        store.save(record);
        return "the record said " + before + " but the event log ends in " + end.name()
                + " (a crash between the two writes); took the end from the log";
    }

    /** The runner took the job: it is running, in the run folder {@code runDir} (a name under the job's folder). */
    public synchronized void start(String runDir) {
        emit(new Event.JobStarted(runDir));
    }

    /** Records what the job produced under {@code field} of its record (words, videoPath, actualCost …). */
    public synchronized void output(String field, JsonValue value) {
        emit(new Event.JobOutput(field, value));
    }

    /** Waits until the job's terminal event, at most {@code timeout}; true if it has ended. */
    public boolean awaitEnd(java.time.Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Called by the runner: how to interrupt this job's work while it runs (null when it stops). */
    public void onCancel(Runnable interrupt) {
        this.canceller = interrupt;
    }

    void interrupt() {
        Runnable c = canceller;
        if (c != null) {
            c.run();
        }
    }

    /** The job cancels itself from inside its run (e.g. its cost was refused); the runner ends it as cancelled. */
    public void cancel() {
        requestCancel();
    }

    /** Records the cancel request (once); returns the status the job had. */
    synchronized JobStatus requestCancel() {
        JobStatus before = record.status();
        if (!before.finished() && !record.cancelRequested()) {
            emit(new Event.CancelRequested());
        }
        return before;
    }

    /**
     * What a newly connected stream writes first. Call it after subscribing: events published from then on are
     * in the subscriber's queue, and {@link Opening#position()} tells which of them the opening already covers.
     *
     * @param lastEventId the client's Last-Event-ID, or null for a new connection
     */
    public synchronized Opening open(Long lastEventId) {
        long last = lastEventId();
        boolean finished = !events.isEmpty() && events.getLast().terminal();
        List<byte[]> frames = new ArrayList<>();
        if (lastEventId != null && lastEventId >= 0 && lastEventId <= last) {
            // A resume: replay what the client missed, in order, with no snapshot.
            for (JobEvent e : events) {
                if (e.id() > lastEventId) {
                    frames.add(e.frame());
                }
            }
            return new Opening(frames, last, finished);
        }
        // A new connection (or an id this log does not know): the snapshot. A finished job's snapshot is labelled
        // with the id before its terminal event, and the terminal event follows it, so the stream still ends with
        // job:completed / job:failed.
        long snapshotId = finished ? last - 1 : last;
        frames.add(JobEvent.unlogged(snapshotId, new Event.JobSnapshot(record.toJson())).frame());
        if (finished) {
            frames.add(events.getLast().frame());
        }
        return new Opening(frames, last, finished);
    }

    /**
     * The frames a connection writes before it starts taking live events.
     *
     * @param frames   pre-framed events to write now
     * @param position the id of the newest event covered; queued events with ids up to it are skipped
     * @param ended    the opening already includes (or the client already saw) the terminal event
     */
    public record Opening(List<byte[]> frames, long position, boolean ended) {
    }
}
