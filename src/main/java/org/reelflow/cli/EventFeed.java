package org.reelflow.cli;

import java.io.IOException;

/** A job's events in order, each once, from wherever they come (this process, or a server over HTTP). */
interface EventFeed extends AutoCloseable {

    /**
     * The next event, or null when none arrived within the timeout.
     *
     * @throws IOException the events can no longer be followed (the reason is the message)
     */
    StreamEvent poll(long timeoutMillis) throws InterruptedException, IOException;

    /** A line about the connection to show the person (reconnecting …), or null; taken once. */
    default String takeNotice() {
        return null;
    }

    @Override
    void close();
}
