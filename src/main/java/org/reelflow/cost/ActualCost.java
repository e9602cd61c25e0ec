package org.reelflow.cost;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.reelflow.providers.ProviderChoice;

/**
 * What a job really spent, priced from what its providers reported using — OpenReels' ActualCostBreakdown, with
 * the same unit prices as the estimate. Unlike the reference, TTS is priced on the characters really sent.
 */
public final class ActualCost {

    /** What the job's providers reported. */
    public record Usage(long inputTokens, long outputTokens, long ttsCharacters, int aiImages, int aiVideos,
                        boolean musicGenerated) {
    }

    private ActualCost() {
    }

    public static JsonObject of(ProviderChoice providers, Usage usage) {
        Prices.TokenPrice llm = Prices.LLM.getOrDefault(providers.llm(), Prices.FREE_LLM);
        double llmCost = usage.inputTokens() * llm.input() / 1_000_000 + usage.outputTokens() * llm.output() / 1_000_000;
        double ttsCost = usage.ttsCharacters()
                         * (providers.tts() == null ? 0 : Prices.TTS_PER_CHARACTER.getOrDefault(providers.tts(), 0.0));
        double imageCost = usage.aiImages()
                           * (providers.image() == null ? 0 : Prices.IMAGE_PER_IMAGE.getOrDefault(providers.image(), 0.0));
        double perVideoSecond = providers.video() == null ? 0
                : Prices.FAL.equals(providers.video()) ? Prices.FAL_PER_SECOND : Prices.VEO_PER_SECOND;
        double videoCost = usage.aiVideos() * Prices.VIDEO_SECONDS_PER_CLIP * perVideoSecond;
        double musicCost = usage.musicGenerated() ? Prices.LYRIA_PER_TRACK : 0;
        return Json.createObjectBuilder()
                .add("llmCost", llmCost)
                .add("ttsCost", ttsCost)
                .add("imageCost", imageCost)
                .add("videoCost", videoCost)
                .add("musicCost", musicCost)
                .add("totalCost", llmCost + ttsCost + imageCost + videoCost + musicCost)
                .add("details", Json.createObjectBuilder()
                        .add("totalInputTokens", usage.inputTokens())
                        .add("totalOutputTokens", usage.outputTokens())
                        .add("ttsCharacters", usage.ttsCharacters())
                        .add("aiImages", usage.aiImages())
                        .add("aiVideos", usage.aiVideos()))
                .build();
    }
}
