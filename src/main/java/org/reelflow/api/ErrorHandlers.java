package org.reelflow.api;

import java.util.logging.Level;
import java.util.logging.Logger;

import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.http.media.UnsupportedTypeException;
import io.helidon.webserver.http.HttpRouting;

import jakarta.json.JsonException;

/**
 * Every error is a JSON body {@code {"error": "..."}}: bad input gets its 4xx and a message a person can act on,
 * never a 500 or a stack trace; an unexpected failure is logged and answered with a plain 500 message.
 */
public final class ErrorHandlers {

    private static final Logger LOG = Logger.getLogger(ErrorHandlers.class.getName());

    private ErrorHandlers() {
    }

    public static void register(HttpRouting.Builder routing) {
        routing.error(ApiException.class, (req, res, e) -> Responses.error(res, e.status(), e.getMessage()))
               .error(JsonException.class, (req, res, e) ->
                       Responses.error(res, Status.BAD_REQUEST_400, "Malformed JSON body: " + e.getMessage()))
               .error(UnsupportedTypeException.class, (req, res, e) ->
                       Responses.error(res, Status.UNSUPPORTED_MEDIA_TYPE_415, "Content-Type must be application/json"))
               .error(RequestException.class, (req, res, e) ->
                       Responses.error(res, e.status(), e.getMessage() == null ? e.status().reasonPhrase() : e.getMessage()))
               .error(Exception.class, (req, res, e) -> {
                   LOG.log(Level.SEVERE, "Unexpected error on " + req.prologue().method() + " " + req.path().path(), e);
                   Responses.error(res, Status.INTERNAL_SERVER_ERROR_500, "Internal server error");
               });
    }
}
