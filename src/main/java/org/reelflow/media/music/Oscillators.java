package org.reelflow.media.music;

/**
 * Band-limited waveforms. Saw and square use PolyBLEP: the step at each wrap is smoothed over one sample on either
 * side, which removes most of the aliasing a naive ramp folds back below Nyquist. Sine comes from a table built
 * with StrictMath, so every JVM renders the same bytes.
 */
final class Oscillators {

    private static final int TABLE_BITS = 12;
    private static final int TABLE_SIZE = 1 << TABLE_BITS;
    private static final double[] SINE = new double[TABLE_SIZE + 1];

    static {
        for (int i = 0; i <= TABLE_SIZE; i++) {
            SINE[i] = StrictMath.sin(2 * Math.PI * i / TABLE_SIZE);
        }
    }

    private Oscillators() {
    }

    /** sin(2π·phase) for phase in [0, 1). */
    static double sine(double phase) {
        double x = phase * TABLE_SIZE;
        int i = (int) x;
        double frac = x - i;
        i &= TABLE_SIZE - 1;
        return SINE[i] + (SINE[i + 1] - SINE[i]) * frac;
    }

    /** Rising saw in [-1, 1]; {@code dt} is the phase increment per sample (frequency / sample rate). */
    static double saw(double phase, double dt) {
        return 2 * phase - 1 - polyBlep(phase, dt);
    }

    static double square(double phase, double dt) {
        double naive = phase < 0.5 ? 1 : -1;
        double shifted = phase + 0.5;
        if (shifted >= 1) {
            shifted -= 1;
        }
        return naive + polyBlep(phase, dt) - polyBlep(shifted, dt);
    }

    /** The naive ramp, kept only so tests can show what PolyBLEP removes. */
    static double naiveSaw(double phase) {
        return 2 * phase - 1;
    }

    private static double polyBlep(double t, double dt) {
        if (t < dt) {
            t /= dt;
            return t + t - t * t - 1;
        }
        if (t > 1 - dt) {
            t = (t - 1) / dt;
            return t * t + t + t + 1;
        }
        return 0;
    }

    static double midiToHz(double note) {
        return 440 * StrictMath.pow(2, (note - 69) / 12);
    }
}
