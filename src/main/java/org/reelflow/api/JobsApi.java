package org.reelflow.api;

import java.util.Map;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.reelflow.jobs.Job;
import org.reelflow.jobs.JobRequest;
import org.reelflow.jobs.JobService;

/** Submit, list, read, cancel and delete jobs, with OpenReels' status codes and messages. */
public final class JobsApi implements HttpService {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final JobService jobs;
    private final JobRequestParser parser;
    private final JsonBodies bodies;
    private final BaseUrlPolicy baseUrls;

    public JobsApi(JobService jobs, JobRequestParser parser, long maxBodyBytes, BaseUrlPolicy baseUrls) {
        this.jobs = jobs;
        this.parser = parser;
        this.bodies = new JsonBodies(maxBodyBytes);
        this.baseUrls = baseUrls;
    }

    @Override
    public void routing(HttpRules rules) {
        Resource.register(rules, "/jobs", Map.of(Method.POST, this::submit, Method.GET, this::list));
        Resource.register(rules, "/jobs/{id}", Map.of(Method.GET, this::get, Method.DELETE, this::delete));
        Resource.register(rules, "/jobs/{id}/cancel", Map.of(Method.POST, this::cancel));
    }

    private void submit(ServerRequest req, ServerResponse res) throws Exception {
        JobRequest request = parser.parse(bodies.readObject(req));
        baseUrls.check(request);
        Job job = jobs.submit(request);
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", job.id()).add("topic", request.topic());
        if (request.archetype() != null) {
            b.add("archetype", request.archetype());
        }
        Responses.json(req, res, Status.CREATED_201, b.add("status", "queued").build());
    }

    private void list(ServerRequest req, ServerResponse res) {
        int limit = Math.min(positive(req, "limit", DEFAULT_LIMIT), MAX_LIMIT);
        int offset = positive(req, "offset", 0);
        var all = jobs.list();
        JsonArrayBuilder page = Json.createArrayBuilder();
        all.stream().skip(offset).limit(limit).forEach(page::add);
        Responses.json(req, res, Json.createObjectBuilder().add("jobs", page).add("total", all.size()).build());
    }

    /** A query number: absent or unparsable uses the default, negative is refused (the reference took any). */
    private static int positive(ServerRequest req, String name, int fallback) {
        var raw = req.query().first(name).asOptional();
        if (raw.isEmpty() || raw.get().isBlank()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.get().trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number");
        }
        if (value < 0) {
            throw ApiException.badRequest(name + " must be 0 or more");
        }
        return name.equals("limit") && value == 0 ? fallback : value;
    }

    private void get(ServerRequest req, ServerResponse res) {
        Responses.json(req, res, find(req).json());
    }

    private void cancel(ServerRequest req, ServerResponse res) throws InterruptedException {
        String id = Responses.jobId(req);
        var outcome = jobs.cancel(id).orElseThrow(() -> ApiException.notFound("Job not found"));
        switch (outcome) {
            case ALREADY_COMPLETED -> throw ApiException.conflict("Job already completed");
            case ALREADY_FAILED -> throw ApiException.conflict("Job already failed");
            case ALREADY_CANCELLED -> throw ApiException.conflict("Job already cancelled");
            case CANCELLED -> Responses.json(req, res, status("cancelled"));
        }
    }

    private void delete(ServerRequest req, ServerResponse res) throws Exception {
        String id = Responses.jobId(req);
        var outcome = jobs.delete(id).orElseThrow(() -> ApiException.notFound("Job not found"));
        switch (outcome) {
            case ACTIVE -> throw ApiException.conflict("Cannot delete an active job");
            case DELETED -> Responses.json(req, res, status("deleted"));
        }
    }

    private Job find(ServerRequest req) {
        return jobs.find(Responses.jobId(req)).orElseThrow(() -> ApiException.notFound("Job not found"));
    }

    private static JsonObject status(String s) {
        return Json.createObjectBuilder().add("status", s).build();
    }
}
