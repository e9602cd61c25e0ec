package org.reelflow.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.spi.ConfigSource;

import org.reelflow.api.AccessControl;
import org.reelflow.api.BaseUrlPolicy;

/**
 * The whole configuration, read once at start-up and handed to the {@link Engine} and the {@link Server}.
 *
 * <p>Sources, first wins: the caller's overrides (the CLI's output folder, an embedder's jobs folder), system
 * properties, environment variables ({@code JOBS_DIR} is {@code jobs.dir}), {@code ./config/application.yaml},
 * then the copy embedded in the jar.
 *
 * @param settings  the engine's own settings (jobs folder, workers, streams, limits)
 * @param server    Helidon's {@code server} node (host, port, connection limits), read by the web server itself
 * @param access    who may call the API ({@code api.token}, allowed origins)
 * @param baseUrls  which vendor base URLs a job may name
 * @param sections  the root node, for the provider factories that read their own sections
 *                  ({@code llm}, {@code providers.*}) when the engine builds its {@link Services}
 */
public record ReelflowConfig(Settings settings, Config server, AccessControl access, BaseUrlPolicy baseUrls,
                             Config sections) {

    /** The server's configuration: system properties, environment, ./config/application.yaml, the embedded copy. */
    public static ReelflowConfig load() {
        return load(Map.of());
    }

    /** The server's configuration with {@code overrides} on top of every other source. */
    public static ReelflowConfig load(Map<String, String> overrides) {
        List<java.util.function.Supplier<? extends ConfigSource>> sources = new ArrayList<>();
        if (!overrides.isEmpty()) {
            sources.add(ConfigSources.create(overrides));
        }
        sources.add(ConfigSources.systemProperties());
        sources.add(ConfigSources.environmentVariables());
        sources.add(ConfigSources.file("config/application.yaml").optional());
        sources.add(ConfigSources.classpath("application.yaml").optional());
        return from(Config.builder()
                            .disableEnvironmentVariablesSource()
                            .disableSystemPropertiesSource()
                            .sources(sources)
                            .build());
    }

    /** Reads a configuration the caller assembled (tests use only their own values and the shipped yaml). */
    public static ReelflowConfig from(Config root) {
        return new ReelflowConfig(Settings.from(root), root.get("server"), AccessControl.from(root),
                                  BaseUrlPolicy.from(root), root);
    }
}
