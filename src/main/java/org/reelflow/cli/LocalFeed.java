package org.reelflow.cli;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

import org.reelflow.events.JobEvent;
import org.reelflow.events.ListenerRegistry;
import org.reelflow.events.Subscription;
import org.reelflow.jobs.Job;

/**
 * A job of this process, followed the way the SSE route follows it: subscribe first, then take the events already
 * recorded, then the queued ones with higher ids — no gap, no duplicate. If the subscriber is cut off (its queue
 * filled while the person answered a question) it subscribes again and catches up from the job's log.
 */
final class LocalFeed implements EventFeed {

    private final Job job;
    private final ListenerRegistry registry;
    private final Deque<JobEvent> backlog = new ArrayDeque<>();
    private Subscription sub;
    private long last;

    LocalFeed(Job job, ListenerRegistry registry) {
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

    @Override
    public StreamEvent poll(long timeoutMillis) throws InterruptedException, IOException {
        while (true) {
            if (!backlog.isEmpty()) {
                JobEvent e = backlog.poll();
                last = e.id();
                return StreamEvent.of(e);
            }
            JobEvent e = sub.poll(timeoutMillis, TimeUnit.MILLISECONDS);
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
                    case SERVER_CLOSING -> throw new IOException("Reelflow is shutting down");
                    default -> {
                        return null;
                    }
                }
            }
            if (e.id() > last) {
                last = e.id();
                return StreamEvent.of(e);
            }
        }
    }

    @Override
    public void close() {
        registry.unsubscribe(sub);
    }
}
