package org.reelflow.providers.video;

import java.nio.file.Path;

import org.reelflow.providers.ProviderException;

/**
 * Turns a first-frame picture into a short vertical clip. Implementations block until the clip is on disk at
 * {@code out} (written atomically) and stop at once when the calling thread is interrupted.
 */
public interface VideoGenerator {

    /** The provider key as users choose it: {@code gemini} (Veo) or {@code fal} (Kling). */
    String provider();

    /** The clip lengths the model can make, in seconds, ascending. */
    int[] durations();

    /**
     * Generates a clip from {@code firstFrame} and writes it to {@code out}.
     *
     * @param negativePrompt what the model should avoid; providers that cannot take one ignore it
     * @param sceneSeconds   how long the scene lasts; the clip length is {@link #pickDuration(int[], double)}
     * @return {@code out}
     */
    Path generate(Path firstFrame, String motionPrompt, String negativePrompt, double sceneSeconds, Path out)
            throws ProviderException, InterruptedException;

    /** The scene length assumed when none is known (OpenReels' default). */
    double DEFAULT_SCENE_SECONDS = 5;

    /**
     * The smallest supported length that covers the scene, else the longest one. A missing or non-positive scene
     * length counts as {@value #DEFAULT_SCENE_SECONDS} s.
     */
    static int pickDuration(int[] supported, double sceneSeconds) {
        if (supported.length == 0) {
            throw new IllegalArgumentException("no supported durations");
        }
        double need = Double.isFinite(sceneSeconds) && sceneSeconds > 0 ? sceneSeconds : DEFAULT_SCENE_SECONDS;
        int max = Integer.MIN_VALUE;
        int best = Integer.MAX_VALUE;
        for (int d : supported) {
            max = Math.max(max, d);
            if (d >= need && d < best) {
                best = d;
            }
        }
        return best == Integer.MAX_VALUE ? max : best;
    }
}
