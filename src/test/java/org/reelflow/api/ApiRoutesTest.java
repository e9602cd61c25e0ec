package org.reelflow.api;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.reelflow.app.StandardStages;
import org.reelflow.support.TestServer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.reelflow.support.Streams.WAIT;

/** Every route's success and error answers, against the real server with the zero-key pipeline. */
class ApiRoutesTest {

    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir, StandardStages::create);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static JsonObject obj(HttpResponse<String> res) {
        return TestServer.json(res.body()).asJsonObject();
    }

    @Test
    void catalogRoutes() throws Exception {
        JsonArray archetypes = TestServer.json(server.get("/api/v1/archetypes").body()).asJsonArray();
        assertThat(archetypes.size(), is(14));
        assertThat(archetypes.getJsonObject(0).getString("name"), is("editorial_caricature"));
        assertThat(archetypes.getJsonObject(0).getJsonObject("colorPalette").getString("accent"), is("#e94560"));
        JsonArray platforms = TestServer.json(server.get("/api/v1/platforms").body()).asJsonArray();
        assertThat(platforms.getJsonObject(0).toString(),
                   is("{\"name\":\"youtube\",\"width\":1080,\"height\":1920,\"fps\":30,\"maxDurationSeconds\":60}"));
        JsonObject providers = obj(server.get("/api/v1/providers"));
        assertThat(providers.getJsonArray("llm").getJsonObject(0).getString("key"), is("offline"));
        assertThat(providers.getJsonArray("llm").getJsonObject(0).getBoolean("available"), is(true));
        assertThat(providers.getJsonArray("search").size(), is(3));
        JsonObject kokoro = providers.getJsonArray("tts").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("key").equals("kokoro")).findFirst().orElseThrow();
        assertThat("OpenReels' offline voice key runs with no key", kokoro.getBoolean("available"), is(true));
        assertThat("and says which voice it gets", kokoro.getString("label"), containsString("Festival"));
    }

    @Test
    void providersAreAvailableWhenTheServerHasTheirKey() throws Exception {
        try (TestServer keyed = TestServer.start(dir.resolve("keyed"), StandardStages::create, java.util.Map.of(),
                                                 java.util.Map.of("ANTHROPIC_API_KEY", "sk-test", "ELEVENLABS_API_KEY", "el-test"))) {
            JsonObject providers = obj(keyed.get("/api/v1/providers"));
            assertThat(available(providers, "llm", "anthropic"), is(true));
            assertThat(available(providers, "llm", "openai"), is(false));
            assertThat(available(providers, "search", "native"), is(true));
            assertThat(available(providers, "tts", "elevenlabs"), is(true));
            assertThat(available(providers, "tts", "local"), is(true));
            assertThat(available(providers, "video", "fal"), is(false));
            assertThat(obj(keyed.get("/api/v1/health")).getJsonObject("keys").getBoolean("ANTHROPIC_API_KEY"), is(true));
        }
    }

    private static boolean available(JsonObject providers, String kind, String key) {
        return providers.getJsonArray(kind).getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("key").equals(key)).findFirst().orElseThrow().getBoolean("available");
    }

    @Test
    void healthAndStats() throws Exception {
        JsonObject health = obj(server.get("/api/v1/health"));
        assertThat(health.getString("status"), is("healthy"));
        assertThat("OpenReels' field, said as it is: the store is files, not Redis", health.getString("redis"),
                   is("not used"));
        assertThat(health.getString("store"), is("file"));
        assertThat(health.getJsonObject("keys").getBoolean("ANTHROPIC_API_KEY"), is(false));
        assertThat(health.getJsonObject("tools").containsKey("ffmpeg"), is(true));
        String id = server.submit("{\"topic\":\"Stats\",\"dryRun\":true}");
        server.awaitStatus(id, WAIT, "completed");
        JsonObject stats = obj(server.get("/api/v1/stats"));
        assertThat(stats.toString(), is("{\"totalJobs\":1,\"completedJobs\":1,\"failedJobs\":0,\"activeJobs\":0,\"totalCost\":0.0}"));
        var observe = server.get("/observe/health");
        assertThat(observe.statusCode(), is(200));
        assertThat(observe.body(), containsString("jobs-dir"));
    }

    @Test
    void submitAnswers201WithTheTrimmedTopic() throws Exception {
        var res = server.postJson("/api/v1/jobs", "{\"topic\":\"  Black holes  \",\"archetype\":\"infographic\",\"dryRun\":true}");
        assertThat(res.statusCode(), is(201));
        assertThat(res.body(), is("{\"id\":\"1\",\"topic\":\"Black holes\",\"archetype\":\"infographic\",\"status\":\"queued\"}"));
        // curl -d sends form-urlencoded by default; a JSON body is still accepted.
        var curl = server.send(HttpRequest.newBuilder(server.uri("/api/v1/jobs"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("{\"topic\":\"curl\",\"dryRun\":true}")));
        assertThat(curl.statusCode(), is(201));
        assertThat(obj(curl).getString("id"), is("2"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}|topic is required",
            "{\"topic\":\"   \"}|topic is required",
            "{\"topic\":42}|topic is required",
            "{\"topic\":\"x\",\"archetype\":\"glitch\"}|Unknown archetype: glitch",
            "{\"topic\":\"x\",\"pacing\":\"slow\"}|Unknown pacing tier: slow. Available: fast, moderate, cinematic",
            "{\"topic\":\"x\",\"platform\":\"vine\"}|Unknown platform: vine. Available: youtube, tiktok, instagram",
            "{\"topic\":\"x\",\"direction\":7}|direction must be a string",
            "{\"topic\":\"x\",\"dryRun\":\"false\"}|dryRun must be true or false",
            "{\"topic\":\"x\",\"maxCostUsd\":-1}|maxCostUsd must be a number of dollars from 0 to 10000",
            "{\"topic\":\"x\",\"maxCostUsd\":1e308}|maxCostUsd must be a number of dollars from 0 to 10000",
            "{\"topic\":\"x\",\"dryRun\":null}|dryRun must be true or false",
            "{\"topic\":\"x\",\"providers\":{\"llm\":5}}|providers.llm must be a string",
            "{\"topic\":\"x\",\"providers\":{\"tts\":\"../../bin/sh\"}}|Unknown providers.tts: ../../bin/sh. Available: local, elevenlabs, inworld, kokoro, gemini-tts, openai-tts",
            "{\"topic\":\"x\",\"providers\":{\"searchProvider\":\"evil\"}}|Unknown providers.searchProvider: evil. Available: native, tavily, none",
            "{\"topic\":\"x\",\"keys\":{\"A\":1}}|keys.A must be a string",
            "{\"topic\":\"x\",\"archetype\":\"glitch\",\"pacing\":\"slow\"}|Unknown archetype: glitch",
    })
    void submitValidationInTheReferenceOrder(String body, String error) throws Exception {
        var res = server.postJson("/api/v1/jobs", body);
        assertThat(res.statusCode(), is(400));
        assertThat(obj(res).getString("error"), is(error));
    }

    @Test
    void submitLimits() throws Exception {
        var longTopic = server.postJson("/api/v1/jobs", "{\"topic\":\"" + "a".repeat(501) + "\"}");
        assertThat(obj(longTopic).getString("error"), is("topic must be 500 characters or fewer"));
        var direction = server.postJson("/api/v1/jobs", "{\"topic\":\"x\",\"direction\":\"" + "é".repeat(5121) + "\"}");
        assertThat(obj(direction).getString("error"), is("direction exceeds 10KB limit"));
        var badScore = server.postJson("/api/v1/jobs", "{\"topic\":\"x\",\"score\":{\"scenes\":[]}}");
        assertThat(badScore.statusCode(), is(400));
        assertThat(obj(badScore).getString("error"), startsWith("Invalid DirectorScore: "));
        var huge = server.postJson("/api/v1/jobs", "{\"topic\":\"x\",\"direction\":\"" + "a".repeat(1_100_000) + "\"}");
        assertThat(huge.statusCode(), is(413));
        assertThat(obj(huge).getString("error"), containsString("exceeds"));
    }

    @Test
    void badBodiesGetClearErrorsNever500() throws Exception {
        var malformed = server.postJson("/api/v1/jobs", "{\"topic\":");
        assertThat(malformed.statusCode(), is(400));
        assertThat(obj(malformed).getString("error"), startsWith("Malformed JSON body"));
        var array = server.postJson("/api/v1/jobs", "[1,2]");
        assertThat(array.statusCode(), is(400));
        assertThat(obj(array).getString("error"), is("Request body must be a JSON object"));
        var empty = server.postJson("/api/v1/jobs", "");
        assertThat(empty.statusCode(), is(400));
        var text = server.send(HttpRequest.newBuilder(server.uri("/api/v1/jobs")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"topic\":\"x\"}")));
        assertThat(text.statusCode(), is(415));
        assertThat(obj(text).getString("error"), startsWith("Content-Type must be application/json"));
        assertThat("nothing was queued by bad requests", obj(server.get("/api/v1/jobs")).getInt("total"), is(0));
    }

    @Test
    void listPagesNewestFirst() throws Exception {
        for (int i = 1; i <= 3; i++) {
            server.awaitStatus(server.submit("{\"topic\":\"t" + i + "\",\"dryRun\":true}"), WAIT, "completed");
        }
        JsonObject page = obj(server.get("/api/v1/jobs?limit=2&offset=0"));
        assertThat(page.getInt("total"), is(3));
        assertThat(page.getJsonArray("jobs").getJsonObject(0).getString("id"), is("3"));
        assertThat(page.getJsonArray("jobs").size(), is(2));
        JsonObject next = obj(server.get("/api/v1/jobs?limit=2&offset=2"));
        assertThat(next.getJsonArray("jobs").getJsonObject(0).getString("id"), is("1"));
        assertThat(server.get("/api/v1/jobs?limit=-1").statusCode(), is(400));
        assertThat(server.get("/api/v1/jobs?offset=x").statusCode(), is(400));
        assertThat(obj(server.get("/api/v1/jobs?limit=500")).getJsonArray("jobs").size(), is(3));
    }

    @Test
    void jobReadCancelDelete() throws Exception {
        assertThat(server.get("/api/v1/jobs/9").statusCode(), is(404));
        assertThat(obj(server.get("/api/v1/jobs/9")).getString("error"), is("Job not found"));
        assertThat(obj(server.get("/api/v1/jobs/a.b")).getString("error"), is("Invalid job ID"));
        String id = server.submit("{\"topic\":\"done\",\"dryRun\":true}");
        JsonObject meta = server.awaitStatus(id, WAIT, "completed");
        assertThat(meta.getString("createdAt").compareTo(meta.getString("startedAt")) <= 0, is(true));
        var cancel = server.postJson("/api/v1/jobs/" + id + "/cancel", "");
        assertThat(cancel.statusCode(), is(409));
        assertThat(obj(cancel).getString("error"), is("Job already completed"));
        assertThat(server.postJson("/api/v1/jobs/77/cancel", "").statusCode(), is(404));
        assertThat(server.delete("/api/v1/jobs/77").statusCode(), is(404));
        var deleted = server.delete("/api/v1/jobs/" + id);
        assertThat(deleted.statusCode(), is(200));
        assertThat(deleted.body(), is("{\"status\":\"deleted\"}"));
        assertThat(server.get("/api/v1/jobs/" + id).statusCode(), is(404));
        assertThat(dir.resolve(id).toFile().exists(), is(false));
        String failed = server.submit("{\"topic\":\"no such voice\",\"providers\":{\"tts\":\"elevenlabs\"}}");
        server.awaitStatus(failed, WAIT, "failed");
        assertThat(obj(server.postJson("/api/v1/jobs/" + failed + "/cancel", "")).getString("error"), is("Job already failed"));
    }

    @Test
    void unknownApiPathsAreJson404() throws Exception {
        var res = server.get("/api/v1/nope");
        assertThat(res.statusCode(), is(404));
        assertThat(res.body(), is("{\"error\":\"Not found\"}"));
    }

    @Test
    void anUnavailableLlmFailsBeforeAnyStageNamingTheKey() throws Exception {
        String id = server.submit("{\"topic\":\"x\",\"dryRun\":true,\"providers\":{\"llm\":\"anthropic\"}}");
        JsonObject meta = server.awaitStatus(id, WAIT, "failed");
        assertThat(meta.getString("error"), is("ANTHROPIC_API_KEY is required"));
        assertThat(meta.getJsonObject("stages").getJsonObject("research").getString("status"), is("pending"));
    }
}
