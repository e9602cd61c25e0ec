package org.reelflow.media.voice;

import java.util.List;

/**
 * One word of the script as written ({@code original}, shown in captions) and the plain words a speech engine says
 * for it ({@code spoken}, letters and apostrophes only; empty for a bare dash). {@code pause} is the sentence mark
 * ("", ",", ".", "?" or "!") that follows it, kept so the engine still phrases the sentence.
 */
public record SpokenWord(String original, List<String> spoken, String pause) {

    public SpokenWord {
        spoken = List.copyOf(spoken);
    }
}
