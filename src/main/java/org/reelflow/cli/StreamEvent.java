package org.reelflow.cli;

import jakarta.json.JsonObject;

import org.reelflow.events.JobEvent;

/**
 * One event of a job's stream as the CLI sees it, whether it came from the in-process registry or over HTTP:
 * id ({@code -1} when the server sent none), SSE event name and JSON data.
 */
public record StreamEvent(long id, String name, JsonObject data) {

    public static StreamEvent of(JobEvent e) {
        return new StreamEvent(e.id(), e.name(), e.data());
    }

    public boolean terminal() {
        return JobEvent.COMPLETED.equals(name) || JobEvent.FAILED.equals(name);
    }

    public String type() {
        return data.getString("type", "");
    }
}
