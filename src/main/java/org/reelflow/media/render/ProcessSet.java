package org.reelflow.media.render;

import java.util.ArrayList;
import java.util.List;
import org.reelflow.media.ExternalProcess;

/**
 * Every child process one render started (the encoder and any clip decoders), so a cancel can kill them all from the
 * waiting thread even if the thread that started them is stuck in a pipe.
 */
final class ProcessSet implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private boolean closed;

    synchronized Process start(ProcessBuilder builder) throws java.io.IOException {
        if (closed) {
            throw new java.io.InterruptedIOException("render cancelled");
        }
        Process p = ExternalProcess.start(builder);
        processes.add(p);
        return p;
    }

    /** Destroys every process tree that is still alive. */
    @Override
    public void close() {
        List<Process> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(processes);
        }
        all.forEach(ExternalProcess::destroy);
    }
}
