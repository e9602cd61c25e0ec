package org.reelflow.media.music;

/** Zero-delay-feedback state-variable filter (Simper/Cytomic), stable at any cutoff below Nyquist. */
final class Filter {

    private final double sampleRate;
    private double k;
    private double a1;
    private double a2;
    private double a3;
    private double ic1;
    private double ic2;
    private double cutoff = -1;
    private double lastLow;
    private double lastBand;

    Filter(double sampleRate, double cutoffHz, double q) {
        this.sampleRate = sampleRate;
        this.k = 1 / q;
        setCutoff(cutoffHz);
    }

    void setCutoff(double hz) {
        double clamped = Math.min(Math.max(hz, 20), sampleRate * 0.45);
        if (clamped == cutoff) {
            return;
        }
        cutoff = clamped;
        double g = StrictMath.tan(Math.PI * clamped / sampleRate);
        a1 = 1 / (1 + g * (g + k));
        a2 = g * a1;
        a3 = g * a2;
    }

    /** Low-pass output. */
    double low(double x) {
        tick(x);
        return lastLow;
    }

    double band(double x) {
        tick(x);
        return lastBand;
    }

    double high(double x) {
        tick(x);
        return x - k * lastBand - lastLow;
    }

    private void tick(double x) {
        double v3 = x - ic2;
        double v1 = a1 * ic1 + a2 * v3;
        double v2 = ic2 + a2 * ic1 + a3 * v3;
        ic1 = 2 * v1 - ic1;
        ic2 = 2 * v2 - ic2;
        lastLow = v2;
        lastBand = v1;
    }
}
