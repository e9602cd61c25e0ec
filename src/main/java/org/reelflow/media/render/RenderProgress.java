package org.reelflow.media.render;

/** Told how many frames are encoded, at least twice a second, on the thread that called render. */
@FunctionalInterface
public interface RenderProgress {

    void onFrame(int frame, int totalFrames);

    RenderProgress NONE = (frame, total) -> { };
}
