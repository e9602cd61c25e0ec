package org.reelflow.support;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.reelflow.events.StageName;
import org.reelflow.pipeline.CostGate;
import org.reelflow.pipeline.Pipeline;
import org.reelflow.pipeline.Stage;
import org.reelflow.pipeline.StageContext;
import org.reelflow.pipeline.StageResult;

/** Test doubles of the six stages: each runs a body the test gives, or completes with "ok". */
public final class FakeStages {

    /** What a fake stage does. */
    @FunctionalInterface
    public interface Body {
        StageResult run(StageContext ctx) throws Exception;
    }

    private final Map<StageName, Body> bodies = new EnumMap<>(StageName.class);

    public static FakeStages create() {
        return new FakeStages();
    }

    public FakeStages with(StageName stage, Body body) {
        bodies.put(stage, body);
        return this;
    }

    public Pipeline pipeline() {
        return pipeline(CostGate.APPROVE);
    }

    /** The fakes behind a real cost gate (it sees the estimate a fake director emits). */
    public Pipeline pipeline(CostGate gate) {
        List<Stage> stages = new ArrayList<>();
        for (StageName name : StageName.values()) {
            Body body = bodies.getOrDefault(name, ctx -> StageResult.complete("ok"));
            stages.add(new Stage() {
                @Override
                public StageName name() {
                    return name;
                }

                @Override
                public StageResult run(StageContext ctx) throws Exception {
                    return body.run(ctx);
                }
            });
        }
        return new Pipeline(ctx -> { }, stages, gate);
    }

    /** A body that waits (interruptibly) until the test opens the gate, then completes. */
    public static Body blockUntil(CountDownLatch gate, CountDownLatch entered) {
        return ctx -> {
            entered.countDown();
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test gate never opened");
            }
            return StageResult.complete("released");
        };
    }
}
