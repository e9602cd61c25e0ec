package org.reelflow.cli;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.reelflow.app.JobFeed;
import org.reelflow.events.JobEvent;

/** A job of this process's engine, as the CLI's display reads events (the same shape as {@link RemoteFeed}). */
final class LocalFeed implements EventFeed {

    private final JobFeed feed;

    LocalFeed(JobFeed feed) {
        this.feed = feed;
    }

    @Override
    public StreamEvent poll(long timeoutMillis) throws InterruptedException, IOException {
        try {
            JobEvent e = feed.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            return e == null ? null : StreamEvent.of(e);
        } catch (JobFeed.ClosedException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        feed.close();
    }
}
