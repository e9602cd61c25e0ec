package org.reelflow.cost;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.reelflow.providers.ProviderChoice;
import org.reelflow.score.DirectorScore;
import org.reelflow.score.Scene;
import org.reelflow.score.ScoreVocabulary;

/**
 * The up-front cost estimate OpenReels shows after the director ({@code estimateCost}): a {@code CostBreakdown}
 * that becomes {@code meta.costEstimate} and the {@code cost_estimate} event. Nothing is rounded; that is display work.
 */
public final class CostEstimator {

    /**
     * @param gateEvaluations critic calls made by the quality gate (replays pass 0)
     * @param revisionRounds  director revisions made by the quality gate (replays pass 0)
     * @param replay          the score was supplied, so research, director and critic calls are not made
     */
    public JsonObject estimate(DirectorScore score, ProviderChoice providers, int gateEvaluations, int revisionRounds,
                               boolean replay) {
        Prices.TokenPrice llm = Prices.LLM.getOrDefault(providers.llm(), Prices.FREE_LLM);
        double research = callCost(Prices.RESEARCH, llm);
        double director = callCost(Prices.CREATIVE_DIRECTOR, llm);
        double critic = callCost(Prices.CRITIC, llm);
        double imagePrompter = callCost(Prices.IMAGE_PROMPTER, llm);

        double perImage = providers.image() == null ? 0 : Prices.IMAGE_PER_IMAGE.getOrDefault(providers.image(), 0.0);
        double perVideoSecond = providers.video() == null ? 0
                : Prices.FAL.equals(providers.video()) ? Prices.FAL_PER_SECOND : Prices.VEO_PER_SECOND;
        double ttsPerChar = providers.tts() == null ? 0 : Prices.TTS_PER_CHARACTER.getOrDefault(providers.tts(), 0.0);

        int aiVideos = count(score, ScoreVocabulary.AI_VIDEO);
        // An ai_video scene starts from an AI image (its first frame), so it counts as an image too.
        int aiImages = count(score, ScoreVocabulary.AI_IMAGE) + aiVideos;
        // UTF-16 code units, like JavaScript's String.length.
        int ttsCharacters = score.scenes().stream().mapToInt(s -> s.scriptLine().length()).sum();
        int llmCalls = (replay ? 0 : 3) + count(score, ScoreVocabulary.AI_IMAGE) + 2 * aiVideos;

        double llmCost = (replay ? 0 : research + director + critic) + aiImages * imagePrompter;
        double revisionCost = gateEvaluations * critic + revisionRounds * director;
        double ttsCost = ttsCharacters * ttsPerChar;
        double imageCost = aiImages * perImage;
        double videoCost = aiVideos * Prices.VIDEO_SECONDS_PER_CLIP * perVideoSecond;
        double musicCost = Prices.LYRIA.equals(providers.music()) ? Prices.LYRIA_PER_TRACK + imagePrompter : 0;
        double totalCost = llmCost + revisionCost + ttsCost + imageCost + videoCost + musicCost;

        JsonArrayBuilder perScene = Json.createArrayBuilder();
        for (Scene scene : score.scenes()) {
            double cost = switch (scene.visualType()) {
                case ScoreVocabulary.AI_IMAGE -> perImage + imagePrompter;
                case ScoreVocabulary.AI_VIDEO ->
                        perImage + 2 * imagePrompter + Prices.VIDEO_SECONDS_PER_CLIP * perVideoSecond;
                default -> 0;
            };
            perScene.add(Json.createObjectBuilder().add("type", scene.visualType()).add("cost", cost));
        }

        return Json.createObjectBuilder()
                .add("llmCost", llmCost)
                .add("revisionCost", revisionCost)
                .add("ttsCost", ttsCost)
                .add("imageCost", imageCost)
                .add("videoCost", videoCost)
                .add("musicCost", musicCost)
                .add("totalCost", totalCost)
                .add("details", Json.createObjectBuilder()
                        .add("llmCalls", llmCalls)
                        .add("gateEvaluations", gateEvaluations)
                        .add("revisionRounds", revisionRounds)
                        .add("ttsCharacters", ttsCharacters)
                        .add("aiImages", aiImages)
                        .add("aiVideos", aiVideos))
                .add("perScene", perScene)
                .build();
    }

    private static double callCost(Prices.CallEstimate call, Prices.TokenPrice price) {
        return call.inputTokens() * price.input() / 1_000_000 + call.outputTokens() * price.output() / 1_000_000;
    }

    private static int count(DirectorScore score, String visualType) {
        return (int) score.scenes().stream().filter(s -> visualType.equals(s.visualType())).count();
    }
}
