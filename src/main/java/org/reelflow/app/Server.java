package org.reelflow.app;

import java.time.Duration;
import java.util.logging.Logger;

import io.helidon.health.HealthCheck;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;

import org.reelflow.api.ApiException;
import org.reelflow.api.ArtifactsApi;
import org.reelflow.api.CatalogApi;
import org.reelflow.api.ConnectionGuard;
import org.reelflow.api.ErrorHandlers;
import org.reelflow.api.EventsApi;
import org.reelflow.api.HealthApi;
import org.reelflow.api.JobRequestParser;
import org.reelflow.api.JobsApi;
import org.reelflow.api.ProtocolErrors;
import org.reelflow.api.WebUi;
import org.reelflow.events.ListenerRegistry;
import org.reelflow.providers.ProviderCatalog;

/** The HTTP face of an {@link Engine}: the REST API, the event streams, the web UI and the health check. */
public final class Server {

    private static final Logger LOG = Logger.getLogger(Server.class.getName());

    private final WebServer web;
    private final ListenerRegistry registry;

    private Server(WebServer web, ListenerRegistry registry) {
        this.web = web;
        this.registry = registry;
    }

    /**
     * The routes, as one list: error mapping, the connection guard, the API resources under {@code /api/v1}, a JSON
     * 404 for any other {@code /api/} path, then the web UI — registered after {@code /api/*} so it never shadows
     * the API. Tests call this with their own resources and no engine.
     */
    public static void routing(HttpRouting.Builder routing, HttpService... api) {
        ErrorHandlers.register(routing);
        routing.addFeature(new ConnectionGuard());
        routing.register("/api/v1", api);
        routing.any("/api/*", (req, res) -> {
            throw ApiException.notFound("Not found");
        });
        routing.register("/", new WebUi());
    }

    /** Serves {@code engine} on the configured host and port. */
    public static Server start(ReelflowConfig config, Engine engine) {
        Settings settings = config.settings();
        Services services = engine.services();
        HealthApi health = new HealthApi(engine.jobs(), engine.jobsDir(), services.keys());
        HttpRouting.Builder routing = HttpRouting.builder();
        routing(routing,
                new JobsApi(engine.jobs(), new JobRequestParser(services.archetypes(), services.platforms(),
                                                                settings.defaultMaxCostUsd()),
                            settings.maxBodyBytes(), config.baseUrls()),
                new EventsApi(engine.jobs(), engine.registry(), settings.heartbeat(), settings.retry(),
                              settings.writeTimeout()),
                new ArtifactsApi(engine.jobs(), engine::jobDir),
                new CatalogApi(services.archetypes(), services.platforms(), ProviderCatalog.forServer(services.keys()),
                               services.models(), services.modelCheck(), services.env()),
                health);
        WebServer web = WebServer.builder()
                .config(config.server())
                .shutdownHook(false)          // stop() ends the event streams cleanly first
                .directHandlers(ProtocolErrors.handlers())
                .addFeature(config.access())
                .addFeature(ObserveFeature.builder()
                                    .addObserver(HealthObserver.builder().details(true)
                                                         .addChecks(health.checks().toArray(HealthCheck[]::new)).build())
                                    .build())
                .routing(routing)
                .build()
                .start();
        LOG.info("Reelflow listening on http://localhost:" + web.port() + " (jobs in " + engine.jobsDir().toAbsolutePath() + ")");
        return new Server(web, engine.registry());
    }

    public int port() {
        return web.port();
    }

    /**
     * Ends every open event stream with its last chunk (clients see a normal end, not a cut), then stops the web
     * server, which stops the streams' write watchdog. The engine is closed after this, by its owner.
     */
    public void stop() {
        registry.closeAll();
        try {
            if (!registry.awaitEmpty(Duration.ofSeconds(2))) {
                LOG.warning(registry.size() + " event streams were still open at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        web.stop();
    }
}
