package org.reelflow.media;

import java.util.List;

/**
 * Stands in for the server in {@link ServerKillTest}: a JVM that runs a long ffmpeg through {@link ExternalProcess}
 * on a virtual thread, as a job does, prints {@code child <pid>} and waits to be killed.
 */
public final class ServerStandIn {

    private ServerStandIn() {
    }

    public static void main(String[] args) throws Exception {
        // A minute of tiny frames at their real rate: next to no CPU, and gone by itself should the test break.
        Thread.ofVirtual().start(() -> {
            try {
                ExternalProcess.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-re", "-f", "lavfi", "-i",
                                            "testsrc=size=64x64:rate=10:duration=60", "-f", "null", "-"), null, null);
            } catch (Exception e) {
                e.printStackTrace();
            }
        });
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            var ffmpeg = ProcessHandle.current().children()
                                      .filter(p -> p.info().command().orElse("").endsWith("/ffmpeg")).findFirst();
            if (ffmpeg.isPresent()) {
                System.out.println("child " + ffmpeg.get().pid());
                System.out.flush();
                break;
            }
            Thread.sleep(10);
        }
        Thread.sleep(60_000);
    }
}
