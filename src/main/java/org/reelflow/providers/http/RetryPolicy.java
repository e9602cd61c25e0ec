package org.reelflow.providers.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a provider call is bounded: a timeout per attempt, a number of attempts, and exponential backoff with full
 * jitter between them. A wait the server asks for (Retry-After, Google's retryDelay) wins; one longer than
 * {@code maxRetryAfter} ends the call at once instead of being cut short and refused again.
 */
public record RetryPolicy(Duration timeout, int maxAttempts, Duration baseBackoff, Duration maxBackoff,
                          Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(60), 3, Duration.ofMillis(500),
                                                              Duration.ofSeconds(8), Duration.ofSeconds(60));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public RetryPolicy withTimeout(Duration t) {
        return new RetryPolicy(t, maxAttempts, baseBackoff, maxBackoff, maxRetryAfter);
    }

    /** Full jitter: a random delay in [0, min(max, base·2^(attempt-1))]. */
    Duration backoff(int attempt) {
        long cap = Math.min(maxBackoff.toMillis(), baseBackoff.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
    }
}
