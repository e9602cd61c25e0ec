package org.reelflow.pipeline;

import java.util.Optional;

import org.reelflow.events.StageName;

/** One of the six pipeline stages. Stages report through their {@link StageContext}; they never write the record. */
public interface Stage {

    StageName name();

    /** A reason to skip this stage without starting it (dry run, score replay), or empty to run it. */
    default Optional<String> skipReason(StageContext ctx) {
        return Optional.empty();
    }

    /**
     * Does the stage's work. Throwing fails the job (after a {@code stage:<s> error} event); an
     * {@link InterruptedException} means the job was cancelled.
     */
    StageResult run(StageContext ctx) throws Exception;
}
