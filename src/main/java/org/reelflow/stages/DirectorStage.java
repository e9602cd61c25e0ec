package org.reelflow.stages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;

import org.reelflow.catalog.Archetype;
import org.reelflow.catalog.Archetypes;
import org.reelflow.cost.CostEstimator;
import org.reelflow.cost.SpendGuard;
import org.reelflow.events.StageEvent;
import org.reelflow.events.StageName;
import org.reelflow.pipeline.Production;
import org.reelflow.pipeline.Stage;
import org.reelflow.pipeline.StageContext;
import org.reelflow.pipeline.StageResult;
import org.reelflow.providers.ProviderException;
import org.reelflow.score.DirectorScore;
import org.reelflow.score.PacingTier;
import org.reelflow.score.ScoreValidationException;
import org.reelflow.writer.DirectorBrief;
import org.reelflow.writer.Review;
import org.reelflow.writer.ScriptWriter;

/**
 * Plans the video: up to three attempts with the last failure fed back, then the quality gate (critic score ≥ 7
 * passes, at most two revision rounds, the best plan wins, the archetype is kept). A replayed score skips all
 * of that. Event order is OpenReels': {@code complete} then {@code score} then {@code cost_estimate}; on replay
 * {@code score} and {@code cost_estimate} come first.
 */
public final class DirectorStage implements Stage {

    static final int ATTEMPTS = 3;
    static final int MAX_REVISION_ROUNDS = 2;

    private final Archetypes archetypes;
    private final CostEstimator costs;

    public DirectorStage(Archetypes archetypes, CostEstimator costs) {
        this.archetypes = archetypes;
        this.costs = costs;
    }

    @Override
    public StageName name() {
        return StageName.DIRECTOR;
    }

    @Override
    public StageResult run(StageContext ctx) throws Exception {
        return ctx.request().replay() ? replay(ctx) : direct(ctx);
    }

    private StageResult replay(StageContext ctx) throws Exception {
        DirectorScore score = DirectorScore.parse(ctx.request().replayScore());
        adopt(ctx, score);
        ctx.emit(new StageEvent.ScoreReady(score.toJson()));
        if (ctx.request().dryRun()) {
            return StageResult.complete("Replayed from saved score");
        }
        ctx.emit(estimate(ctx, score, 0, 0, true));
        return StageResult.complete("Replayed: " + score.scenes().size() + " scenes, " + score.archetype());
    }

    private StageResult direct(StageContext ctx) throws Exception {
        Production p = ctx.production();
        Archetype requested = ctx.request().archetype() == null ? null : archetypes.require(ctx.request().archetype());
        PacingTier pacing = ctx.request().pacing() == null ? null : PacingTier.of(ctx.request().pacing()).orElseThrow();
        DirectorBrief brief = new DirectorBrief(ctx.request().topic(), p.research(), requested, pacing,
                                                ctx.request().direction(), false);
        DirectorScore score = generate(ctx, p.writer(), brief);
        Gate gate = qualityGate(ctx, p.writer(), brief, score, pacing);
        adopt(ctx, gate.best);
        StageResult result = StageResult.complete(gate.best.scenes().size() + " scenes, " + gate.best.archetype())
                .then(new StageEvent.ScoreReady(gate.best.toJson()));
        if (!ctx.request().dryRun()) {
            result.then(estimate(ctx, gate.best, gate.evaluations, gate.revisions, false));
        }
        return result;
    }

    /** The writer's plan, validated; a rejected attempt is retried with the reason, three attempts in all. */
    private DirectorScore generate(StageContext ctx, ScriptWriter writer, DirectorBrief brief) throws Exception {
        String failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            ctx.checkCancelled();
            try {
                DirectorScore score = validated(writer.direct(brief, failure));
                // A requested archetype is honoured (the reference let the model pick another).
                return brief.requestedArchetype() == null ? score : score.withArchetype(brief.requestedArchetype().name());
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                var unfixable = ProviderException.unfixable(e);
                if (unfixable.isPresent()) {
                    throw unfixable.get();           // another attempt would send the same bad key or model
                }
                failure = e.getMessage();
                if (attempt < ATTEMPTS) {
                    ctx.recoverableError(name(), "Attempt " + attempt + " failed: " + failure);
                }
            }
        }
        throw new IllegalStateException("Creative Director failed after " + ATTEMPTS + " attempts: " + failure);
    }

    private DirectorScore validated(DirectorScore score) throws ScoreValidationException {
        DirectorScore checked = DirectorScore.parse(score.toJson());
        var unknown = DirectorScore.unknownArchetype(checked, archetypes);
        if (unknown.isPresent()) {
            throw new ScoreValidationException(java.util.List.of("archetype: unknown archetype " + unknown.get()));
        }
        return checked;
    }

    private record Gate(DirectorScore best, int evaluations, int revisions) {
    }

    private Gate qualityGate(StageContext ctx, ScriptWriter writer, DirectorBrief brief, DirectorScore first,
                             PacingTier requestedTier) throws InterruptedException {
        DirectorScore current = first;
        DirectorScore best = first;
        double bestScore = 0;
        int evaluations = 0;
        int revisions = 0;
        PacingTier tier = tierOf(first, requestedTier);
        try {
            for (int round = 0; round < MAX_REVISION_ROUNDS; round++) {
                ctx.checkCancelled();
                double call = SpendGuard.reviewCallPrice(writer.provider());
                if (ctx.production().spendGuard().wouldPass(call)) {
                    ctx.recoverableError(name(), ctx.production().spendGuard().refusal("A quality-gate review", call)
                                                 + ": the plan stands as it is");
                    return new Gate(best, evaluations, revisions);
                }
                Review review = writer.critique(brief.topic(), current, tier);
                evaluations++;
                if (review.score() > bestScore) {
                    bestScore = review.score();
                    best = current;
                }
                if (review.score() >= Review.PASS_THRESHOLD || !review.revisionNeeded()) {
                    return new Gate(best, evaluations, revisions);
                }
                ctx.emit(new StageEvent.Revision(round + 1, review.score()));
                current = validated(writer.revise(brief, current, review)).withArchetype(first.archetype());
                revisions++;
            }
            if (current != best) {
                Review last = writer.critique(brief.topic(), current, tier);
                evaluations++;
                if (last.score() > bestScore) {
                    best = current;
                }
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // The gate improves a valid plan; when it breaks, the best plan so far stands (as the reference).
            ctx.recoverableError(name(), "Quality gate stopped: " + e.getMessage());
        }
        return new Gate(best, evaluations, revisions);
    }

    private PacingTier tierOf(DirectorScore score, PacingTier requested) {
        return requested != null ? requested : PacingTier.forArchetype(archetypes.require(score.archetype()));
    }

    /** Makes the plan the job's plan: production state and score.json in the run folder. */
    private void adopt(StageContext ctx, DirectorScore score) throws IOException {
        Production p = ctx.production();
        p.score(score);
        p.archetype(archetypes.require(score.archetype()));
        PacingTier requested = ctx.request().pacing() == null ? null : PacingTier.of(ctx.request().pacing()).orElseThrow();
        p.tier(tierOf(score, requested));
        var out = new java.io.StringWriter();
        try (var w = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            w.writeObject(score.toJson());
        }
        Files.writeString(ctx.runDir().resolve("score.json"), out.toString().strip() + "\n", StandardCharsets.UTF_8);
    }

    private StageEvent.CostEstimate estimate(StageContext ctx, DirectorScore score, int evaluations, int revisions,
                                             boolean replay) {
        return new StageEvent.CostEstimate(costs.estimate(score, ctx.production().providers(), evaluations, revisions, replay));
    }
}
