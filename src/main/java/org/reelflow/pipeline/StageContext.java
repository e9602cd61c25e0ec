package org.reelflow.pipeline;

import java.nio.file.Path;

import org.reelflow.events.StageEvent;
import org.reelflow.events.StageName;
import org.reelflow.jobs.Job;
import org.reelflow.jobs.JobRequest;

/**
 * What a stage sees of its job: the request, the run directory, what earlier stages produced, and the one way
 * to report — events through the job's owner.
 */
public final class StageContext {

    private final Job job;
    private final JobRequest request;
    private final Path runDir;
    private final Production production;

    public StageContext(Job job, JobRequest request, Path runDir, Production production) {
        this.job = job;
        this.request = request;
        this.runDir = runDir;
        this.production = production;
    }

    public Job job() {
        return job;
    }

    public JobRequest request() {
        return request;
    }

    /** The run directory under the job's folder; artifacts go here (assets/, final.mp4, score.json). */
    public Path runDir() {
        return runDir;
    }

    /** What the stages produced so far, handed from one stage to the next. */
    public Production production() {
        return production;
    }

    /** Sends a {@code stage:<stage>} event through the job's owner. */
    public void emit(StageEvent event) {
        job.emit(event);
    }

    /** Reports an error the stage recovers from (a retry, a fallback): {@code {stage, type:"error", error}}. */
    public void recoverableError(StageName stage, String message) {
        emit(new StageEvent.StageError(stage, message));
    }

    /** Throws if the job was cancelled; long loops call it between steps. */
    public void checkCancelled() throws InterruptedException {
        if (Thread.currentThread().isInterrupted() || job.cancelRequested()) {
            throw new InterruptedException("job " + job.id() + " was cancelled");
        }
    }
}
