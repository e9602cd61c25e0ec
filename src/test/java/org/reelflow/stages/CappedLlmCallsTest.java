package org.reelflow.stages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.reelflow.cost.SpendGuard;
import org.reelflow.providers.stock.QueryReformer;
import org.reelflow.providers.stock.VisionJudge;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CappedLlmCallsTest {

    @Test
    void callsAreMadeUnderTheCapAndRefusedWithAReasonBeyondIt() throws Exception {
        AtomicReference<Double> llmSpent = new AtomicReference<>(0.0);
        SpendGuard guard = new SpendGuard(0.10, llmSpent::get);
        List<String> said = new ArrayList<>();
        CappedLlmCalls capped = new CappedLlmCalls(guard, "anthropic", said::add);
        List<String> calls = new ArrayList<>();
        VisionJudge judge = capped.judge((image, visual, narration) -> {
            calls.add("judge");
            return new VisionJudge.Verdict(true, 0.9, "fits");
        });
        QueryReformer reformer = capped.reformer((visual, narration) -> {
            calls.add("reform");
            return List.of("honey jar", "golden honey");
        });

        assertThat(judge.judge(Path.of("x.jpg"), "honey", "Honey never spoils.").relevant(), is(true));
        assertThat(reformer.reformulate("honey", "n"), contains("honey jar", "golden honey"));

        llmSpent.set(0.099);                       // the next call (~$0.0054 with Anthropic) would pass $0.10
        assertThrows(IllegalStateException.class, () -> judge.judge(Path.of("x.jpg"), "honey", "n"));
        assertThat(reformer.reformulate("honey", "n"), contains("honey"));
        assertThat("refused calls are not made", calls, contains("judge", "reform"));
        assertThat(said.size(), is(2));
        assertThat(said.get(0), startsWith("A stock check ($0.005) would pass this job's cap of $0.10"));
    }
}
