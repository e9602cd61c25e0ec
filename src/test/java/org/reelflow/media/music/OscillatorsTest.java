package org.reelflow.media.music;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.lessThan;

import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

class OscillatorsTest {

    private static final int RATE = 48_000;
    /** Just above the highest note a track plays (MIDI 86, 1175 Hz); not a divisor of the rate, so aliases fall
     *  between harmonics where they can be measured. */
    private static final double F = 1_210;

    /**
     * PolyBLEP's residue sits mostly near Nyquist, where the filters after the oscillators remove it; below 10 kHz
     * it must be far under a naive saw's.
     */
    @Test
    void polyBlepSawFoldsFarLessEnergyBackBelowNyquistThanANaiveSaw() {
        DoubleBinaryOperator naive = (phase, dt) -> Oscillators.naiveSaw(phase);
        String report = "alias energy (all / below 10 kHz): naive %.1f / %.1f dB, PolyBLEP %.1f / %.1f dB".formatted(
                aliasDb(naive, 24_000), aliasDb(naive, 10_000), aliasDb(Oscillators::saw, 24_000),
                aliasDb(Oscillators::saw, 10_000));
        System.out.println(report);
        assertThat(report, aliasDb(Oscillators::saw, 24_000) - aliasDb(naive, 24_000), lessThan(-15.0));
        assertThat(report, aliasDb(Oscillators::saw, 10_000), lessThan(-45.0));
        assertThat(report, aliasDb(Oscillators::saw, 10_000) - aliasDb(naive, 10_000), lessThan(-20.0));
    }

    @Test
    void polyBlepSquareIsBandLimitedToo() {
        double blep = aliasDb(Oscillators::square, 10_000);
        assertThat("square alias energy below 10 kHz %.1f dB".formatted(blep), blep, lessThan(-45.0));
    }

    /** Energy below {@code upToHz} more than 30 Hz from every harmonic of F, relative to all energy, in dB. */
    private static double aliasDb(DoubleBinaryOperator wave, double upToHz) {
        int n = 1 << 15;
        double[] x = new double[n];
        double dt = F / RATE;
        double phase = 0;
        for (int i = 0; i < n; i++) {
            x[i] = wave.applyAsDouble(phase, dt);
            phase += dt;
            if (phase >= 1) {
                phase -= 1;
            }
        }
        double[] power = Spectrum.power(x, 0, n);
        double binHz = (double) RATE / n;
        double total = 0;
        double alias = 0;
        for (int k = 1; k < power.length; k++) {
            double hz = k * binHz;
            double nearestHarmonic = Math.round(hz / F) * F;
            total += power[k];
            if (Math.abs(hz - nearestHarmonic) > 30 && hz < upToHz) {
                alias += power[k];
            }
        }
        return 10 * Math.log10(alias / total);
    }
}
