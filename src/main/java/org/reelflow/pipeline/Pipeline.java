package org.reelflow.pipeline;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import jakarta.json.JsonObject;

import org.reelflow.events.StageEvent;
import org.reelflow.events.StageName;

/**
 * Runs the six stages in order and turns their outcomes into the stream's stage events: {@code start},
 * {@code complete{detail,durationSec}} or {@code skipped{reason}}, follow-ups, and {@code error{error}} when a
 * stage fails (OpenReels never sends that one).
 */
public final class Pipeline {

    /** Work done before the first stage: choosing providers, checking keys. A failure there fails the job with no stage event. */
    @FunctionalInterface
    public interface Preparation {
        void prepare(StageContext ctx) throws Exception;
    }

    /** Work done after the stages, when the job did not fail or stop: e.g. pricing what it really used. */
    @FunctionalInterface
    public interface Completion {
        void complete(StageContext ctx) throws Exception;
    }

    private final Preparation preparation;
    private final List<Stage> stages;
    private final CostGate costGate;
    private final Completion completion;

    public Pipeline(List<Stage> stages) {
        this(ctx -> { }, stages, CostGate.APPROVE);
    }

    public Pipeline(Preparation preparation, List<Stage> stages) {
        this(preparation, stages, CostGate.APPROVE);
    }

    public Pipeline(Preparation preparation, List<Stage> stages, CostGate costGate) {
        this(preparation, stages, costGate, ctx -> { });
    }

    public Pipeline(Preparation preparation, List<Stage> stages, CostGate costGate, Completion completion) {
        this.preparation = preparation;
        this.costGate = costGate;
        this.completion = completion;
        List<StageName> order = stages.stream().map(Stage::name).toList();
        if (!order.equals(List.of(StageName.values()))) {
            throw new IllegalArgumentException("the pipeline needs the six stages in order, got " + order);
        }
        this.stages = List.copyOf(stages);
    }

    /**
     * @throws InterruptedException  the job was cancelled
     * @throws StageFailedException  a stage failed; its error event has been sent
     */
    public void run(StageContext ctx) throws InterruptedException, StageFailedException {
        try {
            preparation.prepare(ctx);
        } catch (InterruptedException | CancellationException e) {
            throw interrupted(e);
        } catch (Exception e) {
            throw new StageFailedException(null, messageOf(e), e);
        }
        for (Stage stage : stages) {
            ctx.checkCancelled();
            StageName name = stage.name();
            Optional<String> skip = stage.skipReason(ctx);
            if (skip.isPresent()) {
                ctx.emit(new StageEvent.StageSkipped(name, skip.get()));
                continue;
            }
            ctx.emit(new StageEvent.StageStarted(name));
            long t0 = System.nanoTime();
            StageResult result;
            try {
                result = stage.run(ctx);
            } catch (InterruptedException | CancellationException e) {
                throw interrupted(e);
            } catch (Exception e) {
                if (ctx.job().cancelRequested()) {
                    throw interrupted(e);   // an I/O error caused by the cancel's interrupt is the cancel
                }
                String message = messageOf(e);
                ctx.emit(new StageEvent.StageError(name, message));
                throw new StageFailedException(name, message, e);
            }
            double seconds = Math.round((System.nanoTime() - t0) / 1_000_000.0) / 1000.0;
            if (result.isSkipped()) {
                ctx.emit(new StageEvent.StageSkipped(name, result.text()));
            } else {
                ctx.emit(new StageEvent.StageCompleted(name, result.text(), seconds));
            }
            result.followUps().forEach(ctx::emit);
            if (name == StageName.DIRECTOR) {
                approveCost(ctx);
            }
        }
        try {
            completion.complete(ctx);
        } catch (InterruptedException | CancellationException e) {
            throw interrupted(e);
        } catch (Exception e) {
            throw new StageFailedException(null, messageOf(e), e);
        }
    }

    /**
     * Before anything is spent: the estimate must fit the job's cap ({@code maxCostUsd}), and the gate must agree.
     * A refusal at the gate is the person's cancel, so it ends like every cancel.
     */
    private void approveCost(StageContext ctx) throws InterruptedException, StageFailedException {
        if (!(ctx.job().read(r -> r.result("costEstimate")) instanceof JsonObject estimate)) {
            return;                                  // a dry run: nothing will be spent
        }
        double total = estimate.getJsonNumber("totalCost").doubleValue();
        Double cap = ctx.request().maxCostUsd();
        if (cap != null && total > cap) {
            throw new StageFailedException(StageName.DIRECTOR, String.format(java.util.Locale.ROOT,
                    "Estimated cost $%.3f exceeds this job's cap of $%.2f (maxCostUsd)", total, cap), null);
        }
        if (!costGate.approve(ctx.job(), estimate)) {
            ctx.job().cancel();
            throw new InterruptedException("the estimated cost was not confirmed");
        }
    }

    private static InterruptedException interrupted(Exception cause) {
        InterruptedException ie = new InterruptedException("cancelled");
        ie.initCause(cause);
        return ie;
    }

    /** The message a person reads in job:failed: the root cause's own words, not a chain of class names. */
    static String messageOf(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
