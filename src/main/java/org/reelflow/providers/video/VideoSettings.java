package org.reelflow.providers.video;

import java.net.URI;
import java.time.Duration;

import org.reelflow.providers.Models;
import org.reelflow.providers.http.RetryPolicy;

/**
 * Where the video vendors live and how long to wait for them. Base URLs are settable so tests can point the
 * providers at a local double.
 *
 * @param googleBaseUrl  Gemini API root (Veo), e.g. {@code https://generativelanguage.googleapis.com}
 * @param falQueueUrl    fal queue root, e.g. {@code https://queue.fal.run}
 * @param falRestUrl     fal REST root for storage uploads, e.g. {@code https://rest.fal.ai} (the legacy
 *                       {@code rest.alpha.fal.ai} is what fal's own clients have left)
 * @param models         the Veo model and the fal endpoint ({@code providers.models.video.*})
 * @param pollInterval   time between two status checks (OpenReels: 5 s)
 * @param pollTimeout    how long the status loop may run before giving up (OpenReels: 180 s)
 * @param requests       bounds on each submit/status call
 * @param downloads      bounds on fetching the finished clip (larger bodies, longer timeout)
 */
public record VideoSettings(URI googleBaseUrl, URI falQueueUrl, URI falRestUrl, Models models,
                            Duration pollInterval, Duration pollTimeout, RetryPolicy requests, RetryPolicy downloads) {

    public VideoSettings {
        if (pollInterval.isNegative() || pollTimeout.isNegative() || pollTimeout.isZero()) {
            throw new IllegalArgumentException("poll interval must be >= 0 and poll timeout > 0");
        }
    }

    public static VideoSettings defaults() {
        return new VideoSettings(URI.create("https://generativelanguage.googleapis.com"), URI.create("https://queue.fal.run"),
                                 URI.create("https://rest.fal.ai"), Models.DEFAULTS, Duration.ofSeconds(5),
                                 Duration.ofSeconds(180), RetryPolicy.DEFAULT.withTimeout(Duration.ofSeconds(30)),
                                 RetryPolicy.DEFAULT.withTimeout(Duration.ofSeconds(120)));
    }

    public VideoSettings withGoogleBaseUrl(URI u) {
        return new VideoSettings(u, falQueueUrl, falRestUrl, models, pollInterval, pollTimeout, requests, downloads);
    }

    public VideoSettings withFalUrls(URI queue, URI rest) {
        return new VideoSettings(googleBaseUrl, queue, rest, models, pollInterval, pollTimeout, requests, downloads);
    }

    public VideoSettings withModels(Models m) {
        return new VideoSettings(googleBaseUrl, falQueueUrl, falRestUrl, m, pollInterval, pollTimeout, requests, downloads);
    }

    public VideoSettings withPolling(Duration interval, Duration timeout) {
        return new VideoSettings(googleBaseUrl, falQueueUrl, falRestUrl, models, interval, timeout, requests, downloads);
    }

    public VideoSettings withPolicies(RetryPolicy requestPolicy, RetryPolicy downloadPolicy) {
        return new VideoSettings(googleBaseUrl, falQueueUrl, falRestUrl, models, pollInterval, pollTimeout, requestPolicy,
                                 downloadPolicy);
    }
}
