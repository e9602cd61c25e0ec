package org.reelflow.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where job records, requests and artifacts live. Files by default; a shared backend for several nodes can
 * replace it. Only a job's {@link Job} owner writes its record.
 */
public interface JobStore {

    /** The next job id: "1", "2", … from a counter that survives restarts. */
    String nextId() throws IOException;

    /** The job's own folder: meta.json, its event log and its run directory with the artifacts. */
    Path jobDir(String id);

    void save(JobRecord record) throws IOException;

    Optional<JobRecord> load(String id) throws IOException;

    void saveRequest(String id, JobRequest request) throws IOException;

    Optional<JobRequest> loadRequest(String id) throws IOException;

    /** Ids of every stored job, in no particular order. */
    List<String> ids() throws IOException;

    void delete(String id) throws IOException;
}
