package org.reelflow.providers;

/**
 * A provider call that failed for good (after any retries). {@link Kind} tells the pipeline what to do: an
 * invalid key, or a model the vendor does not serve, fails the job naming what to fix; other failures may take a
 * fallback.
 */
public final class ProviderException extends Exception {

    /** Why the call failed. */
    public enum Kind {
        AUTH, BAD_REQUEST, RATE_LIMITED, SERVER, TIMEOUT, NETWORK, MALFORMED_RESPONSE, REFUSED,
        /** The vendor does not serve the model or voice asked for (the message names it and its setting). */
        NOT_SERVED
    }

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
     * The invalid-key or unserved-model failure behind {@code e}, if that is what it is: another attempt would send
     * the same key or model, so the job fails at once with this message.
     */
    public static java.util.Optional<ProviderException> unfixable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProviderException p && (p.kind() == Kind.AUTH || p.kind() == Kind.NOT_SERVED)) {
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
