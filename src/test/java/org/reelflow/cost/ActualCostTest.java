package org.reelflow.cost;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import org.reelflow.providers.ProviderChoice;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;

class ActualCostTest {

    private static ProviderChoice choice(String llm, String tts, String image, String video, String music) {
        return new ProviderChoice(llm, tts, image, null, video, null, music, null, null, null);
    }

    @Test
    void pricesWhatWasReportedAtTheReferencesUnitPrices() {
        JsonObject cost = ActualCost.of(choice("anthropic", "elevenlabs", "gemini", "fal", "lyria"),
                                        new ActualCost.Usage(1_000_000, 100_000, 1_000, 2, 1, true));
        assertThat(cost.getJsonNumber("llmCost").doubleValue(), closeTo(3.0 + 1.5, 1e-9));      // $3/M in, $15/M out
        assertThat(cost.getJsonNumber("ttsCost").doubleValue(), closeTo(0.18, 1e-9));          // 0.00018 per character
        assertThat(cost.getJsonNumber("imageCost").doubleValue(), closeTo(0.202, 1e-9));       // 0.101 per image
        assertThat(cost.getJsonNumber("videoCost").doubleValue(), closeTo(0.42, 1e-9));        // 6 s × $0.07
        assertThat(cost.getJsonNumber("musicCost").doubleValue(), closeTo(0.08, 1e-9));
        assertThat(cost.getJsonNumber("totalCost").doubleValue(), closeTo(4.5 + 0.18 + 0.202 + 0.42 + 0.08, 1e-9));
        assertThat(cost.getJsonObject("details").getInt("aiImages"), is(2));
        assertThat(cost.getJsonObject("details").getJsonNumber("totalInputTokens").longValue(), is(1_000_000L));
    }

    @Test
    void offlineProvidersCostNothing() {
        JsonObject cost = ActualCost.of(choice("offline", "local", "local", null, null),
                                        new ActualCost.Usage(0, 0, 0, 0, 0, false));
        assertThat(cost.getJsonNumber("totalCost").doubleValue(), is(0.0));
    }
}
