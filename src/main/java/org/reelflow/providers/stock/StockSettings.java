package org.reelflow.providers.stock;

import java.net.URI;
import java.time.Duration;

import org.reelflow.providers.http.RetryPolicy;

/**
 * Where the stock vendors live (settable so tests can use a local double) and how calls are bounded.
 *
 * @param searches  bounds on a search call; a rate limit is retried when its wait is within {@code maxRetryAfter},
 *                  else (and once retries are spent) treated as "no results" as OpenReels does
 * @param downloads bounds on fetching a photo or clip
 */
public record StockSettings(URI pexelsBaseUrl, URI pixabayBaseUrl, RetryPolicy searches, RetryPolicy downloads) {

    public static StockSettings defaults() {
        return new StockSettings(URI.create("https://api.pexels.com"), URI.create("https://pixabay.com"),
                                 new RetryPolicy(Duration.ofSeconds(20), 2, Duration.ofMillis(500), Duration.ofSeconds(4),
                                                 Duration.ofSeconds(5)),
                                 RetryPolicy.DEFAULT.withTimeout(Duration.ofSeconds(90)));
    }

    public StockSettings withBaseUrls(URI pexels, URI pixabay) {
        return new StockSettings(pexels, pixabay, searches, downloads);
    }

    public StockSettings withPolicies(RetryPolicy search, RetryPolicy download) {
        return new StockSettings(pexelsBaseUrl, pixabayBaseUrl, search, download);
    }
}
