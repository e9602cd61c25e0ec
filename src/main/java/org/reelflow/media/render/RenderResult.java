package org.reelflow.media.render;

import java.nio.file.Path;
import java.util.List;

/** The finished file and the timing it was built with (scene lengths after overlaps and the last-scene stretch). */
public record RenderResult(Path video, int totalFrames, double durationSeconds, List<Integer> sceneFrames) {
}
