package org.reelflow.media.voice;

import java.util.List;

/** Looks at this JVM's live child processes, to prove a cancelled job left nothing running. */
public final class ChildProcesses {

    private ChildProcesses() {
    }

    public static List<String> alive() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                            .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
    }

    /** Waits up to {@code timeoutMs} for a descendant whose command line contains {@code program}. */
    public static boolean awaitRunning(String program, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            if (alive().stream().anyMatch(c -> c.contains(program))) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }
}
