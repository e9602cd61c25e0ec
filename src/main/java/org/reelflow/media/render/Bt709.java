package org.reelflow.media.render;

/**
 * RGB → Y'CbCr with the BT.709 matrix in limited range (Y 16–235, C 16–240), the matrix the encoder tags the output
 * with so players convert back with the same one.
 */
final class Bt709 {

    private static final double KR = 0.2126;
    private static final double KB = 0.0722;
    private static final double KG = 1 - KR - KB;

    private Bt709() {
    }

    static int luma(int rgb) {
        return luma(rgb >> 16 & 255, rgb >> 8 & 255, rgb & 255);
    }

    static int luma(int r, int g, int b) {
        return (int) Math.round(16 + 219 * (KR * r + KG * g + KB * b) / 255.0);
    }

    static int cb(int r, int g, int b) {
        double yy = KR * r + KG * g + KB * b;
        return clamp((int) Math.round(128 + 224 * (b - yy) / (2 * (1 - KB)) / 255.0));
    }

    static int cr(int r, int g, int b) {
        double yy = KR * r + KG * g + KB * b;
        return clamp((int) Math.round(128 + 224 * (r - yy) / (2 * (1 - KR)) / 255.0));
    }

    private static int clamp(int v) {
        return Math.max(16, Math.min(240, v));
    }
}
