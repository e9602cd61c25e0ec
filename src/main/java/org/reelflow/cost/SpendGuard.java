package org.reelflow.cost;

import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * One job's spending cap, asked before each paid media call: would what was spent so far (the LLM's reported
 * usage plus the media calls already allowed) plus this call pass the cap? If so, the caller takes the free
 * fallback and says so. No cap means every call is allowed (and still counted).
 */
public final class SpendGuard {

    private final Double cap;
    private final DoubleSupplier llmSpent;
    private double media;

    /**
     * @param cap      dollars, or null for none
     * @param llmSpent what the job's LLM calls have cost so far
     */
    public SpendGuard(Double cap, DoubleSupplier llmSpent) {
        this.cap = cap;
        this.llmSpent = llmSpent;
    }

    /** No cap. */
    public static SpendGuard unlimited() {
        return new SpendGuard(null, () -> 0);
    }

    /** Reserves {@code usd} for a call and returns true, or returns false when it would pass the cap. */
    public synchronized boolean allow(double usd) {
        if (cap != null && llmSpent.getAsDouble() + media + usd > cap + 1e-9) {
            return false;
        }
        media += usd;
        return true;
    }

    /**
     * Whether a call priced {@code usd} would pass the cap, without reserving it — for LLM calls, whose real cost
     * arrives through the reported usage once they are made.
     */
    public synchronized boolean wouldPass(double usd) {
        return cap != null && spent() + usd > cap + 1e-9;
    }

    /** A sentence for the event that reports a fallback, e.g. "… would pass this job's cap of $0.15". */
    public String refusal(String call, double usd) {
        return String.format(Locale.ROOT, "%s ($%.3f) would pass this job's cap of $%.2f (spent so far $%.3f)",
                             call, usd, cap, spent());
    }

    public synchronized double spent() {
        return llmSpent.getAsDouble() + media;
    }

    /** The price of one image from {@code provider} (0 for providers without one). */
    public static double imagePrice(String provider) {
        return provider == null ? 0 : Prices.IMAGE_PER_IMAGE.getOrDefault(provider, 0.0);
    }

    /** The price of speaking {@code characters} with {@code provider}. */
    public static double speechPrice(String provider, long characters) {
        return provider == null ? 0 : characters * Prices.TTS_PER_CHARACTER.getOrDefault(provider, 0.0);
    }

    /** The price of one clip from {@code provider} (the reference prices every clip at 6 s). */
    public static double clipPrice(String provider) {
        if (provider == null) {
            return 0;
        }
        return Prices.VIDEO_SECONDS_PER_CLIP * (Prices.FAL.equals(provider) ? Prices.FAL_PER_SECOND : Prices.VEO_PER_SECOND);
    }

    /** The price of one generated track (Lyria). */
    public static double trackPrice() {
        return Prices.LYRIA_PER_TRACK;
    }

    /** The estimate's price of one small LLM call after the plan (an image prompt, a stock check, a rewrite). */
    public static double smallCallPrice(String llm) {
        return llmPrice(llm, Prices.IMAGE_PROMPTER.inputTokens(), Prices.IMAGE_PROMPTER.outputTokens());
    }

    /** The estimate's price of one quality-gate review of the plan. */
    public static double reviewCallPrice(String llm) {
        return llmPrice(llm, Prices.CRITIC.inputTokens(), Prices.CRITIC.outputTokens());
    }

    /** What {@code inputTokens}/{@code outputTokens} cost with {@code llm}. */
    public static double llmPrice(String llm, long inputTokens, long outputTokens) {
        Prices.TokenPrice p = Prices.LLM.getOrDefault(llm, Prices.FREE_LLM);
        return inputTokens * p.input() / 1_000_000 + outputTokens * p.output() / 1_000_000;
    }
}
