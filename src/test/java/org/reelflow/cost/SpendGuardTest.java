package org.reelflow.cost;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;

class SpendGuardTest {

    @Test
    void allowsCallsUntilTheNextWouldPassTheCapCountingTheLlmSpend() {
        AtomicReference<Double> llm = new AtomicReference<>(0.0);
        SpendGuard guard = new SpendGuard(0.30, llm::get);
        assertThat(guard.allow(SpendGuard.imagePrice("gemini")), is(true));     // 0.101
        assertThat(guard.allow(SpendGuard.imagePrice("gemini")), is(true));     // 0.202
        llm.set(0.05);                                                          // the LLM spent meanwhile
        assertThat(guard.allow(SpendGuard.imagePrice("gemini")), is(false));    // 0.353 > 0.30
        assertThat(guard.spent(), closeTo(0.252, 1e-9));
        assertThat(guard.refusal("Scene 3's gemini image", 0.101),
                   is("Scene 3's gemini image ($0.101) would pass this job's cap of $0.30 (spent so far $0.252)"));
    }

    @Test
    void noCapAllowsEverything() {
        SpendGuard guard = SpendGuard.unlimited();
        for (int i = 0; i < 100; i++) {
            assertThat(guard.allow(SpendGuard.clipPrice("fal")), is(true));
        }
        assertThat(guard.spent(), closeTo(100 * 6 * 0.07, 1e-9));
    }

    @Test
    void unitPricesFollowTheReference() {
        assertThat(SpendGuard.speechPrice("elevenlabs", 1000), closeTo(0.18, 1e-12));
        assertThat(SpendGuard.speechPrice("local", 1000), is(0.0));
        assertThat(SpendGuard.clipPrice("gemini"), closeTo(0.30, 1e-12));
        assertThat(SpendGuard.llmPrice("anthropic", 1_000_000, 0), closeTo(3.0, 1e-12));
        assertThat(SpendGuard.imagePrice(null), is(0.0));
    }
}
