package org.reelflow.providers.stock;

import java.io.IOException;
import java.nio.file.Path;

/** Takes one still from a clip so a vision model can judge footage. */
@FunctionalInterface
public interface FrameGrabber {

    /** Writes a PNG frame of {@code video} to {@code png} and returns it. */
    Path grab(Path video, Path png) throws IOException, InterruptedException;
}
