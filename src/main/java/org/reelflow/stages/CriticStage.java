package org.reelflow.stages;

import java.util.Optional;

import org.reelflow.jobs.StageName;
import org.reelflow.pipeline.Stage;
import org.reelflow.pipeline.StageContext;
import org.reelflow.pipeline.StageResult;
import org.reelflow.writer.Review;

/** Reviews the result and only reports; a failed review skips the stage ("evaluation failed"), as OpenReels. */
public final class CriticStage implements Stage {

    @Override
    public StageName name() {
        return StageName.CRITIC;
    }

    @Override
    public Optional<String> skipReason(StageContext ctx) {
        if (ctx.request().dryRun()) {
            return Optional.of(DryRun.REASON);
        }
        return ctx.request().replay() ? Optional.of(ResearchStage.REPLAYING) : Optional.empty();
    }

    @Override
    public StageResult run(StageContext ctx) throws Exception {
        Review review;
        try {
            review = ctx.production().writer().critique(ctx.request().topic(), ctx.production().score(),
                                                        ctx.production().tier());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            ctx.checkCancelled();
            ctx.recoverableError(name(), "Evaluation failed: " + e.getMessage());
            return StageResult.skipped("evaluation failed");
        }
        return StageResult.complete("score " + review.toEventJson().get("score") + "/10").then("review", review.toEventJson());
    }
}
