package org.reelflow.media;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ExternalProcessTest {

    /**
     * Linux sends the parent-death signal when the thread that forked the child ends, not the process: a child
     * forked by a job's short-lived thread would be SIGKILLed the moment that thread is done asking for it.
     */
    @Test
    void childOutlivesTheThreadThatStartedIt() throws Exception {
        AtomicReference<Process> started = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread asker = Thread.ofPlatform().start(() -> {
            try {
                started.set(ExternalProcess.start(new ProcessBuilder("sleep", "30")));
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        asker.join();
        Process child = started.get();
        assertThat("started (" + failure.get() + ")", child, notNullValue());
        try {
            // The signal follows the thread's exit at once; a second is ample for it to have arrived.
            long deadline = System.currentTimeMillis() + 1_000;
            while (System.currentTimeMillis() < deadline && child.isAlive()) {
                Thread.sleep(10);
            }
            assertThat("child alive 1 s after its asking thread ended", child.isAlive(), is(true));
        } finally {
            ExternalProcess.destroy(child);
        }
        assertThat(child.isAlive(), is(false));
    }

    /** A missing program fails at the start, as ProcessBuilder's would, not as a child of setpriv exiting 127. */
    @Test
    void missingProgramFailsToStart() {
        assertThrows(IOException.class, () -> ExternalProcess.run(List.of("reelflow-no-such-program"), null, null));
    }
}
