package org.reelflow.api;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.reelflow.app.StandardStages;
import org.reelflow.support.TestServer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/** A job request's own endpoints: honoured on loopback, limited to api.allowed-base-url-hosts otherwise. */
class BaseUrlPolicyTest {

    private static final String DRY_RUN = "{\"topic\":\"Tides\",\"dryRun\":true}";

    @TempDir
    Path dir;

    private TestServer start(Map<String, String> config) throws Exception {
        return TestServer.start(dir.resolve("jobs-" + System.nanoTime()), StandardStages::create, config, Map.of());
    }

    private static String error(HttpResponse<String> res) {
        return TestServer.json(res.body()).asJsonObject().getString("error");
    }

    private static String withBaseUrl(String url) {
        return "{\"topic\":\"Tides\",\"dryRun\":true,\"providers\":{\"llmBaseUrl\":\"" + url + "\"}}";
    }

    @Test
    void boundToLoopbackARequestsBaseUrlIsHonoured() throws Exception {
        try (TestServer s = start(Map.of())) {
            assertThat(s.postJson("/api/v1/jobs", withBaseUrl("http://10.1.2.3:11434/v1")).statusCode(), is(201));
        }
    }

    @Test
    void reachableFromTheNetworkOnlyAllowedHostsAre() throws Exception {
        try (TestServer s = start(Map.of("server.host", "0.0.0.0", "api.allowed-base-url-hosts", "models.internal"))) {
            assertThat(s.postJson("/api/v1/jobs", withBaseUrl("http://models.internal:8000/v1")).statusCode(), is(201));
            assertThat(s.postJson("/api/v1/jobs", withBaseUrl("https://MODELS.internal/v1")).statusCode(), is(201));

            HttpResponse<String> refused = s.postJson("/api/v1/jobs", withBaseUrl("http://169.254.169.254/latest"));
            assertThat(refused.statusCode(), is(400));
            assertThat(error(refused), containsString("providers.llmBaseUrl names host 169.254.169.254"));
            assertThat(error(refused), containsString("api.allowed-base-url-hosts"));
            HttpResponse<String> trick = s.postJson("/api/v1/jobs", withBaseUrl("http://models.internal@10.0.0.1/v1"));
            assertThat(trick.statusCode(), is(400));
            HttpResponse<String> scheme = s.postJson("/api/v1/jobs", withBaseUrl("file:///etc/passwd"));
            assertThat(scheme.statusCode(), is(400));
            assertThat(error(scheme), containsString("must be an http(s) URL"));
            HttpResponse<String> viaKeys = s.postJson("/api/v1/jobs",
                    "{\"topic\":\"Tides\",\"dryRun\":true,\"keys\":{\"OPENREELS_LLM_BASE_URL\":\"http://10.0.0.1/v1\"}}");
            assertThat(viaKeys.statusCode(), is(400));
            assertThat(error(viaKeys), containsString("keys.OPENREELS_LLM_BASE_URL"));
            assertThat(TestServer.json(s.get("/api/v1/jobs").body()).asJsonObject().getInt("total"), is(2));
        }
        try (TestServer s = start(Map.of("server.host", "0.0.0.0"))) {     // no allowlist: none
            assertThat(s.postJson("/api/v1/jobs", withBaseUrl("http://models.internal:8000/v1")).statusCode(), is(400));
            assertThat(s.postJson("/api/v1/jobs", DRY_RUN).statusCode(), is(201));
        }
    }
}
