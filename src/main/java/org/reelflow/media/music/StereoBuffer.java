package org.reelflow.media.music;

/** A stereo mix bus that notes are added into, with a tail region folded back to the start to make a loop. */
final class StereoBuffer {

    final int sampleRate;
    final float[] left;
    final float[] right;

    StereoBuffer(int sampleRate, int frames) {
        this.sampleRate = sampleRate;
        this.left = new float[frames];
        this.right = new float[frames];
    }

    int frames() {
        return left.length;
    }

    /** Adds a mono sample at {@code frame}, placed by {@code pan} in [-1, 1] with constant power. */
    void add(int frame, double value, double pan) {
        if (frame < 0 || frame >= left.length) {
            return;
        }
        double angle = (pan + 1) * Math.PI / 4;
        left[frame] += (float) (value * Oscillators.sine(0.25 - angle / (2 * Math.PI)));
        right[frame] += (float) (value * Oscillators.sine(angle / (2 * Math.PI)));
    }

    void addStereo(int frame, double l, double r) {
        if (frame >= 0 && frame < left.length) {
            left[frame] += (float) l;
            right[frame] += (float) r;
        }
    }

    /**
     * Folds everything after {@code loopFrames} (release and echo tails of the last bars) onto the start and
     * returns a buffer of exactly {@code loopFrames}: played in a loop, the seam then sounds like any other bar line.
     */
    StereoBuffer foldedLoop(int loopFrames) {
        StereoBuffer out = new StereoBuffer(sampleRate, loopFrames);
        for (int i = 0; i < frames(); i++) {
            int j = i % loopFrames;
            out.left[j] += left[i];
            out.right[j] += right[i];
        }
        return out;
    }

    /** Scales to the given peak (e.g. 0.5 for −6 dBFS) so every track leaves the mixer the same headroom. */
    void normalizePeak(double peak) {
        double max = 1e-9;
        for (int i = 0; i < frames(); i++) {
            max = Math.max(max, Math.max(Math.abs(left[i]), Math.abs(right[i])));
        }
        float gain = (float) (peak / max);
        for (int i = 0; i < frames(); i++) {
            left[i] *= gain;
            right[i] *= gain;
        }
    }
}
