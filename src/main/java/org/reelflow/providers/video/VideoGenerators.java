package org.reelflow.providers.video;

import java.util.ArrayList;
import java.util.List;

import org.reelflow.providers.KeyRing;
import org.reelflow.providers.http.ProviderHttp;

/** Builds video providers from the job's keys; a missing key fails here, before any call. */
public final class VideoGenerators {

    public static final String GOOGLE_KEY = "GOOGLE_API_KEY";
    public static final String FAL_KEY = "FAL_API_KEY";

    private VideoGenerators() {
    }

    /**
     * One provider by its key.
     *
     * @throws IllegalStateException "GOOGLE_API_KEY is required" / "FAL_API_KEY is required"
     * @throws IllegalArgumentException for an unknown provider
     */
    public static VideoGenerator create(String provider, KeyRing keys, ProviderHttp http, VideoSettings settings) {
        return switch (provider) {
            case "gemini" -> new VeoVideoGenerator(http, keys.require(GOOGLE_KEY), settings);
            case "fal" -> new FalVideoGenerator(http, keys.require(FAL_KEY), settings);
            default -> throw new IllegalArgumentException("Unknown video provider: " + provider);
        };
    }

    /**
     * OpenReels' chain ({@code factory.ts:184-196}): the primary is the chosen provider, else {@code gemini} when a
     * Google key exists, else {@code fal} when a fal key exists, else none; the other one follows as secondary when
     * its key exists. A chosen provider without its key fails.
     *
     * @param preferred the user's {@code videoProvider}, or null
     */
    public static List<VideoGenerator> chain(String preferred, KeyRing keys, ProviderHttp http, VideoSettings settings) {
        List<VideoGenerator> out = new ArrayList<>();
        for (String provider : providers(preferred, keys)) {
            out.add(create(provider, keys, http, settings));
        }
        return out;
    }

    /** The provider keys of {@link #chain}, primary first, without making any (a chosen one's key is not checked). */
    public static List<String> providers(String preferred, KeyRing keys) {
        String primary = preferred != null && !preferred.isBlank() ? preferred
                : keys.has(GOOGLE_KEY) ? "gemini" : keys.has(FAL_KEY) ? "fal" : null;
        if (primary == null) {
            return List.of();
        }
        String other = primary.equals("gemini") ? "fal" : "gemini";
        return keys.has(other.equals("gemini") ? GOOGLE_KEY : FAL_KEY) ? List.of(primary, other) : List.of(primary);
    }
}
