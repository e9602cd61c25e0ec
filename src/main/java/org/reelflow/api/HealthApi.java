package org.reelflow.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.reelflow.jobs.Job;
import org.reelflow.jobs.JobService;
import org.reelflow.jobs.JobStatus;
import org.reelflow.media.Toolchain;
import org.reelflow.providers.ApiKeys;

/**
 * {@code GET /api/v1/health} in OpenReels' shape (plus what this server depends on: its media tools) and
 * {@code GET /api/v1/stats}. The same checks feed Helidon's observe feature at {@code /observe/health}.
 */
public final class HealthApi implements HttpService {

    private final JobService jobs;
    private final Path jobsDir;
    private final ApiKeys keys;

    public HealthApi(JobService jobs, Path jobsDir, ApiKeys keys) {
        this.jobs = jobs;
        this.jobsDir = jobsDir;
        this.keys = keys;
    }

    @Override
    public void routing(HttpRules rules) {
        Resource.register(rules, "/health", Map.of(Method.GET, (req, res) -> Responses.json(req, res, health())));
        Resource.register(rules, "/stats", Map.of(Method.GET, (req, res) -> Responses.json(req, res, stats())));
    }

    /** Checks for {@code /observe/health}: readiness needs a writable jobs folder; media tools are reported. */
    public List<HealthCheck> checks() {
        HealthCheck store = new HealthCheck() {
            @Override
            public HealthCheckType type() {
                return HealthCheckType.READINESS;
            }

            @Override
            public String name() {
                return "jobs-dir";
            }

            @Override
            public HealthCheckResponse call() {
                return HealthCheckResponse.builder().status(jobsDirWritable()).detail("path", jobsDir.toString()).build();
            }
        };
        HealthCheck media = new HealthCheck() {
            @Override
            public String name() {
                return "media-tools";
            }

            @Override
            public HealthCheckResponse call() {
                // Missing tools do not make the server unhealthy (dry runs need none): they are reported.
                HealthCheckResponse.Builder b = HealthCheckResponse.builder().status(true);
                Toolchain.status().forEach(b::detail);
                return b.build();
            }
        };
        return List.of(store, media);
    }

    private boolean jobsDirWritable() {
        return Files.isDirectory(jobsDir) && Files.isWritable(jobsDir);
    }

    private JsonObject health() {
        boolean ok = jobsDirWritable();
        JsonObjectBuilder keyFlags = Json.createObjectBuilder();
        keys.configuredMap().forEach(keyFlags::add);
        JsonObjectBuilder tools = Json.createObjectBuilder();
        Map<String, String> toolStatus = Toolchain.status();
        toolStatus.forEach(tools::add);
        return Json.createObjectBuilder()
                .add("status", ok ? "healthy" : "degraded")
                // OpenReels' field: its queue lives in Redis ("connected"|"disconnected"). Ours is files, so there
                // is no connection to report; OpenReels' settings page shows this string as the row's label.
                .add("redis", "not used")
                .add("store", "file")
                .add("jobsDir", Files.isDirectory(jobsDir) ? "exists" : "missing")
                .add("queue", Json.createObjectBuilder().add("queued", jobs.queued()))
                .add("media", toolStatus.containsValue("missing") ? "missing tools" : "ready")
                .add("tools", tools)
                .add("keys", keyFlags)
                .build();
    }

    private JsonObject stats() {
        int total = 0;
        int completed = 0;
        int failed = 0;
        int active = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (Job job : jobs.all()) {
            total++;
            JobStatus s = job.status();
            switch (s) {
                case COMPLETED -> {
                    completed++;
                    cost = cost.add(costOf(job.json()));
                }
                case FAILED, CANCELLED -> failed++;
                case QUEUED, RUNNING -> active++;
            }
        }
        return Json.createObjectBuilder().add("totalJobs", total).add("completedJobs", completed)
                .add("failedJobs", failed).add("activeJobs", active)
                .add("totalCost", cost.setScale(2, RoundingMode.HALF_UP).doubleValue()).build();
    }

    /** The reference's rule: actual cost, else the estimate, else nothing. */
    private static BigDecimal costOf(JsonObject meta) {
        for (String field : List.of("actualCost", "costEstimate")) {
            JsonValue v = meta.get(field);
            if (v instanceof JsonObject o && o.get("totalCost") instanceof JsonNumber n) {
                return n.bigDecimalValue();
            }
        }
        return BigDecimal.ZERO;
    }
}
