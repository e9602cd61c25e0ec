package org.reelflow.media.render;

/**
 * The reference's six scene changes, applied to two finished frames with linear progress p in [0, 1):
 * crossfade, slide_left (the new scene pushes in from the right), slide_right (from the left), wipe (revealed from the
 * left edge), flip (the old scene turns away about the vertical axis, the new one turns in; drawn as a horizontal
 * squash without perspective), none (a cut, never overlapping).
 */
enum Transition {
    NONE, CROSSFADE, SLIDE_LEFT, SLIDE_RIGHT, WIPE, FLIP;

    static Transition parse(String name) {
        return switch (Timeline.normalise(name)) {
            case "crossfade" -> CROSSFADE;
            case "slide_left" -> SLIDE_LEFT;
            case "slide_right" -> SLIDE_RIGHT;
            case "wipe" -> WIPE;
            case "flip" -> FLIP;
            default -> NONE;
        };
    }

    void apply(YuvFrame from, YuvFrame to, double p, YuvFrame out) {
        switch (this) {
            case NONE -> out.copyFrom(p < 0.5 ? from : to);
            case CROSSFADE -> {
                int w = (int) Math.round(p * 256);
                mix(from.y, to.y, out.y, w);
                mix(from.u, to.u, out.u, w);
                mix(from.v, to.v, out.v, w);
            }
            case SLIDE_LEFT, SLIDE_RIGHT, WIPE -> {
                int edge = (int) Math.round(p * out.width) & ~1;
                rows(from.y, to.y, out.y, out.width, out.height, edge);
                rows(from.u, to.u, out.u, out.width / 2, out.height / 2, edge / 2);
                rows(from.v, to.v, out.v, out.width / 2, out.height / 2, edge / 2);
            }
            case FLIP -> {
                YuvFrame src = p < 0.5 ? from : to;
                double visible = Math.abs(Math.cos(Math.PI * p));
                out.fillBlack();
                squash(src.y, out.y, out.width, out.height, visible);
                squash(src.u, out.u, out.width / 2, out.height / 2, visible);
                squash(src.v, out.v, out.width / 2, out.height / 2, visible);
            }
        }
    }

    private static void mix(byte[] a, byte[] b, byte[] out, int w) {
        for (int i = 0; i < out.length; i++) {
            int x = a[i] & 255;
            out[i] = (byte) (x + (((b[i] & 255) - x) * w + 128 >> 8));
        }
    }

    /** Row copies: {@code edge} is how far (in this plane's pixels) the new scene has come in. */
    private void rows(byte[] a, byte[] b, byte[] out, int w, int h, int edge) {
        for (int y = 0; y < h; y++) {
            int r = y * w;
            switch (this) {
                case SLIDE_LEFT -> {      // old moves left by edge, new enters on the right
                    System.arraycopy(a, r + edge, out, r, w - edge);
                    System.arraycopy(b, r, out, r + w - edge, edge);
                }
                case SLIDE_RIGHT -> {     // new enters on the left, old moves right
                    System.arraycopy(b, r + w - edge, out, r, edge);
                    System.arraycopy(a, r, out, r + edge, w - edge);
                }
                default -> {              // wipe: new revealed in place from the left
                    System.arraycopy(b, r, out, r, edge);
                    System.arraycopy(a, r + edge, out, r + edge, w - edge);
                }
            }
        }
    }

    private static void squash(byte[] src, byte[] out, int w, int h, double visible) {
        int vw = (int) Math.round(w * visible);
        if (vw < 1) {
            return;
        }
        int left = (w - vw) / 2;
        int[] map = new int[vw];
        for (int i = 0; i < vw; i++) {
            map[i] = Math.min(w - 1, (int) ((i + 0.5) * w / vw));
        }
        for (int y = 0; y < h; y++) {
            int r = y * w;
            for (int i = 0; i < vw; i++) {
                out[r + left + i] = src[r + map[i]];
            }
        }
    }
}
