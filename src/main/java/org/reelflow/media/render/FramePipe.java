package org.reelflow.media.render;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands composed frames to a writer thread through a few recycled buffers, so composing frame n+1 overlaps with the
 * blocking pipe write of frame n instead of waiting for ffmpeg to drain it.
 */
final class FramePipe implements AutoCloseable {

    interface Sink {
        void write(YuvFrame frame) throws IOException;
    }

    private static final YuvFrame END = new YuvFrame(2, 2);

    private final BlockingQueue<YuvFrame> free;
    private final BlockingQueue<YuvFrame> full;
    private final Thread writer;
    private volatile Throwable failure;

    FramePipe(VideoFormat format, int buffers, Sink sink) {
        free = new ArrayBlockingQueue<>(buffers);
        full = new ArrayBlockingQueue<>(buffers + 1);
        for (int i = 0; i < buffers; i++) {
            free.add(new YuvFrame(format.width(), format.height()));
        }
        writer = Thread.ofPlatform().name("render-write").daemon().start(() -> {
            try {
                for (YuvFrame f = full.take(); f != END; f = full.take()) {
                    sink.write(f);
                    free.put(f);
                }
            } catch (Throwable t) {
                failure = t;
            }
        });
    }

    /** A buffer to compose the next frame into; fails as soon as the writer has failed. */
    YuvFrame next() throws IOException {
        try {
            while (true) {
                rethrow();
                YuvFrame f = free.poll(100, TimeUnit.MILLISECONDS);
                if (f != null) {
                    return f;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("render cancelled");
        }
    }

    void send(YuvFrame frame) throws IOException {
        try {
            full.put(frame);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("render cancelled");
        }
    }

    /** Waits until every sent frame is written. */
    void drain() throws IOException {
        try {
            full.put(END);
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("render cancelled");
        }
        rethrow();
    }

    private void rethrow() throws IOException {
        Throwable t = failure;
        if (t instanceof IOException io) {
            throw io;
        }
        if (t != null) {
            throw new IOException("frame writer failed", t);
        }
    }

    @Override
    public void close() {
        writer.interrupt();
    }
}
