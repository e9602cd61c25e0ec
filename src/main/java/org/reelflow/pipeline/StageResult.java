package org.reelflow.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.reelflow.events.StageEvent;

/**
 * How a stage ended: complete with a detail, or skipped with a reason (after it started, e.g. research whose
 * search failed), plus progress events that OpenReels sends right after {@code complete} ({@code results},
 * {@code score}, {@code review}).
 */
public final class StageResult {

    private final boolean skipped;
    private final String text;
    private final List<StageEvent> followUps = new ArrayList<>();

    private StageResult(boolean skipped, String text) {
        this.skipped = skipped;
        this.text = text;
    }

    public static StageResult complete(String detail) {
        return new StageResult(false, detail);
    }

    public static StageResult skipped(String reason) {
        return new StageResult(true, reason);
    }

    /** Adds an event to send after the stage's {@code complete} (or {@code skipped}). */
    public StageResult then(StageEvent event) {
        followUps.add(event);
        return this;
    }

    public boolean isSkipped() {
        return skipped;
    }

    /** The detail of a completed stage, or the reason of a skipped one. */
    public String text() {
        return text;
    }

    public List<StageEvent> followUps() {
        return List.copyOf(followUps);
    }
}
