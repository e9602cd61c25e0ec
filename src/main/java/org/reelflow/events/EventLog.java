package org.reelflow.events;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The retained, persisted log of a job's events, in id order. Reconnecting clients are replayed from it, so it
 * must survive a restart. Files by default; a shared backend for several nodes can replace it.
 */
public interface EventLog {

    /** Appends one event; ids are given by the caller (the job's owner) and strictly increase. */
    void append(String jobId, JobEvent event) throws IOException;

    /** Every event of the job in id order; empty when the job has none. */
    List<JobEvent> read(String jobId) throws IOException;

    /** When the job's last event was appended, if the backend can tell (start-up recovery dates a lost save by it). */
    default Optional<Instant> lastAppended(String jobId) throws IOException {
        return Optional.empty();
    }

    /** Forgets the job's log (the job was deleted). */
    void delete(String jobId) throws IOException;
}
