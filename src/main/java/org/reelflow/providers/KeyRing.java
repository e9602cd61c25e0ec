package org.reelflow.providers;

import java.util.Map;
import java.util.Optional;

/**
 * The API keys one job may use: its BYOK keys first, then the server's. Held in memory for the job only;
 * {@link #toString()} never shows a value.
 */
public final class KeyRing {

    private final Map<String, String> byok;
    private final ApiKeys server;
    private final java.util.function.Function<String, String> env;

    public KeyRing(Map<String, String> byok, java.util.function.Function<String, String> env) {
        this.byok = Map.copyOf(byok);
        this.env = env;
        this.server = new ApiKeys(env);
    }

    public Optional<String> find(String name) {
        String v = byok.get(name);
        if (v != null && !v.isBlank()) {
            return Optional.of(v);
        }
        return server.configured(name) ? Optional.of(env.apply(name).trim()) : Optional.empty();
    }

    /** The key, or the failure every provider gives when it is missing: "<NAME> is required". */
    public String require(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException(name + " is required"));
    }

    /** Whether the job brought this key itself. */
    public boolean isByok(String name) {
        String v = byok.get(name);
        return v != null && !v.isBlank();
    }

    public boolean has(String name) {
        return find(name).isPresent();
    }

    @Override
    public String toString() {
        return "KeyRing" + byok.keySet();
    }
}
