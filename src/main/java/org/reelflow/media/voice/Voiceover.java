package org.reelflow.media.voice;

import java.nio.file.Path;
import java.util.List;
import org.reelflow.media.TimedWord;

/** A synthesized voiceover: the audio file, its length, and when each script word is spoken. */
public record Voiceover(Path audio, double durationSec, List<TimedWord> words) {

    public Voiceover {
        words = List.copyOf(words);
    }
}
