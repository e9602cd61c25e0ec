package org.reelflow.stages;

import org.reelflow.cost.ActualCost;
import org.reelflow.pipeline.Pipeline;
import org.reelflow.pipeline.Production;
import org.reelflow.pipeline.StageContext;
import org.reelflow.providers.tts.CloudVoice;
import org.reelflow.writer.LlmWriter;

/**
 * After the stages: the job's actual cost ({@code actualCost} in the record) from what its providers reported —
 * tokens, characters, images, a generated track. Like the reference, only for jobs that estimated a cost.
 */
public final class CostAccounting implements Pipeline.Completion {

    @Override
    public void complete(StageContext ctx) {
        if (ctx.job().read(r -> r.result("costEstimate")) == null) {
            return;                                   // a dry run, or a job that failed before its estimate
        }
        ctx.job().output("actualCost", ActualCost.of(ctx.production().providers(), usage(ctx.production())));
    }

    static ActualCost.Usage usage(Production p) {
        long in = 0;
        long out = 0;
        if (p.writer() instanceof LlmWriter llm) {
            in = llm.usage().inputTokens();
            out = llm.usage().outputTokens();
        }
        long characters = p.voice() instanceof CloudVoice cloud ? cloud.charactersSent() : 0;
        int images = p.images() == null ? 0 : p.images().imagesGenerated();
        boolean music = p.music() != null && p.music().billable();
        return new ActualCost.Usage(in, out, characters, images, p.videosGenerated(), music);
    }
}
