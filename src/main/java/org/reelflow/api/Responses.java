package org.reelflow.api;

import java.util.regex.Pattern;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import jakarta.json.Json;
import jakarta.json.JsonValue;

/** The small vocabulary every route answers with. */
final class Responses {

    /** OpenReels' job id rule ({@code /^[\w-]+$/}); also keeps ids out of path tricks. */
    private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9_-]+");

    private Responses() {
    }

    static void json(ServerResponse res, Status status, JsonValue body) {
        // Written as bytes: Helidon's JSON writer follows the request's Accept header, and an EventSource that
        // accepts only text/event-stream would get an empty 500 instead of its JSON error.
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.status(status).send(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static void error(ServerResponse res, Status status, String message) {
        json(res, status, Json.createObjectBuilder().add("error", message).build());
    }

    /** The {@code :id} path parameter, checked. */
    static String jobId(ServerRequest req) {
        String id = req.path().pathParameters().get("id");
        if (!JOB_ID.matcher(id).matches()) {
            throw ApiException.badRequest("Invalid job ID");
        }
        return id;
    }
}
