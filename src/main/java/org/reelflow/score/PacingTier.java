package org.reelflow.score;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.reelflow.catalog.Archetype;

/**
 * OpenReels' {@code PACING_CONFIG}: scene count, words per scene and total words per tier. In OpenReels these are
 * prompt guidance and critic rubric, never enforced by the schema.
 */
public enum PacingTier {
    FAST(8, 12, 8, 12, 90, 120),
    MODERATE(7, 10, 10, 16, 100, 140),
    CINEMATIC(5, 8, 15, 22, 90, 130);

    private final int minScenes;
    private final int maxScenes;
    private final int minWordsPerScene;
    private final int maxWordsPerScene;
    private final int minTotalWords;
    private final int maxTotalWords;

    PacingTier(int minScenes, int maxScenes, int minWordsPerScene, int maxWordsPerScene,
               int minTotalWords, int maxTotalWords) {
        this.minScenes = minScenes;
        this.maxScenes = maxScenes;
        this.minWordsPerScene = minWordsPerScene;
        this.maxWordsPerScene = maxWordsPerScene;
        this.minTotalWords = minTotalWords;
        this.maxTotalWords = maxTotalWords;
    }

    /** The wire name: {@code fast}, {@code moderate}, {@code cinematic}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Exact wire names only, as the API validates them. */
    public static Optional<PacingTier> of(String key) {
        return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(PacingTier::key).toList();
    }

    /** The archetype's own tier; moderate when it names none we know (the critic's default in OpenReels). */
    public static PacingTier forArchetype(Archetype archetype) {
        return archetype == null ? MODERATE : of(archetype.scenePacing()).orElse(MODERATE);
    }

    /** As in the critic's prompt: {@code cinematic pacing (5-8 scenes, 15-22 words per scene, 90-130 total words)}. */
    public String describe() {
        return key() + " pacing (" + minScenes + "-" + maxScenes + " scenes, " + minWordsPerScene + "-"
               + maxWordsPerScene + " words per scene, " + minTotalWords + "-" + maxTotalWords + " total words)";
    }

    public int minScenes() {
        return minScenes;
    }

    public int maxScenes() {
        return maxScenes;
    }

    public int minWordsPerScene() {
        return minWordsPerScene;
    }

    public int maxWordsPerScene() {
        return maxWordsPerScene;
    }

    public int minTotalWords() {
        return minTotalWords;
    }

    public int maxTotalWords() {
        return maxTotalWords;
    }
}
