package org.reelflow.cli;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

/** The reference's estimate text, on the inventory's worked example (§5). */
class CostFormatTest {

    @Test
    void workedExample() {
        JsonObject estimate = Json.createObjectBuilder()
                .add("llmCost", 0.1041).add("revisionCost", 0.0165).add("ttsCost", 0.108).add("imageCost", 0.404)
                .add("videoCost", 0.30).add("musicCost", 0).add("totalCost", 0.9326)
                .add("details", Json.createObjectBuilder().add("llmCalls", 8).add("gateEvaluations", 1)
                        .add("revisionRounds", 0).add("ttsCharacters", 600).add("aiImages", 4).add("aiVideos", 1))
                .add("perScene", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "ai_image").add("cost", 0.1064))
                        .add(Json.createObjectBuilder().add("type", "text_card").add("cost", 0)))
                .build();
        List<String> lines = CostFormat.lines(estimate, 0.101, 2);
        assertThat(String.join("\n", lines), is("""
                Estimated cost: $0.933
                  LLM:    $0.1041 (8 calls)
                  Gate:   $0.0165 (1 eval)
                  TTS:    $0.1080 (600 chars)
                  Images: $0.4040 (4 AI images @ $0.101/ea)
                  Video:  $0.3000 (1 AI videos)
                  Stock:  free
                  Max additional if stock falls back: +$0.202 (2 stock scenes × $0.101/ea)
                  Per-scene:
                    Scene 1 (ai_image): $0.106
                    Scene 2 (text_card): free"""));
    }
}
