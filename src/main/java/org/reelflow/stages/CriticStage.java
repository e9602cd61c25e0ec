package org.reelflow.stages;

import java.util.Optional;

import jakarta.json.JsonObject;

import org.reelflow.catalog.Platforms;
import org.reelflow.events.StageEvent;
import org.reelflow.events.StageName;
import org.reelflow.media.inspect.PlanFacts;
import org.reelflow.media.inspect.QualityScan;
import org.reelflow.media.inspect.VideoCritic;
import org.reelflow.media.inspect.VideoProbe;
import org.reelflow.media.render.RenderResult;
import org.reelflow.pipeline.Production;
import org.reelflow.pipeline.Stage;
import org.reelflow.pipeline.StageContext;
import org.reelflow.pipeline.StageResult;
import org.reelflow.score.Scene;

/**
 * Reviews the result and only reports. A rendered video is measured (duration, pacing, captions, loudness,
 * black or frozen frames); without one, the writer reviews the plan. A failed review skips the stage
 * ("evaluation failed"), as OpenReels.
 */
public final class CriticStage implements Stage {

    private final Platforms platforms;

    public CriticStage(Platforms platforms) {
        this.platforms = platforms;
    }

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
        JsonObject review;
        try {
            review = ctx.production().video() != null ? reviewVideo(ctx) : reviewPlan(ctx);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            ctx.checkCancelled();
            ctx.recoverableError(name(), "Evaluation failed: " + e.getMessage());
            return StageResult.skipped("evaluation failed");
        }
        return StageResult.complete("score " + review.get("score") + "/10").then(new StageEvent.CriticReview(review));
    }

    private JsonObject reviewVideo(StageContext ctx) throws Exception {
        Production p = ctx.production();
        RenderResult video = p.video();
        int fps = platforms.require(ctx.request().platform()).fps();
        PlanFacts facts = new PlanFacts(platforms.require(ctx.request().platform()).maxDurationSeconds(),
                                        p.voiceover().words(),
                                        video.sceneFrames().stream().map(f -> f / (double) fps).toList(),
                                        p.score().scenes().stream().map(Scene::visualType).toList(),
                                        p.archetype().captionChunkSize(), p.archetype().captionLingerS());
        return VideoCritic.review(VideoProbe.probe(video.video()), QualityScan.scan(video.video()), facts).toJson();
    }

    private static JsonObject reviewPlan(StageContext ctx) throws Exception {
        return ctx.production().writer().critique(ctx.request().topic(), ctx.production().score(),
                                                  ctx.production().tier()).toEventJson();
    }
}
