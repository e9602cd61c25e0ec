package org.reelflow.app;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

import org.reelflow.events.JobEvent;
import org.reelflow.events.ListenerRegistry;
import org.reelflow.events.Subscription;
import org.reelflow.jobs.Job;

/**
 * One job's events in this process, in order, followed the way the SSE route follows them: subscribe first, then
 * take the events already recorded, then the queued ones with higher ids — no gap, no duplicate. A reader that
 * falls so far behind that its bounded queue fills is cut off by the publisher (which never waits); this feed then
 * subscribes again and catches up from the job's log, so a slow reader loses nothing.
 */
public final class JobFeed implements AutoCloseable {

    /** The engine is closing: no more events will come. */
    public static final class ClosedException extends Exception {
        ClosedException() {
            super("the Reelflow engine is shutting down");
        }
    }

    private final Job job;
    private final ListenerRegistry registry;
    private final Deque<JobEvent> backlog = new ArrayDeque<>();
    private Subscription sub;
    private long last;

    JobFeed(Job job, ListenerRegistry registry) {
        this.job = job;
        this.registry = registry;
        this.sub = registry.subscribe(job.id());
        catchUp();
    }

    private void catchUp() {
        for (JobEvent e : job.events()) {
            if (e.id() > last) {
                backlog.add(e);
            }
        }
    }

    /** The next event, or null when none came within the timeout. */
    public JobEvent poll(long timeout, TimeUnit unit) throws InterruptedException, ClosedException {
        while (true) {
            if (!backlog.isEmpty()) {
                JobEvent e = backlog.poll();
                last = e.id();
                return e;
            }
            JobEvent e = sub.poll(timeout, unit);
            if (e == null) {
                switch (sub.end()) {
                    case CUT_OFF -> {
                        registry.unsubscribe(sub);
                        sub = registry.subscribe(job.id());
                        catchUp();
                        if (backlog.isEmpty()) {
                            return null;
                        }
                        continue;
                    }
                    case SERVER_CLOSING -> throw new ClosedException();
                    default -> {
                        return null;
                    }
                }
            }
            if (e.id() > last) {
                last = e.id();
                return e;
            }
        }
    }

    @Override
    public void close() {
        registry.unsubscribe(sub);
    }
}
