package org.reelflow.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.reelflow.app.StandardStages;
import org.reelflow.support.LogCapture;
import org.reelflow.support.RawHttp;
import org.reelflow.support.RawHttp.Exchange;
import org.reelflow.support.RawHttp.Response;
import org.reelflow.support.TestServer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.reelflow.support.RawHttp.bytes;

/**
 * The HTTP layer as a hostile client meets it, byte for byte: a refused body is never parsed as requests, every
 * error is a JSON body with its right status (including those Helidon answers before routing), HEAD never carries
 * a body, wrong methods get 405 with Allow, and the job request parser takes exactly one well-formed object.
 */
class HttpHardeningTest {

    private static final int QUIET_MS = 1500;
    private static final String HIDDEN_BODY = "{\"topic\":\"smuggled\",\"dryRun\":true}";
    private static final String HIDDEN_JOB = "POST /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Content-Length: " + HIDDEN_BODY.length() + "\r\n\r\n" + HIDDEN_BODY;

    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir.resolve("jobs"), StandardStages::create);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Sends and waits until the server is quiet or closes: shows any answer that should not be there. */
    private Exchange send(String request, boolean... heads) throws Exception {
        return RawHttp.exchange(server.port(), bytes(request), QUIET_MS, heads);
    }

    /** Sends and returns the first answer as soon as it is complete. */
    private Response answer(String request, boolean... heads) throws Exception {
        return RawHttp.exchange(server.port(), bytes(request), 5000, 1, heads).first();
    }

    private int jobCount() throws Exception {
        return TestServer.json(server.get("/api/v1/jobs").body()).asJsonObject().getInt("total");
    }

    private static void assertJsonError(Response r, int status) {
        assertThat(r.text(), r.status(), is(status));
        assertThat(r.text(), r.isJson(), is(true));
        assertThat(r.text(), startsWith("{\"error\":\""));
    }

    // 1. Request smuggling

    @ParameterizedTest
    @ValueSource(strings = {"", "Connection: close\r\n"})
    void aBodyOverTheLimitIsNeverReadAsRequests(String connection) throws Exception {
        int declared = 1_200_000;        // over api.max-body-bytes (1 MiB), under server.max-payload-size (2 MiB)
        String body = HIDDEN_JOB + " ".repeat(declared - HIDDEN_JOB.length());
        Exchange x = send("POST /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" + connection
                          + "Content-Length: " + declared + "\r\n\r\n" + body);
        assertThat(x.responses(), hasSize(1));
        assertJsonError(x.first(), 413);
        assertThat(x.first().header("connection"), is("close"));
        assertThat(x.closedByServer(), is(true));
        assertThat(jobCount(), is(0));
    }

    @Test
    void aChunkedBodyCutOffAtTheLimitIsNeverReadAsRequests() throws Exception {
        StringBuilder chunks = new StringBuilder();
        String filler = " ".repeat(65536);
        for (int i = 0; i < 17; i++) {      // 1.06 MiB: over api.max-body-bytes
            chunks.append(Integer.toHexString(filler.length())).append("\r\n").append(filler).append("\r\n");
        }
        chunks.append(Integer.toHexString(HIDDEN_JOB.length())).append("\r\n").append(HIDDEN_JOB).append("\r\n0\r\n\r\n");
        Exchange x = send("POST /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                          + "Transfer-Encoding: chunked\r\n\r\n" + chunks);
        assertThat(x.responses(), hasSize(1));
        assertJsonError(x.first(), 413);
        assertThat(x.closedByServer(), is(true));
        assertThat(jobCount(), is(0));
    }

    @Test
    void anErrorBeforeTheBodyIsReadClosesTheConnection() throws Exception {
        Exchange x = send("POST /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: "
                          + HIDDEN_JOB.length() + "\r\n\r\n" + HIDDEN_JOB);
        assertThat(x.responses(), hasSize(1));
        assertJsonError(x.first(), 415);
        assertThat(x.closedByServer(), is(true));
        assertThat(jobCount(), is(0));
    }

    @Test
    void aRefusedCrossOriginPostIsNeverReadAsRequests() throws Exception {
        Exchange x = send("POST /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nOrigin: http://evil.example\r\n"
                          + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + HIDDEN_JOB.length()
                          + "\r\n\r\n" + HIDDEN_JOB);
        assertThat(x.responses(), hasSize(1));
        assertJsonError(x.first(), 403);
        assertThat(x.closedByServer(), is(true));
        assertThat(jobCount(), is(0));
    }

    @Test
    void connectionCloseEndsTheConnectionAfterItsAnswer() throws Exception {
        Exchange x = send("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n" + HIDDEN_JOB);
        assertThat(x.responses(), hasSize(1));
        assertThat(x.first().status(), is(200));
        assertThat(x.closedByServer(), is(true));
        assertThat(jobCount(), is(0));
    }

    @Test
    void aGoodRequestKeepsItsConnection() throws Exception {
        Exchange x = send(HIDDEN_JOB + "GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(x.responses(), hasSize(2));
        assertThat(x.responses().get(0).status(), is(201));
        assertThat(x.responses().get(1).status(), is(200));
        assertThat(x.closedByServer(), is(false));
    }

    // 4. Every error a JSON body with the right status, and no stack trace for bad input

    @Test
    void protocolErrorsFoundBeforeRoutingAreJson() throws Exception {
        assertJsonError(answer("GET /api/v1/jobs/%c0%ae%ZZ HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400);
        assertJsonError(answer("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"), 414);
        StringBuilder flood = new StringBuilder("GET / HTTP/1.1\r\nHost: localhost\r\n");
        for (int i = 0; i < 2000; i++) {
            flood.append("X-").append(i).append(": ").append("y".repeat(100)).append("\r\n");
        }
        assertJsonError(answer(flood.append("\r\n").toString()), 400);
        assertJsonError(answer("POST /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}"), 400);
        assertJsonError(answer("GET / HTTP/1.0\r\n\r\n"), 505);
        assertJsonError(answer("\u0001\u0002garbage\r\n\r\n"), 400);
    }

    @Test
    void badBodiesAndHeadersAre4xxWithoutAStackTrace() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            assertJsonError(postJob("[".repeat(1500) + "]".repeat(1500), "application/json"), 400);
            for (String type : List.of("///", "application", "", "application/json; charset=utf-16")) {
                assertJsonError(postJob("{\"topic\":\"x\",\"dryRun\":true}", type), 415);
            }
            assertJsonError(answer("POST /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                 + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"), 400);
            for (String path : List.of("/observe/metrics", "/observe/config", "/observe/log", "/observe")) {
                assertJsonError(answer("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n"), 404);
            }
            assertThat(String.join("\n", log.records()), not(containsString("SEVERE")));
            assertThat(String.join("\n", log.records()), not(containsString("Exception")));
        }
        assertThat(jobCount(), is(0));
    }

    @Test
    void wrongMethodsAre405WithAllow() throws Exception {
        Response put = answer("PUT /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");
        assertJsonError(put, 405);
        assertThat(put.header("allow"), is("GET, HEAD, POST"));
        Response post = answer("POST /api/v1/jobs/1 HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");
        assertJsonError(post, 405);
        assertThat(post.header("allow"), is("DELETE, GET, HEAD"));
        Response ui = answer("PATCH /gallery HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");
        assertJsonError(ui, 405);
        assertThat(ui.header("allow"), is("GET, HEAD"));
        assertJsonError(answer("DELETE /api/v1/nothing HTTP/1.1\r\nHost: localhost\r\n\r\n"), 404);
        assertJsonError(answer("GET /assets/js/missing.js HTTP/1.1\r\nHost: localhost\r\n\r\n"), 404);
    }

    // 5. HEAD

    @Test
    void headNeverCarriesABodyAndEveryGetRouteAnswersIt() throws Exception {
        String id = server.submit("{\"topic\":\"Heads\",\"dryRun\":true}");
        server.awaitStatus(id, org.reelflow.support.Streams.WAIT, "completed");
        for (String path : List.of("/api/v1/jobs", "/api/v1/jobs/" + id, "/api/v1/jobs/999", "/api/v1/health",
                                   "/api/v1/stats", "/api/v1/archetypes", "/api/v1/platforms", "/api/v1/providers",
                                   "/api/v1/nothing", "/", "/gallery", "/missing.js")) {
            Exchange x = RawHttp.exchange(server.port(), bytes("HEAD " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\nGET " + path
                                                               + " HTTP/1.1\r\nHost: localhost\r\n\r\n"), 300, true, false);
            assertThat(path, x.responses(), hasSize(2));
            assertThat(path + ": nothing after the two answers", x.garbage().length, is(0));
            Response head = x.responses().get(0);
            Response get = x.responses().get(1);
            assertThat(path, head.status(), is(get.status()));
            assertThat(path, head.header("content-type"), is(get.header("content-type")));
            assertThat(path, head.header("content-length"), is(String.valueOf(get.body().length)));
        }
    }

    // 6. One well-formed object, and ids without matrix parameters

    @Test
    void theParserTakesExactlyOneWellFormedObject() throws Exception {
        assertThat(postJob("{\"topic\":\"x\",\"dryRun\":true} garbage", "application/json").text(), containsString("Malformed JSON body"));
        assertThat(postJob("{\"topic\":\"x\",\"dryRun\":true}{\"topic\":\"y\"}", "application/json").status(), is(400));
        assertThat(postJob("{\"topic\":\"x\",\"topic\":\"y\",\"dryRun\":true}", "application/json").text(),
                   containsString("Duplicate key 'topic'"));
        assertThat(postJob("{\"topic\":\"x\\ud800\",\"dryRun\":true}", "application/json").text(),
                   containsString("topic contains an unpaired surrogate"));
        byte[] invalidUtf8 = concat(bytes("{\"topic\":\"x"), new byte[] {(byte) 0xff, (byte) 0xfe}, bytes("\",\"dryRun\":true}"));
        Response utf8 = RawHttp.exchange(server.port(), concat(bytes("POST /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                + "application/json\r\nContent-Length: " + invalidUtf8.length + "\r\n\r\n"), invalidUtf8), QUIET_MS).first();
        assertJsonError(utf8, 400);
        assertThat(utf8.text(), containsString("not valid UTF-8"));
        assertThat(jobCount(), is(0));
    }

    @Test
    void matrixParametersNeverNameAnotherJob() throws Exception {
        String id = server.submit("{\"topic\":\"Keep me\",\"dryRun\":true}");
        server.awaitStatus(id, org.reelflow.support.Streams.WAIT, "completed");
        assertJsonError(answer("DELETE /api/v1/jobs/" + id + ";2 HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400);
        assertJsonError(answer("GET /api/v1/jobs/" + id + ";x=1/events HTTP/1.1\r\nHost: localhost\r\n\r\n"), 400);
        JsonObject job = server.job(id);
        assertThat(job.getString("status"), is("completed"));
    }

    @Test
    void aSymlinkLoopInAJobFolderIsA404() throws Exception {
        String id = server.submit("{\"topic\":\"Loops\",\"dryRun\":true}");
        server.awaitStatus(id, org.reelflow.support.Streams.WAIT, "completed");
        Path folder = dir.resolve("jobs").resolve(id);
        Files.createSymbolicLink(folder.resolve("a"), folder.resolve("b"));
        Files.createSymbolicLink(folder.resolve("b"), folder.resolve("a"));
        try (LogCapture log = LogCapture.start()) {
            assertJsonError(answer("GET /api/v1/jobs/" + id + "/artifacts/a HTTP/1.1\r\nHost: localhost\r\n\r\n"), 404);
            Response head = answer("HEAD /api/v1/jobs/" + id + "/artifacts/a/x HTTP/1.1\r\nHost: localhost\r\n\r\n", true);
            assertThat(head.status(), is(404));
            assertThat(head.body().length, is(0));
            assertThat(String.join("\n", log.records()), not(containsString("SEVERE")));
        }
    }

    private Response postJob(String body, String type) throws Exception {
        byte[] b = bytes(body);
        return RawHttp.exchange(server.port(), concat(bytes("POST /api/v1/jobs HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type
                + "\r\nContent-Length: " + b.length + "\r\n\r\n"), b), 5000, 1).first();
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
