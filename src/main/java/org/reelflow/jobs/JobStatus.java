package org.reelflow.jobs;

import java.util.Locale;

/** Where a job is in its life; the lowercase name is what meta.json and the API say. */
public enum JobStatus {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public static JobStatus of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
