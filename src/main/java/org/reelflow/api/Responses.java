package org.reelflow.api;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
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

    /** A 200 JSON answer. */
    static void json(ServerRequest req, ServerResponse res, JsonValue body) {
        json(req, res, Status.OK_200, body);
    }

    /**
     * A JSON answer. Written as bytes: Helidon's JSON writer follows the request's Accept header, and an
     * EventSource that accepts only text/event-stream would get an empty 500 instead of its JSON error. A HEAD
     * gets the same headers, Content-Length included, and no body: Helidon writes whatever a handler sends, and
     * body bytes after a HEAD answer are read by the client as the start of the next response.
     */
    static void json(ServerRequest req, ServerResponse res, Status status, JsonValue body) {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.status(status);
        if (req.prologue().method() == Method.HEAD) {
            res.contentLength(bytes.length);
            res.send();
        } else {
            res.send(bytes);
        }
    }

    static void error(ServerRequest req, ServerResponse res, Status status, String message) {
        if (ConnectionGuard.hasBody(req)) {
            res.header(HeaderValues.CONNECTION_CLOSE);     // its body may be unread: see ConnectionGuard
        }
        json(req, res, status, Json.createObjectBuilder().add("error", message).build());
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
