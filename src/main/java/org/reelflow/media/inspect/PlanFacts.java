package org.reelflow.media.inspect;

import java.util.List;
import org.reelflow.media.TimedWord;

/** What the plan intended, for the critic to hold the rendered file against. */
public record PlanFacts(double platformMaxSeconds, List<TimedWord> words, List<Double> sceneSeconds,
                        List<String> visualTypes, int captionChunkSize, double captionLingerS) {

    public PlanFacts {
        words = List.copyOf(words);
        sceneSeconds = List.copyOf(sceneSeconds);
        visualTypes = List.copyOf(visualTypes);
    }
}
