package org.reelflow.api;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.reelflow.app.StandardStages;
import org.reelflow.support.SseClient;
import org.reelflow.support.RawHttp;
import org.reelflow.support.TestServer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** The token, CORS, Host and cross-origin rules, against real servers. */
class AccessControlTest {

    private static final String TOKEN = "s3cret-token-for-tests";
    private static final String DRY_RUN = "{\"topic\":\"Tides\",\"dryRun\":true}";

    @TempDir
    Path dir;

    private TestServer start(Map<String, String> config) throws Exception {
        return TestServer.start(dir.resolve("jobs-" + System.nanoTime()), StandardStages::create, config, Map.of());
    }

    private static String error(HttpResponse<String> res) {
        return TestServer.json(res.body()).asJsonObject().getString("error");
    }

    private static HttpRequest.Builder get(TestServer s, String path) {
        return HttpRequest.newBuilder(s.uri(path)).GET();
    }

    private static HttpRequest.Builder post(TestServer s, String path, String body) {
        return HttpRequest.newBuilder(s.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    // --- token ---------------------------------------------------------------------------------------------------

    @Test
    void withATokenEveryApiRouteNeedsItHealthIncluded() throws Exception {
        try (TestServer s = start(Map.of("api.token", TOKEN))) {
            for (String path : List.of("/api/v1/jobs", "/api/v1/health", "/api/v1/stats", "/api/v1/archetypes",
                                       "/api/v1/jobs/1/events", "/api/v1/jobs/1/artifacts/final.mp4", "/api/nothing")) {
                HttpResponse<String> res = s.get(path);
                assertThat(path, res.statusCode(), is(401));
                assertThat(path, res.headers().firstValue("WWW-Authenticate").orElse(""), startsWith("Bearer"));
                assertThat(path, error(res), containsString("API token required"));
            }
            HttpResponse<String> submit = s.send(post(s, "/api/v1/jobs", DRY_RUN));
            assertThat(submit.statusCode(), is(401));
            assertThat(s.send(get(s, "/api/v1/jobs").header("Authorization", "Basic " + TOKEN)).statusCode(), is(401));
            // The UI's files carry no data and must load to ask for the token; probes use /observe/health.
            assertThat(s.get("/").statusCode(), is(200));
            assertThat(s.get("/assets/js/api.js").statusCode(), is(200));
            assertThat(s.get("/observe/health").statusCode(), is(200));
        }
    }

    @Test
    void theRightTokenIsAcceptedAndAWrongOneIsNot() throws Exception {
        try (TestServer s = start(Map.of("api.token", TOKEN))) {
            assertThat(s.send(get(s, "/api/v1/jobs").header("Authorization", "Bearer " + TOKEN)).statusCode(), is(200));
            assertThat(s.send(get(s, "/api/v1/health").header("Authorization", "bearer " + TOKEN)).statusCode(), is(200));
            HttpResponse<String> created = s.send(post(s, "/api/v1/jobs", DRY_RUN).header("Authorization", "Bearer " + TOKEN));
            assertThat(created.statusCode(), is(201));

            HttpResponse<String> wrong = s.send(get(s, "/api/v1/jobs").header("Authorization", "Bearer " + TOKEN + "x"));
            assertThat(wrong.statusCode(), is(401));
            assertThat(wrong.headers().firstValue("WWW-Authenticate").orElse(""), containsString("invalid_token"));
            assertThat(error(wrong), is("Invalid API token"));
        }
    }

    @Test
    void theQueryParameterServesWhatABrowserLoadsByItselfButNeverAWrite() throws Exception {
        try (TestServer s = start(Map.of("api.token", TOKEN))) {
            String id = TestServer.json(s.send(post(s, "/api/v1/jobs", DRY_RUN).header("Authorization", "Bearer " + TOKEN))
                                                .body()).asJsonObject().getString("id");
            try (SseClient events = SseClient.connect(s.port(), "/api/v1/jobs/" + id + "/events?access_token=" + TOKEN, Map.of())) {
                assertThat(events.status(), is(200));
                assertThat(events.header("content-type"), startsWith("text/event-stream"));
            }
            try (SseClient events = SseClient.connect(s.port(), "/api/v1/jobs/" + id + "/events?access_token=nope", Map.of())) {
                assertThat(events.status(), is(401));
            }
            try (SseClient events = SseClient.connect(s.port(), "/api/v1/jobs/" + id + "/events", Map.of())) {
                assertThat(events.status(), is(401));
            }
            assertThat(s.get("/api/v1/jobs/" + id + "?access_token=" + TOKEN).statusCode(), is(200));
            assertThat(s.send(post(s, "/api/v1/jobs?access_token=" + TOKEN, DRY_RUN)).statusCode(), is(401));
            assertThat(s.send(HttpRequest.newBuilder(s.uri("/api/v1/jobs/" + id + "?access_token=" + TOKEN)).DELETE())
                               .statusCode(), is(401));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "s3cret-token-for-tests|true",
            "' s3cret-token-for-tests '|true",
            "s3cret-token-for-test|false",           // a prefix
            "s3cret-token-for-testsX|false",         // longer, same start
            "s3cret-token-for-testz|false",          // same length, last character differs
            "S3CRET-TOKEN-FOR-TESTS|false",
            "''|false"})
    void theComparisonMatchesOnlyTheWholeToken(String given, boolean matches) {
        AccessControl access = new AccessControl(TOKEN, List.of(), true, List.of());
        assertThat(given, access.tokenMatches(given), is(matches));
        assertThat(new AccessControl(null, List.of(), true, List.of()).tokenMatches(""), is(false));
    }

    // --- CORS ----------------------------------------------------------------------------------------------------

    @Test
    void anAllowedOriginGetsItsPreflightAndCorsHeaders() throws Exception {
        try (TestServer s = start(Map.of("api.token", TOKEN, "api.cors.allowed-origins", "https://app.example.com, http://localhost:5173"))) {
            HttpResponse<String> pre = s.send(HttpRequest.newBuilder(s.uri("/api/v1/jobs"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type"));
            assertThat(pre.statusCode() / 100, is(2));
            assertThat(pre.headers().firstValue("Access-Control-Allow-Origin").orElse(""), is("https://app.example.com"));
            assertThat(String.join(",", pre.headers().allValues("Access-Control-Allow-Methods")), containsString("POST"));
            assertThat(String.join(",", pre.headers().allValues("Access-Control-Allow-Headers")).toLowerCase(),
                       containsString("authorization"));

            HttpResponse<String> created = s.send(post(s, "/api/v1/jobs", DRY_RUN).header("Origin", "http://localhost:5173")
                                                          .header("Authorization", "Bearer " + TOKEN));
            assertThat(created.body(), created.statusCode(), is(201));
            assertThat(created.headers().firstValue("Access-Control-Allow-Origin").orElse(""), is("http://localhost:5173"));
            HttpResponse<String> list = s.send(get(s, "/api/v1/jobs").header("Origin", "https://app.example.com")
                                                       .header("Authorization", "Bearer " + TOKEN));
            assertThat(list.statusCode(), is(200));
            assertThat(list.headers().firstValue("Access-Control-Allow-Origin").orElse(""), is("https://app.example.com"));
            // Without the token: a 401 the allowed page can read (it carries the CORS headers).
            HttpResponse<String> noToken = s.send(get(s, "/api/v1/jobs").header("Origin", "https://app.example.com"));
            assertThat(noToken.statusCode(), is(401));
            assertThat(noToken.headers().firstValue("Access-Control-Allow-Origin").orElse(""), is("https://app.example.com"));
        }
    }

    @Test
    void anyOtherOriginIsRefusedWithNoCorsHeaders() throws Exception {
        try (TestServer s = start(Map.of("api.cors.allowed-origins", "https://app.example.com"))) {
            HttpResponse<String> pre = s.send(HttpRequest.newBuilder(s.uri("/api/v1/jobs"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST"));
            assertThat(pre.statusCode(), is(403));
            assertThat(pre.headers().firstValue("Access-Control-Allow-Origin").orElse(null), nullValue());
            HttpResponse<String> read = s.send(get(s, "/api/v1/jobs").header("Origin", "https://evil.example"));
            assertThat(read.statusCode(), is(403));
            assertThat(read.headers().firstValue("Access-Control-Allow-Origin").orElse(null), nullValue());
        }
        try (TestServer s = start(Map.of())) {             // nothing configured: same origin only
            HttpResponse<String> pre = s.send(HttpRequest.newBuilder(s.uri("/api/v1/jobs"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "GET"));
            assertThat(pre.statusCode(), is(403));
            assertThat(pre.headers().firstValue("Access-Control-Allow-Origin").orElse(null), nullValue());
        }
    }

    @Test
    void aMalformedAllowedOriginStopsTheServerWithTheSettingsName() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new AccessControl(null, List.of("app.example.com/path"), true, List.of()));
        assertThat(e.getMessage(), containsString("api.cors.allowed-origins"));
    }

    // --- cross-origin writes -------------------------------------------------------------------------------------

    @Test
    void aFormPostFromAnotherSiteIsRefusedAndCreatesNothing() throws Exception {
        try (TestServer s = start(Map.of())) {
            HttpRequest.Builder form = HttpRequest.newBuilder(s.uri("/api/v1/jobs"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(DRY_RUN));
            HttpResponse<String> res = s.send(form.copy().header("Origin", "https://evil.example"));
            assertThat(res.statusCode(), is(403));
            assertThat(error(res), containsString("Cross-origin request refused from https://evil.example"));
            assertThat(s.send(form.copy().header("Origin", "null")).statusCode(), is(403));           // sandboxed page
            assertThat(s.send(form.copy().header("Sec-Fetch-Site", "cross-site")).statusCode(), is(403));
            assertThat(TestServer.json(s.get("/api/v1/jobs").body()).asJsonObject().getInt("total"), is(0));

            String id = s.submit(DRY_RUN);
            HttpResponse<String> cancel = s.send(HttpRequest.newBuilder(s.uri("/api/v1/jobs/" + id + "/cancel"))
                    .header("Origin", "http://localhost:3000").POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(cancel.statusCode(), is(403));
            HttpResponse<String> delete = s.send(HttpRequest.newBuilder(s.uri("/api/v1/jobs/" + id))
                    .header("Origin", "https://evil.example").DELETE());
            assertThat(delete.statusCode(), is(403));
            assertThat(s.get("/api/v1/jobs/" + id).statusCode(), is(200));
        }
    }

    @Test
    void sameOriginAndNoOriginWritesPass() throws Exception {
        try (TestServer s = start(Map.of())) {
            HttpRequest.Builder form = HttpRequest.newBuilder(s.uri("/api/v1/jobs"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(DRY_RUN));
            assertThat("curl -d", s.send(form.copy()).statusCode(), is(201));
            HttpResponse<String> same = s.send(post(s, "/api/v1/jobs", DRY_RUN).header("Origin", "http://127.0.0.1:" + s.port())
                                                       .header("Sec-Fetch-Site", "same-origin"));
            assertThat(same.body(), same.statusCode(), is(201));
        }
    }

    // --- Host ----------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"evil.example,403", "evil.example:PORT,403", "127.0.0.1.nip.io:PORT,403", "localhost:PORT,200",
                "127.0.0.1:PORT,200", "[::1]:PORT,200", "LOCALHOST,200", "reelflow.lan:PORT,200", "studio.lan,200"})
    void boundToLoopbackOnlyLocalNamesAndAllowedHostsAreAnswered(String host, int status) throws Exception {
        try (TestServer s = start(Map.of("api.allowed-hosts", "reelflow.lan, studio.lan"))) {
            String header = host.replace("PORT", String.valueOf(s.port()));
            String res = raw(s.port(), "GET /api/v1/jobs", header);
            assertThat(host + " -> " + res, res, startsWith("HTTP/1.1 " + status));
            if (status == 403) {
                assertThat(res, containsString("{\"error\":\"Host "));
                assertThat(raw(s.port(), "GET /", header), startsWith("HTTP/1.1 403"));     // the UI too
            }
        }
    }

    @Test
    void boundToAllInterfacesTheHostIsNotChecked() throws Exception {
        try (TestServer s = start(Map.of("server.host", "0.0.0.0"))) {
            assertThat(raw(s.port(), "GET /api/v1/jobs", "reelflow.example.com"), startsWith("HTTP/1.1 200"));
        }
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1,true", "localhost,true", "::1,true", "[::1],true", "127.0.0.2,true",
                "0.0.0.0,false", "192.168.1.20,false", "example.com,false", "::,false"})
    void loopbackBindAddresses(String host, boolean loopback) {
        Config c = Config.just(ConfigSources.create(Map.of("server.host", host)));
        assertThat(host, AccessControl.boundToLoopback(c), is(loopback));
    }

    /** A request with a Host header of our choosing (Java's HttpClient does not let a caller set it). */
    private static String raw(int port, String requestLine, String host) throws Exception {
        return RawHttp.roundTrip(port, requestLine + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }
}
