package org.reelflow.jobs;

import java.util.concurrent.LinkedBlockingDeque;

/** The in-process queue: a blocking deque whose remove() is what cancelling a queued job needs. */
public final class FifoJobQueue implements JobQueue {

    private final LinkedBlockingDeque<String> ids = new LinkedBlockingDeque<>();

    @Override
    public void add(String jobId) {
        ids.addLast(jobId);
    }

    @Override
    public String take() throws InterruptedException {
        return ids.takeFirst();
    }

    @Override
    public boolean remove(String jobId) {
        return ids.remove(jobId);
    }

    @Override
    public int size() {
        return ids.size();
    }
}
