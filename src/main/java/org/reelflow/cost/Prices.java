package org.reelflow.cost;

import java.util.Map;

/**
 * OpenReels' unit prices (USD, {@code src/cli/cost-estimator.ts}) and per-call token estimates. A provider missing
 * from a table costs nothing: OpenRouter and OpenAI-compatible LLMs in OpenReels, and local providers here.
 */
final class Prices {

    /** Per million tokens. */
    record TokenPrice(double input, double output) {
    }

    /** Estimated tokens of one LLM call. */
    record CallEstimate(int inputTokens, int outputTokens) {
    }

    static final Map<String, TokenPrice> LLM = Map.of(
            "anthropic", new TokenPrice(3, 15),
            "openai", new TokenPrice(2, 8),
            "gemini", new TokenPrice(0.10, 0.40));
    static final TokenPrice FREE_LLM = new TokenPrice(0, 0);

    static final Map<String, Double> TTS_PER_CHARACTER = Map.of(
            "elevenlabs", 0.00018,
            "inworld", 0.00001,
            "kokoro", 0.0,
            "gemini-tts", 0.00002,
            "openai-tts", 0.00005);

    static final Map<String, Double> IMAGE_PER_IMAGE = Map.of(
            "gemini", 0.101,
            "openai", 0.167);

    /** Veo is the price for every video provider except fal (Kling). */
    static final double VEO_PER_SECOND = 0.05;
    static final double FAL_PER_SECOND = 0.07;
    static final String FAL = "fal";
    /** Every clip is estimated at this length, whatever the scene's duration. */
    static final int VIDEO_SECONDS_PER_CLIP = 6;

    static final String LYRIA = "lyria";
    static final double LYRIA_PER_TRACK = 0.08;

    static final CallEstimate RESEARCH = new CallEstimate(2000, 1000);
    static final CallEstimate CREATIVE_DIRECTOR = new CallEstimate(5000, 2000);
    static final CallEstimate CRITIC = new CallEstimate(3000, 500);
    static final CallEstimate IMAGE_PROMPTER = new CallEstimate(800, 200);

    private Prices() {
    }
}
