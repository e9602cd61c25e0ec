package org.reelflow.app;

import java.nio.file.Path;
import java.time.Duration;

import io.helidon.config.Config;

/** The application's own settings (the server's are read by Helidon from the {@code server} node). */
public record Settings(Path jobsDir,
                       int concurrency,
                       int maxJobs,
                       Duration cancelWait,
                       Duration heartbeat,
                       Duration retry,
                       Duration writeTimeout,
                       int queueCapacity,
                       long maxBodyBytes,
                       Path musicCache,
                       Double defaultMaxCostUsd) {

    public static Settings from(Config config) {
        return new Settings(Path.of(config.get("jobs.dir").asString().orElse("./jobs")),
                            config.get("jobs.concurrency").asInt().orElse(1),
                            config.get("jobs.max").asInt().orElse(0),
                            duration(config.get("jobs.cancel-wait"), Duration.ofSeconds(10)),
                            duration(config.get("sse.heartbeat"), Duration.ofSeconds(15)),
                            duration(config.get("sse.retry"), Duration.ofSeconds(3)),
                            duration(config.get("sse.write-timeout"), Duration.ofSeconds(10)),
                            config.get("sse.queue-capacity").asInt().orElse(256),
                            config.get("api.max-body-bytes").asLong().orElse(1_048_576L),
                            config.get("media.music-cache").asString().map(Path::of)
                                  .orElseGet(() -> Path.of(config.get("jobs.dir").asString().orElse("./jobs"), ".cache", "music")),
                            config.get("cost.max-usd").asDouble().map(d -> d > 0 ? d : null).orElse(null));
    }

    /** ISO-8601 ({@code PT15S}) or a plain number of seconds ({@code 15}, {@code 0.2}); blank is unset. */
    static Duration duration(Config node, Duration fallback) {
        return node.asString().map(String::trim).filter(s -> !s.isEmpty()).map(s -> {
            if (s.matches("\\d+(\\.\\d+)?")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
            }
            return Duration.parse(s);
        }).orElse(fallback);
    }
}
