package org.reelflow.media.align;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.reelflow.media.TimedWord;

/** Finds when each word of a known script is spoken in an audio file (for TTS audio that carries no timings). */
public interface ForcedAligner {

    /**
     * Returns one timed word per whitespace-separated script word, in order, spelled as in the script.
     *
     * @throws AlignmentException when the audio cannot be matched to the script
     */
    List<TimedWord> align(Path audio, String script) throws IOException, InterruptedException;
}
