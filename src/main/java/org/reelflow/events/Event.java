package org.reelflow.events;

import jakarta.json.JsonObject;

/**
 * Everything a job's event stream can carry, one record per kind. The job events are here; the {@code stage:<s>}
 * events are the {@link StageEvent}s. {@link EventCodec} is the only place that turns them into the wire's name and
 * JSON and back, so the kinds are checked by the compiler everywhere else.
 */
public sealed interface Event permits Event.JobSnapshot, Event.JobCompleted, Event.JobFailed, Event.Unknown, StageEvent {

    /** Sent first on a new connection: the job's record (meta.json) as it stands. Never logged. */
    record JobSnapshot(JsonObject record) implements Event {
        public static final String NAME = "job:snapshot";
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
