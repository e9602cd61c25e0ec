package org.reelflow.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;

/**
 * A small structured-concurrency scope over virtual threads, for code that must run on JDK 21 where
 * {@code StructuredTaskScope} is a preview API. Tasks forked in a scope run on their own virtual threads; the
 * first failure cancels (interrupts) the siblings; {@link #cancel()} interrupts every task, and through the
 * scopes those tasks opened, the whole tree; {@link #close()} returns only when every thread has ended, so no
 * thread outlives its scope.
 */
public final class Scope implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Scope.class.getName());

    private final String name;
    private final Semaphore permits;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Subtask<?>> tasks = new ArrayList<>();
    private Throwable firstFailure;
    private boolean cancelled;
    private boolean closed;

    /** A scope whose tasks all run at once. */
    public Scope(String name) {
        this(name, Integer.MAX_VALUE);
    }

    /** A scope that runs at most {@code parallelism} of its tasks at a time (the rest wait their turn). */
    public Scope(String name, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.name = name;
        this.permits = new Semaphore(parallelism, true);
    }

    /** Starts a task on a new virtual thread. */
    public synchronized <T> Subtask<T> fork(Callable<T> body) {
        if (closed) {
            throw new IllegalStateException("scope " + name + " is closed");
        }
        Subtask<T> task = new Subtask<>();
        tasks.add(task);
        Thread t = Thread.ofVirtual().name(name + "-" + tasks.size()).unstarted(() -> runTask(task, body));
        threads.add(t);
        if (cancelled) {
            task.fail(new CancellationException("scope " + name + " was cancelled"));
            return task;
        }
        t.start();
        return task;
    }

    private <T> void runTask(Subtask<T> task, Callable<T> body) {
        try {
            permits.acquire();
            try {
                task.succeed(body.call());
            } finally {
                permits.release();
            }
        } catch (Throwable e) {
            task.fail(e);
            onFailure(e);
        }
    }

    private void onFailure(Throwable e) {
        synchronized (this) {
            if (firstFailure != null || cancelled) {
                return;     // a sibling's interruption is an echo of the first failure, not news
            }
            firstFailure = e;
        }
        cancel();
    }

    /** Interrupts every task of this scope (and so every scope they opened). Idempotent. */
    public void cancel() {
        List<Thread> running;
        synchronized (this) {
            cancelled = true;
            running = List.copyOf(threads);
        }
        running.forEach(Thread::interrupt);
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /**
     * Waits for every task. Throws the first failure (its own type when it is an Exception); if this scope was
     * cancelled from outside, throws {@link CancellationException}. If the waiting thread is interrupted, the
     * tasks are cancelled and {@link InterruptedException} is thrown.
     */
    public void join() throws Exception {
        try {
            awaitThreads();
        } catch (InterruptedException e) {
            cancel();
            throw e;
        }
        Throwable failure;
        boolean wasCancelled;
        synchronized (this) {
            failure = firstFailure;
            wasCancelled = cancelled;
        }
        if (failure instanceof Exception ex) {
            throw ex;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (wasCancelled) {
            throw new CancellationException("scope " + name + " was cancelled");
        }
    }

    private void awaitThreads() throws InterruptedException {
        for (Thread t : snapshotThreads()) {
            t.join();
        }
    }

    private synchronized List<Thread> snapshotThreads() {
        return List.copyOf(threads);
    }

    /** Cancels whatever still runs and waits until every thread of the scope has ended. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        boolean interrupted = false;
        List<Thread> all = snapshotThreads();
        if (all.stream().anyMatch(Thread::isAlive)) {
            cancel();
        }
        for (Thread t : all) {
            while (t.isAlive()) {
                try {
                    t.join(10_000);
                    if (t.isAlive()) {
                        LOG.warning("Task " + t.getName() + " ignores interruption; still waiting for it to end");
                    }
                } catch (InterruptedException e) {
                    interrupted = true;    // keep waiting: a scope never returns with live threads
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A forked task's outcome. */
    public static final class Subtask<T> {
        private volatile T value;
        private volatile Throwable failure;
        private volatile boolean done;

        void succeed(T v) {
            value = v;
            done = true;
        }

        void fail(Throwable e) {
            failure = e;
            done = true;
        }

        /** The result; only valid after a successful {@link Scope#join()}. */
        public T get() {
            if (!done || failure != null) {
                throw new IllegalStateException("task has no result", failure);
            }
            return value;
        }

        public boolean succeeded() {
            return done && failure == null;
        }
    }
}
