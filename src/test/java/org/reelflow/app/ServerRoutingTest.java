package org.reelflow.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;

import org.junit.jupiter.api.Test;

import org.reelflow.api.ApiException;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

/**
 * {@link Server#routing} on its own, with a stub resource and no engine: API resources under {@code /api/v1},
 * failures mapped to JSON, unknown API paths a JSON 404 that the web UI never shadows, the UI at {@code /}.
 */
@ServerTest
class ServerRoutingTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    ServerRoutingTest(URI base) {
        this.base = base;
    }

    /** One resource standing in for the API: an answer, a refusal and a bug. */
    static final class StubApi implements HttpService {
        @Override
        public void routing(HttpRules rules) {
            rules.get("/stub", (req, res) -> res.send("stub answer"))
                 .get("/stub/missing", (req, res) -> {
                     throw ApiException.notFound("No stub here");
                 })
                 .get("/stub/bug", (req, res) -> {
                     throw new IllegalStateException("a bug's details stay in the log");
                 });
        }
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        Server.routing(routing, new StubApi());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void resourcesAnswerUnderApiV1() throws Exception {
        HttpResponse<String> res = get("/api/v1/stub");
        assertThat(res.statusCode(), is(200));
        assertThat(res.body(), is("stub answer"));
    }

    @Test
    void failuresBecomeJsonErrors() throws Exception {
        HttpResponse<String> missing = get("/api/v1/stub/missing");
        assertThat(missing.statusCode(), is(404));
        assertThat(missing.body(), is("{\"error\":\"No stub here\"}"));
        HttpResponse<String> bug = get("/api/v1/stub/bug");
        assertThat(bug.statusCode(), is(500));
        assertThat(bug.body(), is("{\"error\":\"Internal server error\"}"));
    }

    @Test
    void unknownApiPathsAreJsonNotTheWebUi() throws Exception {
        HttpResponse<String> res = get("/api/v2/jobs");
        assertThat(res.statusCode(), is(404));
        assertThat(res.headers().firstValue("Content-Type").orElse(""), startsWith("application/json"));
        assertThat(res.body(), is("{\"error\":\"Not found\"}"));
    }

    @Test
    void theWebUiIsServedAtTheRoot() throws Exception {
        HttpResponse<String> res = get("/");
        assertThat(res.statusCode(), is(200));
        assertThat(res.headers().firstValue("Content-Type").orElse(""), startsWith("text/html"));
        assertThat(res.body(), containsString("<html"));
    }
}
