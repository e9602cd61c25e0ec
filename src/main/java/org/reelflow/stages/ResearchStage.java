package org.reelflow.stages;

import java.util.Optional;

import org.reelflow.events.StageEvent;
import org.reelflow.events.StageName;
import org.reelflow.pipeline.Stage;
import org.reelflow.pipeline.StageContext;
import org.reelflow.pipeline.StageResult;
import org.reelflow.providers.ProviderException;
import org.reelflow.writer.Research;

/**
 * Gathers what the script is built from. A failed search does not fail the job: like OpenReels, the stage is
 * skipped ("web search failed") and the director works from the topic alone — but the error is reported.
 */
public final class ResearchStage implements Stage {

    static final String REPLAYING = "Replaying from saved score";

    @Override
    public StageName name() {
        return StageName.RESEARCH;
    }

    @Override
    public Optional<String> skipReason(StageContext ctx) {
        return ctx.request().replay() ? Optional.of(REPLAYING) : Optional.empty();
    }

    @Override
    public StageResult run(StageContext ctx) throws Exception {
        String topic = ctx.request().topic();
        Research research;
        try {
            research = ctx.production().writer().research(topic, ctx.request().direction());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            ctx.checkCancelled();
            var unfixable = ProviderException.unfixable(e);
            if (unfixable.isPresent()) {
                throw unfixable.get();               // a bad key or model is not a failed search: the job stops here
            }
            ctx.recoverableError(name(), "Research failed: " + e.getMessage());
            ctx.production().research(Research.fallback(topic));
            return StageResult.skipped("web search failed");
        }
        ctx.production().research(research);
        return StageResult.complete(research.keyFacts().size() + " facts").then(new StageEvent.ResearchResults(research.summary(), research.keyFacts(), research.mood()));
    }
}
