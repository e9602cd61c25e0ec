package org.reelflow.media.render;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TransitionTest {

    private static YuvFrame flat(int luma) {
        YuvFrame f = new YuvFrame(8, 4);
        Arrays.fill(f.y, (byte) luma);
        Arrays.fill(f.u, (byte) 128);
        Arrays.fill(f.v, (byte) 128);
        return f;
    }

    private final YuvFrame from = flat(40);
    private final YuvFrame to = flat(200);
    private final YuvFrame out = new YuvFrame(8, 4);

    @Test
    void crossfadeMidpointIsTheAverage() {
        Transition.CROSSFADE.apply(from, to, 0.5, out);
        assertThat(out.y[5] & 255, is(120));
    }

    @Test
    void slideLeftPushesTheNewSceneInFromTheRight() {
        Transition.SLIDE_LEFT.apply(from, to, 0.25, out);   // 2 of 8 columns
        assertThat(out.y[5] & 255, is(40));
        assertThat(out.y[6] & 255, is(200));
        Transition.SLIDE_RIGHT.apply(from, to, 0.25, out);
        assertThat(out.y[1] & 255, is(200));
        assertThat(out.y[2] & 255, is(40));
    }

    @Test
    void wipeRevealsFromTheLeft() {
        Transition.WIPE.apply(from, to, 0.5, out);
        assertThat(out.y[3] & 255, is(200));
        assertThat(out.y[4] & 255, is(40));
    }

    @Test
    void flipShowsTheOldSceneTurningAwayThenTheNewOne() {
        Transition.FLIP.apply(from, to, 0.25, out);   // cos(π/4) ≈ 0.71 of the width, centred, black around
        assertThat(out.y[0] & 255, is(16));
        assertThat(out.y[4] & 255, is(40));
        Transition.FLIP.apply(from, to, 0.75, out);
        assertThat(out.y[4] & 255, is(200));
    }

    @Test
    void opaqueSpriteReplacesAndTransparentKeeps() {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(4, 2, java.awt.image.BufferedImage.TYPE_INT_ARGB_PRE);
        img.setRGB(0, 0, 0xFFFFFFFF);
        img.setRGB(1, 0, 0xFFFFFFFF);
        img.setRGB(0, 1, 0xFFFFFFFF);
        img.setRGB(1, 1, 0xFFFFFFFF);
        YuvFrame f = flat(40);
        Sprite.of(img, 2, 0).blendOnto(f);
        assertThat("white sprite pixel", f.y[2] & 255, is(235));
        assertThat("transparent sprite pixel", f.y[4] & 255, is(40));
        assertThat("outside the sprite", f.y[0] & 255, is(40));
    }
}
