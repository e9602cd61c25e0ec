package org.reelflow.api;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;

/**
 * Ends the connection after an answer that leaves the request's framing in doubt, so bytes the client sent as a
 * body are never parsed as further requests (request smuggling). Helidon 4.5 keeps reading a keep-alive connection
 * after such answers: after an error to a request whose body was not read to its end (a 413 for a body over
 * {@code api.max-body-bytes}, a 415 before reading), and even after a request that said {@code Connection: close}.
 * Closing is cheaper and safer than draining a body we have already refused. Also refuses matrix parameters
 * ({@code /jobs/1;2}): Helidon drops them from the matched path, so {@code DELETE /jobs/1;2} would delete job 1.
 */
public final class ConnectionGuard implements Filter {

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (req.path().rawPath().indexOf(';') >= 0) {
            Responses.error(req, res, Status.BAD_REQUEST_400,
                            "A path may not contain ';' (matrix parameters are not part of any route)");
        } else {
            chain.proceed();     // routing and its error handlers: the answer has been sent when this returns
        }
        boolean clientCloses = req.headers().containsToken(HeaderValues.CONNECTION_CLOSE);
        boolean bodyInDoubt = hasBody(req) && (res.status().code() >= 400 || !req.content().consumed());
        if (clientCloses || bodyInDoubt) {
            throw new CloseConnectionException("connection closed after " + res.status().code()
                                               + (bodyInDoubt ? " with an unread request body" : " (Connection: close)"));
        }
    }

    static boolean hasBody(ServerRequest req) {
        return req.headers().contains(HeaderNames.TRANSFER_ENCODING)
               || req.headers().contentLength().orElse(0L) > 0;
    }
}
