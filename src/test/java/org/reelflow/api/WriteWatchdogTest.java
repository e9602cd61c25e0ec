package org.reelflow.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The watchdog's contract with the stream thread, on stand-in connections: a stalled write is interrupted, a slow
 * one that moves is not, and no interrupt outlives the stream. (The real socket is in StreamResilienceTest.)
 */
class WriteWatchdogTest {

    private static final Duration TIMEOUT = Duration.ofMillis(200);

    private final WriteWatchdog watchdog = new WriteWatchdog(TIMEOUT);

    @AfterEach
    void stop() {
        watchdog.stop();
    }

    /** A connection whose writes wait for the peer like a socket does: until it reads, or the thread is interrupted. */
    private static final class StalledConnection extends OutputStream {
        final CountDownLatch peerReads = new CountDownLatch(1);

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                peerReads.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();     // as a socket: the interrupt stays set, the write fails
                throw new InterruptedIOException("closed by interrupt");
            }
        }
    }

    @Test
    void aWriteThatMakesNoProgressIsInterruptedAndTheInterruptDoesNotOutliveTheStream() throws Exception {
        watchdog.start();
        StalledConnection connection = new StalledConnection();
        long t0 = System.nanoTime();
        OutputStream out = watchdog.watch(connection);
        assertThrows(InterruptedIOException.class, () -> out.write(new byte[100]));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        out.close();
        assertThat("the connection's next request is not interrupted", Thread.interrupted(), is(false));
        assertThat("within the timeout and a quarter of it, plus scheduling slack", ms, lessThan(600L));
        assertThat("the stream is no longer watched", watchdog.size(), is(0));
    }

    @Test
    void anInterruptThatArrivesAsTheWriteReturnsEndsTheStreamAndIsTakenBack() throws Exception {
        watchdog.start();
        // A flush that takes longer than the timeout but cannot be interrupted: it returns with the interrupt set.
        OutputStream deaf = new OutputStream() {
            @Override
            public void write(int b) {
            }

            @Override
            public void flush() {
                long until = System.nanoTime() + TIMEOUT.toNanos() * 3;
                while (System.nanoTime() < until) {
                    LockSupport.parkNanos(until - System.nanoTime());
                }
            }
        };
        OutputStream out = watchdog.watch(deaf);
        out.write(new byte[10]);
        assertThrows(InterruptedIOException.class, out::flush);
        assertThat("taken back before the stream goes on", Thread.currentThread().isInterrupted(), is(false));
        out.close();
        assertThat(Thread.interrupted(), is(false));
    }

    @Test
    void aSlowWriteThatKeepsMovingAndAnIdleStreamAreLeftAlone() throws Exception {
        watchdog.start();
        // Each slice takes a quarter of the timeout: the whole write takes two timeouts but never stalls for one.
        OutputStream slow = new OutputStream() {
            @Override
            public void write(int b) {
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    Thread.sleep(TIMEOUT.toMillis() / 4);
                } catch (InterruptedException e) {
                    throw new InterruptedIOException("interrupted");
                }
            }
        };
        OutputStream out = watchdog.watch(slow);
        out.write(new byte[8 * WriteWatchdog.SLICE]);
        out.flush();
        Thread.sleep(TIMEOUT.toMillis() * 3);     // between writes: waiting for events is not a stall
        out.write(new byte[1]);
        out.flush();
        out.close();
        assertThat(Thread.interrupted(), is(false));
    }
}
