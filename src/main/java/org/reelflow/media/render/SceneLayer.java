package org.reelflow.media.render;

import java.io.IOException;

/** A scene's pictures: draws its {@code localFrame}-th frame (0-based within the scene) into a full frame. */
interface SceneLayer extends AutoCloseable {

    void render(int localFrame, YuvFrame out) throws IOException;

    /** Releases decoders and buffers once the scene is over. */
    @Override
    default void close() {
    }
}
