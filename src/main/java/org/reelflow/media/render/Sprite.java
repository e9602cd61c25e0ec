package org.reelflow.media.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * A translucent layer (captions, text-card words) converted once to premultiplied 4:2:0 with its alpha, trimmed to
 * its painted pixels, so putting it on a frame is one multiply-add per covered sample.
 */
final class Sprite {

    /** BT.709 luma weights in 16.16 fixed point (they sum to 65536). */
    private static final int KR = 13933;
    private static final int KG = 46871;
    private static final int KB = 4732;

    final int x;
    final int y;
    final int width;
    final int height;
    private final byte[] ya;
    private final byte[] yp;
    private final byte[] ca;
    private final byte[] up;
    private final byte[] vp;

    private Sprite(int x, int y, int width, int height) {
        this.x = x;
        this.y = y;
        this.width = width;
        this.height = height;
        ya = new byte[width * height];
        yp = new byte[width * height];
        ca = new byte[width * height / 4];
        up = new byte[width * height / 4];
        vp = new byte[width * height / 4];
    }

    /**
     * The painted part of {@code image} (TYPE_INT_ARGB_PRE, as Java2D draws fastest), whose top-left corner goes at
     * {@code (frameX, frameY)} of the frame (both even). Null when nothing is painted.
     */
    static Sprite of(BufferedImage image, int frameX, int frameY) {
        if (image.getType() != BufferedImage.TYPE_INT_ARGB_PRE) {
            throw new IllegalArgumentException("sprites are made from TYPE_INT_ARGB_PRE images");
        }
        int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int iw = image.getWidth();
        int ih = image.getHeight() & ~1;
        int minX = iw;
        int maxX = -1;
        int minY = ih;
        int maxY = -1;
        for (int j = 0; j < ih; j++) {
            int r = j * iw;
            for (int i = 0; i < iw; i++) {
                if (px[r + i] != 0) {
                    minX = Math.min(minX, i);
                    maxX = Math.max(maxX, i);
                    minY = Math.min(minY, j);
                    maxY = j;
                }
            }
        }
        if (maxX < 0) {
            return null;
        }
        minX &= ~1;
        minY &= ~1;
        int w = Math.min(iw & ~1, (maxX + 2) & ~1) - minX;
        int h = Math.min(ih, (maxY + 2) & ~1) - minY;
        Sprite s = new Sprite(frameX + minX, frameY + minY, w, h);
        s.fill(px, iw, minX, minY);
        return s;
    }

    private void fill(int[] px, int stride, int sx, int sy) {
        for (int j = 0; j < height; j++) {
            int src = (sy + j) * stride + sx;
            int dst = j * width;
            for (int i = 0; i < width; i++) {
                int p = px[src + i];
                int a = p >>> 24;
                if (a != 0) {
                    long l = (long) KR * (p >> 16 & 255) + (long) KG * (p >> 8 & 255) + (long) KB * (p & 255);
                    ya[dst + i] = (byte) a;
                    yp[dst + i] = (byte) ((16L * a * 65536 + 219 * l + 255L * 32768) / (255L * 65536));
                }
            }
        }
        for (int j = 0; j < height; j += 2) {
            int r0 = (sy + j) * stride + sx;
            int r1 = r0 + stride;
            int c = (j / 2) * (width / 2);
            for (int i = 0; i < width; i += 2) {
                int p0 = px[r0 + i];
                int p1 = px[r0 + i + 1];
                int p2 = px[r1 + i];
                int p3 = px[r1 + i + 1];
                if ((p0 | p1 | p2 | p3) == 0) {
                    continue;
                }
                // premultiplied averages of the 2×2 block: chroma is affine in RGB, so it premultiplies too
                double a = ((p0 >>> 24) + (p1 >>> 24) + (p2 >>> 24) + (p3 >>> 24)) / 4.0;
                double r = ((p0 >> 16 & 255) + (p1 >> 16 & 255) + (p2 >> 16 & 255) + (p3 >> 16 & 255)) / 4.0;
                double g = ((p0 >> 8 & 255) + (p1 >> 8 & 255) + (p2 >> 8 & 255) + (p3 >> 8 & 255)) / 4.0;
                double b = ((p0 & 255) + (p1 & 255) + (p2 & 255) + (p3 & 255)) / 4.0;
                double l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
                ca[c + i / 2] = (byte) Math.round(a);
                up[c + i / 2] = (byte) Math.round((128 * a + 224 * (b - l) / 1.8556) / 255);
                vp[c + i / 2] = (byte) Math.round((128 * a + 224 * (r - l) / 1.5748) / 255);
            }
        }
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
