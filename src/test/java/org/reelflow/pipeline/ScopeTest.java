package org.reelflow.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScopeTest {

    @Test
    void resultsOfSuccessfulTasks() throws Exception {
        try (Scope scope = new Scope("ok")) {
            var a = scope.fork(() -> 1);
            var b = scope.fork(() -> 2);
            scope.join();
            assertThat(a.get() + b.get(), is(3));
        }
    }

    @Test
    void theFirstFailureCancelsItsSiblingsAndSurfaces() throws Exception {
        AtomicInteger interrupted = new AtomicInteger();
        long t0 = System.nanoTime();
        IllegalStateException e;
        try (Scope scope = new Scope("fail")) {
            for (int i = 0; i < 3; i++) {
                scope.fork(() -> {
                    try {
                        Thread.sleep(30_000);
                    } catch (InterruptedException ie) {
                        interrupted.incrementAndGet();
                        throw ie;
                    }
                    return null;
                });
            }
            scope.fork(() -> {
                Thread.sleep(50);
                throw new IllegalStateException("boom");
            });
            e = assertThrows(IllegalStateException.class, scope::join);
        }
        assertThat(e.getMessage(), is("boom"));
        assertThat(interrupted.get(), is(3));
        assertThat((System.nanoTime() - t0) / 1_000_000, lessThan(5_000L));
    }

    @Test
    void cancelInterruptsTheWholeTreeAndCloseWaitsForEveryThread() throws Exception {
        CountDownLatch started = new CountDownLatch(4);
        List<Thread> threads = new ArrayList<>();
        Scope job = new Scope("job");
        job.fork(() -> {
            try (Scope stage = new Scope("stage", 2)) {       // a stage's child scope, bounded to 2 at a time
                for (int i = 0; i < 3; i++) {
                    stage.fork(() -> {
                        synchronized (threads) {
                            threads.add(Thread.currentThread());
                        }
                        started.countDown();
                        Thread.sleep(30_000);
                        return null;
                    });
                }
                started.countDown();
                stage.join();
            }
            return null;
        });
        assertThat(started.await(5, TimeUnit.SECONDS), is(false));   // only 2 of 3 children may run at once
        synchronized (threads) {
            assertThat(threads.size(), is(2));
        }
        job.cancel();
        Exception e = assertThrows(Exception.class, job::join);
        assertThat(e, instanceOf(CancellationException.class));
        job.close();
        synchronized (threads) {
            for (Thread t : threads) {
                assertThat(t.getName() + " outlived its scope", t.isAlive(), is(false));
            }
        }
    }

    @Test
    void closingWithoutJoinCancelsAndWaits() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Thread[] worker = new Thread[1];
        try (Scope scope = new Scope("abandoned")) {
            scope.fork(() -> {
                worker[0] = Thread.currentThread();
                started.countDown();
                Thread.sleep(30_000);
                return null;
            });
            started.await();
        }
        assertThat(worker[0].isAlive(), is(false));
    }

    @Test
    void anInterruptedJoinCancelsTheTasks() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        Thread joiner = Thread.ofVirtual().start(() -> {
            try (Scope scope = new Scope("joined")) {
                scope.fork(() -> {
                    started.countDown();
                    try {
                        Thread.sleep(30_000);
                    } catch (InterruptedException e) {
                        interrupted.incrementAndGet();
                    }
                    return null;
                });
                scope.join();
            } catch (InterruptedException e) {
                // expected
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        started.await();
        joiner.interrupt();
        joiner.join(5_000);
        assertThat(joiner.isAlive(), is(false));
        assertThat(interrupted.get(), is(1));
    }
}
