package org.reelflow.providers.stock;

import java.util.ArrayList;
import java.util.List;

import org.reelflow.providers.KeyRing;
import org.reelflow.providers.http.ProviderHttp;

/** Builds stock sources from the job's keys; a missing key fails here, before any call. */
public final class StockSources {

    public static final String PEXELS_KEY = "PEXELS_API_KEY";
    public static final String PIXABAY_KEY = "PIXABAY_API_KEY";

    private StockSources() {
    }

    /**
     * @throws IllegalStateException "PEXELS_API_KEY is required" / "PIXABAY_API_KEY is required"
     * @throws IllegalArgumentException for an unknown provider
     */
    public static StockSource create(String provider, KeyRing keys, ProviderHttp http, StockSettings settings) {
        return switch (provider) {
            case "pexels" -> new PexelsSource(http, keys.require(PEXELS_KEY), settings);
            case "pixabay" -> new PixabaySource(http, keys.require(PIXABAY_KEY), settings);
            default -> throw new IllegalArgumentException("Unknown stock provider: " + provider);
        };
    }

    /**
     * OpenReels' order: the chosen provider first (default {@code pexels}), then the other; each only when its key
     * exists — stock is optional, so no key means an empty list (scenes fall back to AI pictures), not an error.
     */
    public static List<StockSource> available(String preferred, KeyRing keys, ProviderHttp http, StockSettings settings) {
        String first = "pixabay".equals(preferred) ? "pixabay" : "pexels";
        String second = first.equals("pexels") ? "pixabay" : "pexels";
        List<StockSource> out = new ArrayList<>();
        for (String p : List.of(first, second)) {
            if (keys.has(p.equals("pexels") ? PEXELS_KEY : PIXABAY_KEY)) {
                out.add(create(p, keys, http, settings));
            }
        }
        return out;
    }
}
