package org.reelflow.api;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.reelflow.support.FakeStages;
import org.reelflow.support.TestServer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The serving rules of the web UI, on the real composition root (so the registration order is tested too). */
class WebUiTest {

    @TempDir
    static Path dir;

    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dir, c -> FakeStages.create().pipeline());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void rootServesTheAppShell() throws Exception {
        HttpResponse<String> res = server.get("/");
        assertThat(res.statusCode(), is(200));
        assertThat(res.headers().firstValue("Content-Type").orElse(""), startsWith("text/html"));
        assertThat(res.headers().firstValue("Cache-Control").orElse(""), is("no-cache"));
        assertThat(res.headers().firstValue("Content-Security-Policy").orElse(""), containsString("default-src 'self'"));
        assertThat(res.body(), containsString("/assets/js/main.js"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/jobs/17", "/gallery", "/settings", "/gallery?status=failed", "/some/deep/route"})
    void clientRoutesFallBackToIndex(String path) throws Exception {
        HttpResponse<String> res = server.get(path);
        assertThat(res.statusCode(), is(200));
        assertThat(res.headers().firstValue("Content-Type").orElse(""), startsWith("text/html"));
        assertThat(res.body(), containsString("<main id=\"main\""));
    }

    @Test
    void staticFilesHaveTheirTypesAndRevalidate() throws Exception {
        String[][] cases = {
            {"/assets/app.css", "text/css"},
            {"/assets/js/main.js", "text/javascript"},
            {"/assets/js/pages/job.js", "text/javascript"},
            {"/assets/favicon.svg", "image/svg+xml"},
        };
        for (String[] c : cases) {
            HttpResponse<String> res = server.get(c[0]);
            assertThat(c[0], res.statusCode(), is(200));
            assertThat(c[0], res.headers().firstValue("Content-Type").orElse(""), startsWith(c[1]));
            assertThat(res.headers().firstValue("X-Content-Type-Options").orElse(""), is("nosniff"));
            String etag = res.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> again = server.send(HttpRequest.newBuilder(server.uri(c[0])).header("If-None-Match", etag).GET());
            assertThat(c[0], again.statusCode(), is(304));
            assertThat(again.body(), is(""));
        }
    }

    @Test
    void headAnswersWithoutABody() throws Exception {
        HttpResponse<String> res = server.send(HttpRequest.newBuilder(server.uri("/assets/app.css"))
                                                       .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(res.statusCode(), is(200));
        assertThat(res.body(), is(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/missing.js", "/assets/js/nope.css", "/favicon.ico", "/assets/app.css.map"})
    void aMissingFileIsA404NotTheShell(String path) throws Exception {
        HttpResponse<String> res = server.get(path);
        assertThat(res.statusCode(), is(404));
        assertThat(res.body(), not(containsString("<html")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/../index.html", "/assets/%2e%2e/index.html", "/.hidden.js", "/assets/.x.css"})
    void noPathTricks(String path) throws Exception {
        HttpResponse<String> res = server.get(path);
        assertThat(res.body(), not(containsString("package org.reelflow")));
        if (res.statusCode() == 200) {
            // normalised by the server to a plain path: only ever the shell, never a file outside web/
            assertThat(res.body(), containsString("<main id=\"main\""));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/nope", "/api/v2/jobs", "/api/anything/index.html"})
    void unknownApiPathsKeepTheirJson404(String path) throws Exception {
        HttpResponse<String> res = server.get(path);
        assertThat(res.statusCode(), is(404));
        assertThat(res.headers().firstValue("Content-Type").orElse(""), startsWith("application/json"));
        assertThat(res.body(), is("{\"error\":\"Not found\"}"));
    }

    @Test
    void theApiStillAnswers() throws Exception {
        assertThat(server.get("/api/v1/platforms").statusCode(), is(200));
        HttpResponse<String> missing = server.get("/api/v1/jobs/404404");
        assertThat(missing.statusCode(), is(404));
        assertThat(missing.body(), containsString("Job not found"));
    }

    @Test
    void safeNames() {
        assertThat(WebUi.safe("assets/app.css"), is(true));
        assertThat(WebUi.safe("assets/../x.css"), is(false));
        assertThat(WebUi.safe("assets//x.css"), is(false));
        assertThat(WebUi.safe("assets\\x.css"), is(false));
        assertThat(WebUi.safe(".env"), is(false));
        assertThat(WebUi.safe("a%2fb.js"), is(false));
    }
}
