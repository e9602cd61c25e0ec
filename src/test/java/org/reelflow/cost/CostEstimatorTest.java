package org.reelflow.cost;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.reelflow.providers.ProviderChoice;
import org.reelflow.score.DirectorScore;
import org.reelflow.score.Scene;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

class CostEstimatorTest {

    private static final double EPS = 1e-9;
    private final CostEstimator estimator = new CostEstimator();

    /** The reference's worked example: 3 ai_image + 1 ai_video + 2 stock + 2 text_card, 600 characters of narration. */
    private static DirectorScore workedExampleScore() {
        List<String> types = List.of("ai_image", "stock_image", "ai_image", "text_card",
                                     "ai_video", "stock_image", "ai_image", "text_card");
        List<Scene> scenes = new ArrayList<>();
        for (String type : types) {
            scenes.add(new Scene(type, "prompt", "static", "x".repeat(75), null));
        }
        return new DirectorScore("arc", "warm_narrative", "warm_acoustic", scenes);
    }

    private static ProviderChoice providers(String llm, String tts, String image, String video, String music) {
        return new ProviderChoice(llm, tts, image, "pexels", video, null, music, null, null, null);
    }

    private static double number(JsonObject json, String key) {
        return json.getJsonNumber(key).doubleValue();
    }

    @Test
    void workedExampleFromTheReference() {
        JsonObject e = estimator.estimate(workedExampleScore(),
                                          providers("anthropic", "elevenlabs", "gemini", "gemini", "bundled"), 1, 0, false);
        assertThat(number(e, "llmCost"), closeTo(0.1041, EPS));
        assertThat(number(e, "revisionCost"), closeTo(0.0165, EPS));
        assertThat(number(e, "ttsCost"), closeTo(0.108, EPS));
        assertThat(number(e, "imageCost"), closeTo(0.404, EPS));
        assertThat(number(e, "videoCost"), closeTo(0.30, EPS));
        assertThat(number(e, "musicCost"), is(0.0));
        assertThat(number(e, "totalCost"), closeTo(0.9326, EPS));

        JsonObject details = e.getJsonObject("details");
        assertThat(details.toString(), is("{\"llmCalls\":8,\"gateEvaluations\":1,\"revisionRounds\":0,"
                                          + "\"ttsCharacters\":600,\"aiImages\":4,\"aiVideos\":1}"));
        assertThat(List.copyOf(e.keySet()), is(List.of("llmCost", "revisionCost", "ttsCost", "imageCost", "videoCost",
                                                       "musicCost", "totalCost", "details", "perScene")));
    }

    @Test
    void perSceneCostsByVisualType() {
        JsonObject e = estimator.estimate(workedExampleScore(),
                                          providers("anthropic", "elevenlabs", "gemini", "gemini", "bundled"), 1, 0, false);
        var perScene = e.getJsonArray("perScene").getValuesAs(JsonObject.class);
        assertThat(perScene, hasSize(8));
        assertThat(perScene.get(0).getString("type"), is("ai_image"));
        assertThat(number(perScene.get(0), "cost"), closeTo(0.101 + 0.0054, EPS));
        assertThat(number(perScene.get(4), "cost"), closeTo(0.101 + 2 * 0.0054 + 6 * 0.05, EPS));
        assertThat(number(perScene.get(1), "cost"), is(0.0));
        assertThat(number(perScene.get(3), "cost"), is(0.0));
    }

    @Test
    void replaySkipsResearchDirectorAndCritic() {
        JsonObject e = estimator.estimate(workedExampleScore(),
                                          providers("anthropic", "elevenlabs", "gemini", "gemini", "bundled"), 0, 0, true);
        assertThat(number(e, "llmCost"), closeTo(4 * 0.0054, EPS));
        assertThat(number(e, "revisionCost"), is(0.0));
        assertThat(number(e, "totalCost"), closeTo(0.0216 + 0.108 + 0.404 + 0.30, EPS));
        assertThat(e.getJsonObject("details").getInt("llmCalls"), is(5));
    }

    @Test
    void revisionsChargeCriticAndDirectorCalls() {
        JsonObject e = estimator.estimate(workedExampleScore(),
                                          providers("anthropic", "elevenlabs", "gemini", "gemini", "bundled"), 3, 2, false);
        assertThat(number(e, "revisionCost"), closeTo(3 * 0.0165 + 2 * 0.045, EPS));
    }

    @Test
    void otherProvidersUseTheirOwnPrices() {
        JsonObject e = estimator.estimate(workedExampleScore(),
                                          providers("openai", "openai-tts", "openai", "fal", "lyria"), 0, 0, false);
        double prompter = 800 * 2e-6 + 200 * 8e-6;
        assertThat(number(e, "llmCost"), closeTo((2000 + 5000 + 3000) * 2e-6 + (1000 + 2000 + 500) * 8e-6 + 4 * prompter, EPS));
        assertThat(number(e, "ttsCost"), closeTo(600 * 0.00005, EPS));
        assertThat(number(e, "imageCost"), closeTo(4 * 0.167, EPS));
        assertThat(number(e, "videoCost"), closeTo(6 * 0.07, EPS));
        assertThat(number(e, "musicCost"), closeTo(0.08 + prompter, EPS));
    }

    @Test
    void zeroKeyProvidersCostNothing() {
        JsonObject e = estimator.estimate(workedExampleScore(), providers("offline", "local", null, null, "bundled"),
                                          0, 0, false);
        for (String key : List.of("llmCost", "revisionCost", "ttsCost", "imageCost", "videoCost", "musicCost", "totalCost")) {
            assertThat(key, number(e, key), is(0.0));
        }
        assertThat(e.getJsonObject("details").getInt("aiImages"), is(4));
        assertThat(e.getJsonArray("perScene").getValuesAs(JsonObject.class).stream()
                           .mapToDouble(s -> number(s, "cost")).sum(), is(0.0));
    }

    @Test
    void unsetVideoProviderMeansNoVideoCharge() {
        JsonObject e = estimator.estimate(workedExampleScore(),
                                          providers("anthropic", "elevenlabs", "gemini", null, "bundled"), 1, 0, false);
        assertThat(number(e, "videoCost"), is(0.0));
        assertThat(number(e, "totalCost"), closeTo(0.9326 - 0.30, EPS));
    }
}
