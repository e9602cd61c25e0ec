package org.reelflow.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The reference CLI's cost estimate text ({@code formatCostEstimate}), from a {@code cost_estimate}
 * event's {@code estimate}: total to 3 decimals, parts to 4, then stock and per-scene lines.
 */
public final class CostFormat {

    private CostFormat() {
    }

    /**
     * @param estimate   the CostBreakdown
     * @param perImage   the image provider's price per image (0 for the local cards)
     * @param stockScenes scenes of the plan that use stock footage (for the fallback line)
     */
    public static List<String> lines(JsonObject estimate, double perImage, int stockScenes) {
        JsonObject d = estimate.getJsonObject("details");
        List<String> lines = new ArrayList<>();
        lines.add("Estimated cost: $" + f3(num(estimate, "totalCost")));
        lines.add("  LLM:    $" + f4(num(estimate, "llmCost")) + " (" + integer(d, "llmCalls") + " calls)");
        if (num(estimate, "revisionCost") > 0) {
            int evals = integer(d, "gateEvaluations");
            int revs = integer(d, "revisionRounds");
            String detail = evals + " eval" + (evals != 1 ? "s" : "")
                            + (revs > 0 ? ", " + revs + " revision" + (revs != 1 ? "s" : "") : "");
            lines.add("  Gate:   $" + f4(num(estimate, "revisionCost")) + " (" + detail + ")");
        }
        lines.add("  TTS:    $" + f4(num(estimate, "ttsCost")) + " (" + integer(d, "ttsCharacters") + " chars)");
        lines.add("  Images: $" + f4(num(estimate, "imageCost")) + " (" + integer(d, "aiImages") + " AI images @ $"
                  + f3(perImage) + "/ea)");
        if (integer(d, "aiVideos") > 0) {
            lines.add("  Video:  $" + f4(num(estimate, "videoCost")) + " (" + integer(d, "aiVideos") + " AI videos)");
        }
        if (num(estimate, "musicCost") > 0) {
            lines.add("  Music:  $" + f4(num(estimate, "musicCost")) + " (Lyria AI generation)");
        }
        lines.add("  Stock:  free");
        if (stockScenes > 0 && perImage > 0) {
            lines.add("  Max additional if stock falls back: +$" + f3(stockScenes * perImage) + " (" + stockScenes
                      + " stock scenes × $" + f3(perImage) + "/ea)");
        }
        JsonValue perScene = estimate.get("perScene");
        if (perScene != null && perScene.getValueType() == JsonValue.ValueType.ARRAY && !perScene.asJsonArray().isEmpty()) {
            lines.add("  Per-scene:");
            int i = 1;
            for (JsonObject s : perScene.asJsonArray().getValuesAs(JsonObject.class)) {
                double cost = num(s, "cost");
                lines.add("    Scene " + i++ + " (" + s.getString("type", "?") + "): " + (cost > 0 ? "$" + f3(cost) : "free"));
            }
        }
        return lines;
    }

    public static double total(JsonObject estimate) {
        return num(estimate, "totalCost");
    }

    /** Dollars to 3 decimals, as the reference's total. */
    public static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** The reference's unit prices of an image provider; other providers (local cards) are free. */
    public static double perImage(String imageProvider) {
        if (imageProvider == null) {
            return 0;
        }
        return switch (imageProvider) {
            case "gemini" -> 0.101;
            case "openai" -> 0.167;
            default -> 0;
        };
    }

    private static double num(JsonObject o, String key) {
        return o != null && o.get(key) instanceof JsonNumber n ? n.doubleValue() : 0;
    }

    private static int integer(JsonObject o, String key) {
        return o != null && o.get(key) instanceof JsonNumber n ? n.intValue() : 0;
    }
}
