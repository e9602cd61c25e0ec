package org.reelflow.media.voice;

import java.io.IOException;
import java.nio.file.Path;

/** Turns the whole script into one voiceover with a timing for every script word. */
public interface VoiceEngine {

    /** The provider key this engine answers to in a job's settings (e.g. "local"). */
    String provider();

    /**
     * Writes the voiceover into {@code outDir} and returns it with exactly one timed word per whitespace-separated
     * script word, in order, spelled as in the script. Interrupting the calling thread stops the synthesis.
     */
    Voiceover synthesize(String script, Path outDir) throws IOException, InterruptedException;
}
