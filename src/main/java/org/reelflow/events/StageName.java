package org.reelflow.events;

import java.util.Optional;

/** The six stages, in the order every job runs them. */
public enum StageName {
    RESEARCH, DIRECTOR, TTS, VISUALS, ASSEMBLY, CRITIC;

    /** The wire name: {@code research}, {@code director} … ({@code stage:<key>} on the event stream). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String eventName() {
        return "stage:" + key();
    }

    public static Optional<StageName> of(String key) {
        for (StageName s : values()) {
            if (s.key().equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
