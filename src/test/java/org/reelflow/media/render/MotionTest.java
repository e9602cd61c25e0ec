package org.reelflow.media.render;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

class MotionTest {

    @Test
    void zoomsAndPansFollowTheReferenceFormulas() {
        assertThat(Motion.ZOOM_IN.at(0.5, 1.2).scale(), closeTo(1.09, 1e-9));        // 1 + 0.15 × 1.2 × 0.5
        assertThat(Motion.ZOOM_OUT.at(0.0, 1.2).scale(), closeTo(1.18, 1e-9));
        assertThat(Motion.ZOOM_OUT.at(1.0, 1.2).scale(), closeTo(1.0, 1e-9));
        assertThat(Motion.PAN_LEFT.at(1.0, 1.5).shiftX(), closeTo(-75, 1e-9));       // −50 × 1.5
        assertThat(Motion.PAN_RIGHT.at(0.5, 1.0).shiftX(), closeTo(25, 1e-9));
        assertThat(Motion.PAN_RIGHT.at(0.5, 1.0).scale(), closeTo(1.15, 1e-9));
        assertThat(Motion.STATIC.at(0.7, 2).scale(), is(1.0));
        assertThat(Motion.parse("unknown"), is(Motion.STATIC));
        assertThat(Motion.ZOOM_IN.maxScale(1.2), closeTo(1.18, 1e-9));
    }

    @Test
    void resamplerCopiesAtUnitStepAndInterpolatesHalfwayShifts() {
        byte[] src = {10, 20, 30, 40, 10, 20, 30, 40};
        byte[] dst = new byte[8];
        Resampler.resample(src, 4, 2, dst, 4, 2, 1.0, 0, 0);
        assertThat(dst[1], is((byte) 20));
        assertThat(dst[7], is((byte) 40));
        Resampler.resample(src, 4, 2, dst, 4, 2, 1.0, 0.5, 0);
        assertThat(dst[0], is((byte) 15));
        assertThat(dst[2], is((byte) 35));
        assertThat("the edge repeats", dst[3], is((byte) 40));
    }
}
