package org.reelflow.events;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Who listens to which job. The job's owner publishes each event once; the registry offers it to every
 * subscriber's bounded queue. A subscriber whose queue is full is cut off and removed on the spot.
 */
public final class ListenerRegistry {

    private final Map<String, Set<Subscription>> byJob = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int queueCapacity;
    private volatile boolean closing;

    public ListenerRegistry(int queueCapacity) {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1, was " + queueCapacity);
        }
        this.queueCapacity = queueCapacity;
    }

    /** Registers a new subscriber. Register before reading the snapshot, so no event falls in between. */
    public Subscription subscribe(String jobId) {
        Subscription s = new Subscription(jobId, queueCapacity);
        byJob.computeIfAbsent(jobId, k -> ConcurrentHashMap.newKeySet()).add(s);
        size.incrementAndGet();
        if (closing) {
            s.finish(Subscription.End.SERVER_CLOSING);
        }
        return s;
    }

    /** Removes a subscriber; safe to call more than once. */
    public void unsubscribe(Subscription s) {
        Set<Subscription> set = byJob.get(s.jobId());
        if (set != null && set.remove(s)) {
            size.decrementAndGet();
            byJob.computeIfPresent(s.jobId(), (k, v) -> v.isEmpty() ? null : v);
        }
    }

    /** Offers the event to every subscriber of the job without ever blocking. */
    public void publish(String jobId, JobEvent event) {
        Set<Subscription> set = byJob.get(jobId);
        if (set == null) {
            return;
        }
        for (Subscription s : set) {
            if (!s.offer(event)) {
                s.finish(Subscription.End.CUT_OFF);
                unsubscribe(s);
            }
        }
    }

    /** Ends every stream cleanly (server shutdown) and refuses new ones. */
    public void closeAll() {
        closing = true;
        byJob.values().forEach(set -> set.forEach(s -> s.finish(Subscription.End.SERVER_CLOSING)));
    }

    /** Waits until every handler has let go of its subscription, or the timeout passes. */
    public boolean awaitEmpty(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (size.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** Subscribers of all jobs. */
    public int size() {
        return size.get();
    }

    /** Subscribers of one job. */
    public int size(String jobId) {
        Set<Subscription> set = byJob.get(jobId);
        return set == null ? 0 : set.size();
    }
}
