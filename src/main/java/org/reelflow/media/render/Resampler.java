package org.reelflow.media.render;

/**
 * Bilinear scale-and-shift of one plane in 8-bit fixed point. Column taps and weights are computed once per frame, so
 * the inner loop is four loads and three multiply-adds: a 1080×1920 frame costs a few milliseconds, where Java2D's
 * bilinear drawImage measured 21.6 ms.
 */
final class Resampler {

    private Resampler() {
    }

    /**
     * Fills {@code dst} (dw × dh) with {@code src} (sw × sh) sampled at {@code srcX = x·step + offsetX} (and the same for
     * y), coordinates in source pixels between sample centres; samples outside repeat the edge.
     */
    static void resample(byte[] src, int sw, int sh, byte[] dst, int dw, int dh,
                         double step, double offsetX, double offsetY) {
        int[] ix = new int[dw];
        int[] fx = new int[dw];
        for (int x = 0; x < dw; x++) {
            double sx = x * step + offsetX;
            tap(sx, sw, ix, fx, x);
        }
        int[] iy = new int[1];
        int[] fy = new int[1];
        for (int y = 0; y < dh; y++) {
            tap(y * step + offsetY, sh, iy, fy, 0);
            int r0 = iy[0] * sw;
            int r1 = Math.min(iy[0] + 1, sh - 1) * sw;
            int wy = fy[0];
            int d = y * dw;
            for (int x = 0; x < dw; x++) {
                int i = ix[x];
                int w = fx[x];
                int a = src[r0 + i] & 255;
                int b = src[r0 + i + 1] & 255;
                int c = src[r1 + i] & 255;
                int e = src[r1 + i + 1] & 255;
                int top = (a << 8) + (b - a) * w;
                int bottom = (c << 8) + (e - c) * w;
                dst[d + x] = (byte) (((top << 8) + (bottom - top) * wy + (1 << 15)) >> 16);
            }
        }
    }

    /** Integer tap and 0–256 weight for coordinate {@code s}, clamped so tap + 1 stays inside. */
    private static void tap(double s, int size, int[] index, int[] weight, int at) {
        if (s <= 0) {
            index[at] = 0;
            weight[at] = 0;
        } else if (s >= size - 1) {
            index[at] = Math.max(0, size - 2);
            weight[at] = size > 1 ? 256 : 0;
        } else {
            int i = (int) s;
            index[at] = i;
            weight[at] = (int) Math.round((s - i) * 256);
        }
    }

    /** Draws {@code src}, prepared at {@code prepScale} × the frame size, onto {@code out} with the given transform. */
    static void draw(YuvFrame src, double prepScale, Motion.Transform t, YuvFrame out) {
        plane(src.y, src.width, src.height, out.y, out.width, out.height, prepScale, t.scale(), t.shiftX());
        plane(src.u, src.width / 2, src.height / 2, out.u, out.width / 2, out.height / 2, prepScale, t.scale(), t.shiftX() / 2);
        plane(src.v, src.width / 2, src.height / 2, out.v, out.width / 2, out.height / 2, prepScale, t.scale(), t.shiftX() / 2);
    }

    private static void plane(byte[] src, int sw, int sh, byte[] dst, int dw, int dh, double prep, double scale, double shift) {
        // output pixel centre x + 0.5 → frame space (x + 0.5 − W/2 − shift) / scale + W/2 → source pixels × prep − 0.5
        double step = prep / scale;
        double ox = ((0.5 - dw / 2.0 - shift) / scale + dw / 2.0) * prep - 0.5;
        double oy = ((0.5 - dh / 2.0) / scale + dh / 2.0) * prep - 0.5;
        resample(src, sw, sh, dst, dw, dh, step, ox, oy);
    }
}
