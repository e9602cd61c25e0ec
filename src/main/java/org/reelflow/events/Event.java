package org.reelflow.events;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Everything a job's event stream can carry, one record per kind. The job events are here; the {@code stage:<s>}
 * events are the {@link StageEvent}s. {@link EventCodec} is the only place that turns them into the wire's name and
 * JSON and back, so the kinds are checked by the compiler everywhere else.
 */
public sealed interface Event permits Event.JobSnapshot, Event.JobStarted, Event.JobOutput, Event.CancelRequested,
        Event.JobCompleted, Event.JobFailed, Event.Unknown, StageEvent {

    /** Sent first on a new connection: the job's record (meta.json) as it stands. Never logged. */
    record JobSnapshot(JsonObject record) implements Event {
        public static final String NAME = "job:snapshot";
    }

    /*
     * The three below are Reelflow's own: everything that changes a job is an event, so its record is the fold of its
     * log. They are job:* names on purpose — OpenReels' web UI listens to its nine names only and a browser's
     * EventSource drops a named event nobody listens to, where a new type under stage:<s> would reach its handlers.
     */

    /** A worker took the job and it is running; the run's folder is {@code runDir} under the job's folder. */
    record JobStarted(String runDir) implements Event {
        public static final String NAME = "job:started";
    }

    /**
     * Something the job produced that the record keeps under {@code field} (providers, words, voiceover, videoPath,
     * actualCost): a stage's output, or the job's own around its stages.
     */
    record JobOutput(String field, JsonValue value) implements Event {
        public static final String NAME = "job:output";
    }

    /** Someone asked to stop the job; it ends with a cancelled job:failed once its work has stopped. */
    record CancelRequested() implements Event {
        public static final String NAME = "job:cancel_requested";
    }

    /** The job ended with its video. Terminal. */
    record JobCompleted() implements Event {
        public static final String NAME = "job:completed";
    }

    /**
     * The job ended without a video. Terminal.
     *
     * @param error     what a person reads; null when a server sent none (OpenReels may send only a state)
     * @param cancelled a person (or the cost gate) stopped it, as opposed to a failure
     */
    record JobFailed(String error, boolean cancelled) implements Event {
        public static final String NAME = "job:failed";
    }

    /**
     * A name, or a {@code type}, this version does not know — from an old job's log or a newer server — kept as it
     * came so that old job folders still list and stream, and a newer server's stream still shows.
     */
    record Unknown(String name, JsonObject data) implements Event {
    }

    /** A terminal event ends the job's stream: the server closes every connection after writing it. */
    default boolean terminal() {
        return this instanceof JobCompleted || this instanceof JobFailed;
    }
}
