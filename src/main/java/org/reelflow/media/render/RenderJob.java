package org.reelflow.media.render;

import java.nio.file.Path;
import java.util.List;
import org.reelflow.media.TimedWord;

/** Everything one render needs: the scenes in order, every spoken word (absolute times), the mixed audio, the look. */
public record RenderJob(List<RenderScene> scenes, List<TimedWord> words, Path audio, Look look, VideoFormat format) {

    public RenderJob {
        scenes = List.copyOf(scenes);
        words = List.copyOf(words);
    }
}
