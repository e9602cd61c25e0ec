package org.reelflow.pipeline;

import org.reelflow.events.StageName;

/** A stage (or, with a null stage, the preparation) failed and so did the job; the message is what {@code job:failed} says. */
public final class StageFailedException extends Exception {

    private final StageName stage;

    public StageFailedException(StageName stage, String message, Throwable cause) {
        super(message, cause);
        this.stage = stage;
    }

    public StageName stage() {
        return stage;
    }
}
