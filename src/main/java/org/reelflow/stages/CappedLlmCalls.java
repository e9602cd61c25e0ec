package org.reelflow.stages;

import java.util.List;
import java.util.function.Consumer;

import org.reelflow.cost.SpendGuard;
import org.reelflow.providers.stock.QueryReformer;
import org.reelflow.providers.stock.VisionJudge;

/**
 * The LLM calls made after the plan (stock checks, query rewrites, image prompts) asked against the job's cap
 * first: a call that would pass it is not made, the caller takes its free path (an unverified candidate, the
 * original query, the style prompt) and the refusal is reported.
 */
final class CappedLlmCalls {

    private final SpendGuard guard;
    private final double price;
    private final Consumer<String> report;

    /**
     * @param llm    the job's LLM provider (its prices)
     * @param report where a refusal is said (the visuals stage's error event)
     */
    CappedLlmCalls(SpendGuard guard, String llm, Consumer<String> report) {
        this.guard = guard;
        this.price = SpendGuard.smallCallPrice(llm);
        this.report = report;
    }

    /** True when a call of {@code what} may be made; otherwise reports why not. */
    boolean allow(String what) {
        if (guard.wouldPass(price)) {
            report.accept(guard.refusal(what, price) + ": skipped");
            return false;
        }
        return true;
    }

    /** The judge, refusing (as an error the resolver reports as stock_unverified) when the cap would be passed. */
    VisionJudge judge(VisionJudge judge) {
        return (image, visual, narration) -> {
            if (!allow("A stock check")) {
                throw new IllegalStateException("cost cap: the candidate is used unchecked");
            }
            return judge.judge(image, visual, narration);
        };
    }

    /** The reformer, keeping the original query when the cap would be passed. */
    QueryReformer reformer(QueryReformer reformer) {
        return (visual, narration) -> allow("A stock query rewrite") ? reformer.reformulate(visual, narration) : List.of(visual);
    }
}
