package org.reelflow.events;

import java.io.IOException;
import java.util.List;

/**
 * The retained, persisted log of a job's events, in id order. Reconnecting clients are replayed from it, so it
 * must survive a restart. Files by default; a shared backend for several nodes can replace it.
 */
public interface EventLog {

    /** Appends one event; ids are given by the caller (the job's owner) and strictly increase. */
    void append(String jobId, JobEvent event) throws IOException;

    /** Every event of the job in id order; empty when the job has none. */
    List<JobEvent> read(String jobId) throws IOException;

    /** Forgets the job's log (the job was deleted). */
    void delete(String jobId) throws IOException;
}
