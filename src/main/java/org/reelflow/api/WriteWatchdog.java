package org.reelflow.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends event streams whose writes make no progress. A client that stops reading but keeps its connection fills
 * its receive window, and the server's socket write then blocks with no timeout of its own: no heartbeat, no
 * cut-off check, and the stream holds its thread, buffers and subscription for as long as the client likes.
 *
 * <p>One timer thread for the whole server looks at every watched stream a few times per timeout and interrupts
 * the thread of one whose current write started (or last moved on) longer ago than the timeout. Socket I/O on a
 * virtual thread — Helidon's per-connection thread — is interruptible: the socket is closed and the write throws,
 * so the handler unwinds and lets go of its subscription and connection. A write moves on every {@link #SLICE}
 * bytes, so a large snapshot to a slow but reading client is not mistaken for a stall.
 *
 * <p>An interrupt must never outlive the stream it was meant for (Helidon reads the connection's next request on
 * the same thread): it is only sent while the stream is inside a write, and leaving a write or closing the stream
 * takes the same lock, then clears the interrupt and ends the stream.
 */
final class WriteWatchdog {

    /** Bytes handed to the connection per progress mark: one slice has the whole timeout to go through. */
    static final int SLICE = 16 * 1024;
    private static final long IDLE = Long.MIN_VALUE;

    private final Duration timeout;
    private final long timeoutNanos;
    private final Set<Watched> streams = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService timer;

    WriteWatchdog(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("sse.write-timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
        this.timeoutNanos = timeout.toNanos();
    }

    /** Starts the timer; a stalled write is ended within the timeout plus a quarter of it. */
    synchronized void start() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sse-write-watchdog");
                t.setDaemon(true);
                return t;
            });
            long period = Math.max(timeoutNanos / 4, TimeUnit.MILLISECONDS.toNanos(10));
            timer.scheduleWithFixedDelay(this::scan, period, period, TimeUnit.NANOSECONDS);
        }
    }

    synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    /** Watches the calling thread's writes to {@code out} until the returned stream is closed. */
    OutputStream watch(OutputStream out) {
        Watched w = new Watched(out, Thread.currentThread());
        streams.add(w);
        return w;
    }

    /** Streams being watched (for tests). */
    int size() {
        return streams.size();
    }

    private void scan() {
        long now = System.nanoTime();
        for (Watched w : streams) {
            long since = w.since;       // one volatile read per idle stream: 10,000 streams cost microseconds
            if (since != IDLE && now - since > timeoutNanos) {
                w.expire(since);
            }
        }
    }

    private final class Watched extends OutputStream {

        private final OutputStream out;
        private final Thread thread;
        /** nanoTime when the current write started or last moved on; IDLE outside a write. */
        private volatile long since = IDLE;
        private boolean closed;     // guarded by this
        private boolean fired;      // guarded by this

        Watched(OutputStream out, Thread thread) {
            this.out = out;
            this.thread = thread;
        }

        @Override
        public void write(int b) throws IOException {
            since = System.nanoTime();
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int end = off + len; off < end; off += SLICE) {
                since = System.nanoTime();
                out.write(b, off, Math.min(SLICE, end - off));
            }
        }

        /** Ends a write: every frame the stream sends is written, then flushed. */
        @Override
        public void flush() throws IOException {
            since = System.nanoTime();
            out.flush();
            boolean interrupted;
            synchronized (this) {
                since = IDLE;
                interrupted = fired;
            }
            if (interrupted) {
                // The interrupt came as the flush returned: take it back and end the stream as if it had hit.
                Thread.interrupted();
                throw new InterruptedIOException("event stream write made no progress for " + timeout);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                since = System.nanoTime();
                out.close();            // the last chunk: a client that stopped reading can block it too
            } finally {
                boolean interrupted;
                synchronized (this) {
                    closed = true;
                    since = IDLE;
                    interrupted = fired;
                }
                streams.remove(this);
                if (interrupted) {
                    Thread.interrupted();   // no interrupt is left for the connection's next request
                }
            }
        }

        /** Interrupts the writer if it is still in the write that started at {@code seen}. */
        synchronized void expire(long seen) {
            if (!closed && !fired && since == seen) {
                fired = true;
                thread.interrupt();
            }
        }
    }
}
