package org.reelflow.cli;

import org.reelflow.events.Event;
import org.reelflow.events.JobEvent;

/**
 * One event of a job's stream as the CLI sees it, whether it came from the in-process registry or over HTTP:
 * id ({@code -1} when the server sent none) and the event.
 */
public record StreamEvent(long id, Event event) {

    public static StreamEvent of(JobEvent e) {
        return new StreamEvent(e.id(), e.event());
    }

    public boolean terminal() {
        return event.terminal();
    }
}
