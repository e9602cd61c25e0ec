package org.reelflow.support;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;

import org.reelflow.app.Engine;
import org.reelflow.app.ReelflowConfig;
import org.reelflow.app.Server;
import org.reelflow.app.Services;
import org.reelflow.pipeline.Pipeline;

/** A real Reelflow server on a free loopback port, with a temp jobs folder and a test's own pipeline. */
public final class TestServer implements AutoCloseable {

    private final Engine engine;
    private final Server server;
    private final Path jobsDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(Engine engine, Server server, Path jobsDir) {
        this.engine = engine;
        this.server = server;
        this.jobsDir = jobsDir;
    }

    public static TestServer start(Path jobsDir, Function<Services, Pipeline> pipeline) throws IOException {
        return start(jobsDir, pipeline, Map.of(), Map.of());
    }

    /**
     * @param config settings on top of the shipped application.yaml (e.g. {@code sse.heartbeat})
     * @param env    the environment the server sees for API keys
     */
    public static TestServer start(Path jobsDir, Function<Services, Pipeline> pipeline,
                                   Map<String, String> config, Map<String, String> env) throws IOException {
        Map<String, String> settings = new HashMap<>();
        settings.put("server.port", "0");
        settings.put("server.host", "127.0.0.1");
        settings.put("jobs.dir", jobsDir.toString());
        settings.put("sse.heartbeat", "PT0.2S");
        settings.putAll(config);
        ReelflowConfig reelflow = ReelflowConfig.from(Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(ConfigSources.create(settings), ConfigSources.classpath("application.yaml"))
                .build());
        Engine engine = Engine.start(reelflow, pipeline, env::get);
        try {
            return new TestServer(engine, Server.start(reelflow, engine), jobsDir);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /** The engine behind the server, for what a test checks beside the API (subscribers, a job's last id). */
    public Engine engine() {
        return engine;
    }

    public int port() {
        return server.port();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** Submits a job and returns its id. */
    public String submit(String body) throws IOException, InterruptedException {
        return submit(body, null);
    }

    /** Submits a job to a server with an API token ({@code api.token}) and returns its id. */
    public String submit(String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/jobs")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> res = send(request);
        if (res.statusCode() != 201) {
            throw new AssertionError("submit failed: " + res.statusCode() + " " + res.body());
        }
        return json(res.body()).asJsonObject().getString("id");
    }

    public JsonObject job(String id) throws IOException, InterruptedException {
        return json(get("/api/v1/jobs/" + id).body()).asJsonObject();
    }

    /** Polls the job until its status is one of {@code statuses}. */
    public JsonObject awaitStatus(String id, Duration timeout, String... statuses) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonObject job;
        do {
            job = job(id);
            for (String s : statuses) {
                if (s.equals(job.getString("status"))) {
                    return job;
                }
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("job " + id + " still " + job.getString("status") + " after " + timeout);
    }

    public SseClient events(String id) throws IOException {
        return SseClient.connect(port(), "/api/v1/jobs/" + id + "/events", Map.of());
    }

    public SseClient events(String id, Map<String, String> headers) throws IOException {
        return SseClient.connect(port(), "/api/v1/jobs/" + id + "/events", headers);
    }

    public static JsonStructure json(String text) {
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            return r.read();
        }
    }

    /** Stops the server, then checks that every job it leaves is the fold of its log — so every server test does. */
    @Override
    public void close() {
        server.stop();
        engine.close();
        FoldCheck.check(jobsDir);
    }
}
