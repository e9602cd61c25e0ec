package org.reelflow.api;

import io.helidon.http.Status;

/** A request the API refuses: answered as {@code {"error": message}} with the given status. */
public final class ApiException extends RuntimeException {

    private final Status status;
    /** The {@code Allow} header of a 405, else null. */
    private final String allow;

    public ApiException(Status status, String message) {
        this(status, message, null);
    }

    private ApiException(Status status, String message, String allow) {
        super(message);
        this.status = status;
        this.allow = allow;
    }

    public Status status() {
        return status;
    }

    String allow() {
        return allow;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(Status.BAD_REQUEST_400, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(Status.NOT_FOUND_404, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(Status.CONFLICT_409, message);
    }

    /** 405 for a path that exists but does not answer this method; {@code allow} lists the ones it does. */
    static ApiException methodNotAllowed(String method, String allow) {
        return new ApiException(Status.METHOD_NOT_ALLOWED_405, method + " is not allowed here; use " + allow, allow);
    }
}
