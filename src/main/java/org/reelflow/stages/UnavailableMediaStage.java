package org.reelflow.stages;

import java.util.Optional;

import org.reelflow.jobs.StageName;
import org.reelflow.pipeline.Stage;
import org.reelflow.pipeline.StageContext;
import org.reelflow.pipeline.StageResult;

/**
 * A media stage (voice, visuals, assembly) this build has no engine for. Dry runs skip it; a real run fails
 * here with a message that names what is missing — never a fake video.
 */
public final class UnavailableMediaStage implements Stage {

    private final StageName name;
    private final String missing;

    public UnavailableMediaStage(StageName name, String missing) {
        this.name = name;
        this.missing = missing;
    }

    @Override
    public StageName name() {
        return name;
    }

    @Override
    public Optional<String> skipReason(StageContext ctx) {
        return ctx.request().dryRun() ? Optional.of(DryRun.REASON) : Optional.empty();
    }

    @Override
    public StageResult run(StageContext ctx) {
        throw new IllegalStateException(missing);
    }
}
