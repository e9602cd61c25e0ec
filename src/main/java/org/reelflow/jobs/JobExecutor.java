package org.reelflow.jobs;

/** Runs one job to its terminal event (the pipeline). Returns when the job has ended and all its threads too. */
@FunctionalInterface
public interface JobExecutor {

    void execute(Job job);
}
