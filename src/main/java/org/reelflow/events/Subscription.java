package org.reelflow.events;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One connected client of one job: a bounded queue filled by the publisher and drained by that client's own
 * handler thread. The publisher never blocks on it: when the queue is full the client is cut off (it reconnects
 * and resumes by event id), so a client that stops reading cannot slow the pipeline or other clients.
 */
public final class Subscription {

    /** Wakes a handler that waits on an empty queue; never written to the wire. */
    private static final JobEvent WAKE_UP = JobEvent.unlogged(-1, new Event.Unknown("wake-up", jakarta.json.JsonValue.EMPTY_JSON_OBJECT));

    /** Why a subscription ended before its job's terminal event. */
    public enum End { NONE, CUT_OFF, SERVER_CLOSING }

    private final String jobId;
    private final BlockingQueue<JobEvent> queue;
    private volatile End end = End.NONE;

    Subscription(String jobId, int capacity) {
        this.jobId = jobId;
        // Linked, not array-backed: an idle subscriber's queue holds no pre-allocated slots (~1 KB each at 256).
        this.queue = new LinkedBlockingQueue<>(capacity);
    }

    public String jobId() {
        return jobId;
    }

    /** Non-blocking; false when the queue is full. */
    boolean offer(JobEvent event) {
        return queue.offer(event);
    }

    /**
     * The next event, or null when none arrived within the timeout (time for a heartbeat) or the subscription
     * has ended — check {@link #end()}.
     */
    public JobEvent poll(long timeout, TimeUnit unit) throws InterruptedException {
        if (end != End.NONE) {
            return null;
        }
        JobEvent e = queue.poll(timeout, unit);
        return e == WAKE_UP ? null : e;
    }

    public End end() {
        return end;
    }

    void finish(End why) {
        if (end == End.NONE) {
            end = why;
        }
        queue.offer(WAKE_UP);    // may fail when full: then the handler is not waiting and sees the flag next
    }

    /** Events waiting to be written (for tests and metrics). */
    public int backlog() {
        return queue.size();
    }
}
