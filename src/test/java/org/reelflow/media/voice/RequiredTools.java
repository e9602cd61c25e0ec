package org.reelflow.media.voice;

import static org.junit.jupiter.api.Assertions.fail;

import org.reelflow.media.ExternalProcess;

/** Media tests need the real tools; a missing one is a broken machine, reported loudly rather than skipped. */
public final class RequiredTools {

    private RequiredTools() {
    }

    public static void require(String... programs) {
        for (String program : programs) {
            if (!ExternalProcess.onPath(program)) {
                fail(program + " is not on the PATH: install the media tools (apt-get install ffmpeg festival "
                     + "festvox-us-slt-hts pocketsphinx pocketsphinx-en-us sox)");
            }
        }
    }
}
