package org.reelflow.media.render;

/** Output frame size and rate; even sizes because 4:2:0 chroma covers 2×2 pixels. */
public record VideoFormat(int width, int height, int fps) {

    public static final VideoFormat SHORTS = new VideoFormat(1080, 1920, 30);

    public VideoFormat {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0 || fps <= 0) {
            throw new IllegalArgumentException("need positive even width/height and fps: " + width + "x" + height + "@" + fps);
        }
    }
}
