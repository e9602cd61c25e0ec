package org.reelflow.pipeline;

import jakarta.json.JsonObject;

import org.reelflow.jobs.Job;

/**
 * Asked once the director has estimated the cost and before anything is spent: true lets the job go on, false
 * cancels it. The server approves (the estimate is on the stream and the per-job cap is enforced before this);
 * the CLI waits for the person's answer.
 */
@FunctionalInterface
public interface CostGate {

    CostGate APPROVE = (job, estimate) -> true;

    boolean approve(Job job, JsonObject estimate) throws InterruptedException;
}
