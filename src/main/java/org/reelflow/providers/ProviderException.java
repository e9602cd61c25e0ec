package org.reelflow.providers;

/**
 * A provider call that failed for good (after any retries). {@link Kind} tells the pipeline what to do: an
 * invalid key fails the job naming the provider; other failures may take a fallback.
 */
public final class ProviderException extends Exception {

    /** Why the call failed. */
    public enum Kind { AUTH, BAD_REQUEST, RATE_LIMITED, SERVER, TIMEOUT, NETWORK, MALFORMED_RESPONSE, REFUSED }

    private final String provider;
    private final Kind kind;
    private final int status;

    public ProviderException(String provider, Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.provider = provider;
        this.kind = kind;
        this.status = status;
    }

    public ProviderException(String provider, Kind kind, int status, String message) {
        this(provider, kind, status, message, null);
    }

    /**
     * The invalid-key failure behind {@code e}, if that is what it is: no retry or fallback can help, so the job
     * fails at once with this message.
     */
    public static java.util.Optional<ProviderException> invalidKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProviderException p && p.kind() == Kind.AUTH) {
                return java.util.Optional.of(p);
            }
        }
        return java.util.Optional.empty();
    }

    public String provider() {
        return provider;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when none arrived. */
    public int status() {
        return status;
    }
}
