package org.reelflow.media.render;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * A picture in the encoder's own format, planar 4:2:0 with BT.709 limited-range values: x264 takes it without a
 * conversion pass, and a frame is 1.5 bytes a pixel through the pipe instead of 3 or 4.
 */
public final class YuvFrame {

    final int width;
    final int height;
    final byte[] y;
    final byte[] u;
    final byte[] v;

    public YuvFrame(int width, int height) {
        if (width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("4:2:0 needs even sizes: " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.y = new byte[width * height];
        this.u = new byte[width * height / 4];
        this.v = new byte[width * height / 4];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The three planes back to back, as ffmpeg's rawvideo yuv420p expects them. */
    public int byteSize() {
        return y.length + u.length + v.length;
    }

    void fillBlack() {
        Arrays.fill(y, (byte) 16);
        Arrays.fill(u, (byte) 128);
        Arrays.fill(v, (byte) 128);
    }

    void copyFrom(YuvFrame other) {
        System.arraycopy(other.y, 0, y, 0, y.length);
        System.arraycopy(other.u, 0, u, 0, u.length);
        System.arraycopy(other.v, 0, v, 0, v.length);
    }

    /** Converts an RGB picture of exactly this frame's size; chroma is the average of each 2×2 block. */
    static YuvFrame fromImage(BufferedImage image) {
        YuvFrame f = new YuvFrame(image.getWidth() & ~1, image.getHeight() & ~1);
        int w = f.width;
        int[] row0 = new int[w];
        int[] row1 = new int[w];
        for (int yy = 0; yy < f.height; yy += 2) {
            image.getRGB(0, yy, w, 1, row0, 0, w);
            image.getRGB(0, yy + 1, w, 1, row1, 0, w);
            for (int x = 0; x < w; x++) {
                f.y[yy * w + x] = (byte) Bt709.luma(row0[x]);
                f.y[(yy + 1) * w + x] = (byte) Bt709.luma(row1[x]);
            }
            int c = (yy / 2) * (w / 2);
            for (int x = 0; x < w; x += 2) {
                int r = ((row0[x] >> 16 & 255) + (row0[x + 1] >> 16 & 255) + (row1[x] >> 16 & 255) + (row1[x + 1] >> 16 & 255) + 2) >> 2;
                int g = ((row0[x] >> 8 & 255) + (row0[x + 1] >> 8 & 255) + (row1[x] >> 8 & 255) + (row1[x + 1] >> 8 & 255) + 2) >> 2;
                int b = ((row0[x] & 255) + (row0[x + 1] & 255) + (row1[x] & 255) + (row1[x + 1] & 255) + 2) >> 2;
                f.u[c + x / 2] = (byte) Bt709.cb(r, g, b);
                f.v[c + x / 2] = (byte) Bt709.cr(r, g, b);
            }
        }
        return f;
    }
}
