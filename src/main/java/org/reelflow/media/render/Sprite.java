package org.reelflow.media.render;

import java.awt.image.BufferedImage;

/**
 * A translucent layer (captions, text-card words) converted once to premultiplied 4:2:0 with its alpha, so putting it
 * on a frame is one multiply-add per sample and fully transparent samples cost a compare.
 */
final class Sprite {

    final int x;
    final int y;
    final int width;
    final int height;
    private final byte[] ya;
    private final byte[] yp;
    private final byte[] ca;
    private final byte[] up;
    private final byte[] vp;

    /** The area {@code (sx, sy, w, h)} of an ARGB image (not premultiplied), to be placed at {@code (x, y)} of a frame; all even. */
    Sprite(BufferedImage argb, int sx, int sy, int w, int h, int x, int y) {
        this.x = x & ~1;
        this.y = y & ~1;
        this.width = w & ~1;
        this.height = h & ~1;
        ya = new byte[width * height];
        yp = new byte[width * height];
        ca = new byte[width * height / 4];
        up = new byte[width * height / 4];
        vp = new byte[width * height / 4];
        int[] r0 = new int[width];
        int[] r1 = new int[width];
        for (int j = 0; j < height; j += 2) {
            argb.getRGB(sx, sy + j, width, 1, r0, 0, width);
            argb.getRGB(sx, sy + j + 1, width, 1, r1, 0, width);
            for (int i = 0; i < width; i++) {
                luma(j * width + i, r0[i]);
                luma((j + 1) * width + i, r1[i]);
            }
            int c = (j / 2) * (width / 2);
            for (int i = 0; i < width; i += 2) {
                int[] px = {r0[i], r0[i + 1], r1[i], r1[i + 1]};
                int a = 0;
                int r = 0;
                int g = 0;
                int b = 0;
                for (int p : px) {
                    int al = p >>> 24;
                    a += al;
                    r += (p >> 16 & 255) * al;
                    g += (p >> 8 & 255) * al;
                    b += (p & 255) * al;
                }
                if (a == 0) {
                    continue;
                }
                int alpha = (a + 2) / 4;
                // colour of the covered part, weighted by coverage, then premultiplied by the block's alpha
                int cb = Bt709.cb(r / a, g / a, b / a);
                int cr = Bt709.cr(r / a, g / a, b / a);
                ca[c + i / 2] = (byte) alpha;
                up[c + i / 2] = (byte) ((cb * alpha + 127) / 255);
                vp[c + i / 2] = (byte) ((cr * alpha + 127) / 255);
            }
        }
    }

    private void luma(int index, int argb) {
        int a = argb >>> 24;
        if (a == 0) {
            return;
        }
        ya[index] = (byte) a;
        yp[index] = (byte) ((Bt709.luma(argb) * a + 127) / 255);
    }

    /** Draws the sprite over {@code frame}, clipped to the frame. */
    void blendOnto(YuvFrame frame) {
        blendPlane(frame.y, frame.width, frame.height, x, y, width, height, ya, yp);
        blendPlane(frame.u, frame.width / 2, frame.height / 2, x / 2, y / 2, width / 2, height / 2, ca, up);
        blendPlane(frame.v, frame.width / 2, frame.height / 2, x / 2, y / 2, width / 2, height / 2, ca, vp);
    }

    private static void blendPlane(byte[] dst, int dw, int dh, int ox, int oy, int w, int h, byte[] alpha, byte[] pre) {
        for (int j = Math.max(0, -oy); j < h && oy + j < dh; j++) {
            int s = j * w;
            int d = (oy + j) * dw + ox;
            for (int i = Math.max(0, -ox); i < w && ox + i < dw; i++) {
                int a = alpha[s + i] & 255;
                if (a == 0) {
                    continue;
                }
                int under = dst[d + i] & 255;
                dst[d + i] = (byte) ((pre[s + i] & 255) + (under * (255 - a) + 127) / 255);
            }
        }
    }
}
