package org.reelflow.api;

import io.helidon.http.Status;

/** A request the API refuses: answered as {@code {"error": message}} with the given status. */
public final class ApiException extends RuntimeException {

    private final Status status;

    public ApiException(Status status, String message) {
        super(message);
        this.status = status;
    }

    public Status status() {
        return status;
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
}
