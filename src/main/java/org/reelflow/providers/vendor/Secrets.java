package org.reelflow.providers.vendor;

import org.reelflow.providers.ProviderException;

/** Keeps API keys out of anything a person or a log could read. */
public final class Secrets {

    private Secrets() {
    }

    /** {@code text} with every occurrence of {@code secret} (and its URL-encoded form) masked. */
    public static String scrub(String text, String secret) {
        if (text == null || secret == null || secret.length() < 4) {
            return text;
        }
        String out = text.replace(secret, "***");
        String encoded = java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8);
        return encoded.equals(secret) ? out : out.replace(encoded, "***");
    }

    /** The same failure with the key masked in its message (and the cause dropped when that would show it). */
    public static ProviderException scrub(ProviderException e, String secret) {
        String message = scrub(e.getMessage(), secret);
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && secret != null && cause.getMessage().contains(secret)) {
            cause = null;
        }
        if (message != null && message.equals(e.getMessage()) && cause == e.getCause()) {
            return e;
        }
        ProviderException clean = new ProviderException(e.provider(), e.kind(), e.status(), message, cause);
        clean.setStackTrace(e.getStackTrace());
        return clean;
    }
}
