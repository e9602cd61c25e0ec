package org.reelflow.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code jobs.concurrency} virtual threads, each running queued jobs one after another. */
public final class JobWorkers implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JobWorkers.class.getName());

    private final List<Thread> threads = new ArrayList<>();

    public JobWorkers(JobService service, JobExecutor executor, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("jobs.concurrency must be at least 1, was " + concurrency);
        }
        for (int i = 1; i <= concurrency; i++) {
            threads.add(Thread.ofVirtual().name("job-worker-" + i).start(() -> loop(service, executor)));
        }
    }

    private static void loop(JobService service, JobExecutor executor) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                service.runNext(executor);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "A job worker caught an unexpected error; it goes on with the next job", e);
            }
        }
    }

    /** Interrupts the workers (and so their running jobs) and waits for them. */
    @Override
    public void close() throws InterruptedException {
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            t.join();
        }
    }
}
