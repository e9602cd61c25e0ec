package org.reelflow.api;

import java.nio.charset.StandardCharsets;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

import jakarta.json.Json;

/**
 * Answers for requests Helidon refuses before any route sees them (a malformed request line or percent-encoding,
 * a URI or header section too long, conflicting Content-Length headers, an unsupported HTTP version): the same
 * JSON {@code {"error": ...}} body as every other error, instead of an empty one.
 */
public final class ProtocolErrors implements DirectHandler {

    private ProtocolErrors() {
    }

    /** The handlers to give the web server ({@code WebServerConfig.Builder#directHandlers}). */
    public static DirectHandlers handlers() {
        DirectHandlers.Builder b = DirectHandlers.builder();
        ProtocolErrors json = new ProtocolErrors();
        for (EventType type : EventType.values()) {
            b.addHandler(type, json);
        }
        return b.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                    ServerResponseHeaders headers, String message) {
        byte[] body = Json.createObjectBuilder()
                .add("error", ErrorHandlers.message(status, status.code() >= 500 && status.code() != 505 ? null : message))
                .build().toString().getBytes(StandardCharsets.UTF_8);
        TransportResponse.Builder b = TransportResponse.builder().status(status).headers(headers)
                .header(HeaderNames.CONTENT_TYPE, "application/json");
        return "HEAD".equals(request.method()) ? b.build() : b.entity(body).build();
    }
}
