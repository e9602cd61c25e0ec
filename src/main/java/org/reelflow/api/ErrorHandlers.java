package org.reelflow.api;

import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.http.media.UnsupportedTypeException;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import jakarta.json.JsonException;

/**
 * Every error a route or filter raises becomes a JSON body {@code {"error": "..."}}: bad input gets its 4xx and a
 * message a person can act on, never a 500 or a stack trace; only a failure of ours is logged and answered 500.
 * Errors Helidon finds before routing (a broken request line or header) are answered by {@link ProtocolErrors}.
 */
public final class ErrorHandlers {

    private static final Logger LOG = Logger.getLogger(ErrorHandlers.class.getName());

    private ErrorHandlers() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.error(Throwable.class, ErrorHandlers::answer);
    }

    private static void answer(ServerRequest req, ServerResponse res, Throwable e) {
        switch (e) {
            case ApiException a -> {
                if (a.allow() != null) {
                    res.header(HeaderNames.ALLOW, a.allow());
                }
                Responses.error(req, res, a.status(), a.getMessage());
            }
            case JsonException j -> Responses.error(req, res, Status.BAD_REQUEST_400, "Malformed JSON body: " + j.getMessage());
            case UnsupportedTypeException u ->
                    Responses.error(req, res, Status.UNSUPPORTED_MEDIA_TYPE_415, "Content-Type must be application/json");
            case RequestException r -> Responses.error(req, res, r.status(), message(r.status(), r.safeMessage() ? r.getMessage() : null));
            case HttpException h when h.status().code() < 500 -> {
                h.headers().forEach(res::header);
                Responses.error(req, res, h.status(), message(h.status(), h instanceof io.helidon.http.NotFoundException ? null : h.getMessage()));
            }
            default -> {
                LOG.log(Level.SEVERE, "Unexpected error on " + req.prologue().method() + " " + req.prologue().uriPath().path(), e);
                Responses.error(req, res, Status.INTERNAL_SERVER_ERROR_500, "Internal server error");
            }
        }
    }

    /** The message, or the status's own words when there is none to show ("Not Found"). */
    static String message(Status status, String message) {
        return message == null || message.isBlank() ? status.reasonPhrase() : message;
    }
}
