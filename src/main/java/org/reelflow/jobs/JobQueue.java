package org.reelflow.jobs;

/** Job ids waiting to run, first in first out. In memory by default; a shared broker can replace it. */
public interface JobQueue {

    void add(String jobId);

    /** Blocks until a job is waiting, then takes it. */
    String take() throws InterruptedException;

    /** Takes a waiting job out of the queue; false when it is not waiting (already taken, or never queued). */
    boolean remove(String jobId);

    int size();
}
