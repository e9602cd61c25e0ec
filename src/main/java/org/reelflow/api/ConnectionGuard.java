package org.reelflow.api;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.common.Weighted;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;

/**
 * Ends the connection after an answer that leaves the request's framing in doubt, so bytes the client sent as a
 * body are never parsed as further requests (request smuggling). Helidon 4.5 keeps reading a keep-alive connection
 * after such answers: after an error to a request whose body was not read to its end (a 413 for a body over
 * {@code api.max-body-bytes}, a 415 before reading), and even after a request that said {@code Connection: close}.
 * What is left of such a body is read first (at most {@code server.max-payload-size}), so the close is clean and
 * the client sees the answer instead of a reset. It runs outermost (its weight), so it also closes after the answers
 * of access control and CORS. Also refuses matrix parameters
 * ({@code /jobs/1;2}): Helidon drops them from the matched path, so {@code DELETE /jobs/1;2} would delete job 1.
 */
public final class ConnectionGuard implements Filter, HttpFeature, Weighted {

    /** Above every other feature's filters (access control, CORS), so it sees every answer, theirs included. */
    private static final double WEIGHT = 1000;

    @Override
    public void setup(HttpRouting.Builder routing) {
        routing.addFilter(this);
    }

    @Override
    public double weight() {
        return WEIGHT;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (req.path().rawPath().indexOf(';') >= 0) {
            Responses.error(req, res, Status.BAD_REQUEST_400,
                            "A path may not contain ';' (matrix parameters are not part of any route)");
        } else {
            chain.proceed();     // routing and its error handlers: the answer has been sent when this returns
        }
        boolean close = req.headers().containsToken(HeaderValues.CONNECTION_CLOSE);
        if (hasBody(req)) {
            close |= res.status().code() >= 400;
            if (!req.content().consumed()) {
                try {
                    // Read what is left (Helidon stops at server.max-payload-size) so the close below is a clean
                    // FIN: closing a socket with unread input resets it, and the client may lose our answer.
                    req.content().consume();
                } catch (RuntimeException e) {
                    close = true;
                }
            }
        }
        if (close) {
            throw new CloseConnectionException("connection closed after a " + res.status().code() + " answer");
        }
    }

    static boolean hasBody(ServerRequest req) {
        return req.headers().contains(HeaderNames.TRANSFER_ENCODING)
               || req.headers().contentLength().orElse(0L) > 0;
    }
}
