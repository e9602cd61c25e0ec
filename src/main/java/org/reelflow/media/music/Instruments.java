package org.reelflow.media.music;

import java.util.SplittableRandom;

/**
 * The voices a track is built from. Each renders one note into a {@link StereoBuffer}. Everything is band-limited:
 * PolyBLEP or sine sources, and noise only through low-pass filters well under 16 kHz.
 */
final class Instruments {

    private final StereoBuffer out;
    private final double rate;
    private final SplittableRandom random;

    Instruments(StereoBuffer out, long seed) {
        this.out = out;
        this.rate = out.sampleRate;
        this.random = new SplittableRandom(seed);
    }

    /** Warm chord pad: two detuned PolyBLEP saws per note through a low-pass, slow attack and release. */
    void pad(int start, int length, double midi, double level, double cutoffHz, double pan) {
        int attack = (int) (0.9 * rate);
        int release = (int) (1.4 * rate);
        double f = Oscillators.midiToHz(midi);
        double dtA = f * StrictMath.pow(2, 7 / 1200.0) / rate;
        double dtB = f * StrictMath.pow(2, -7 / 1200.0) / rate;
        double pa = random.nextDouble();
        double pb = random.nextDouble();
        Filter filter = new Filter(rate, cutoffHz, 0.7);
        for (int i = 0; i < length + release; i++) {
            double env = Math.min(1, i / (double) attack) * (i < length ? 1 : 1 - (i - length) / (double) release);
            double x = Oscillators.saw(pa, dtA) + Oscillators.saw(pb, dtB);
            pa = wrap(pa + dtA);
            pb = wrap(pb + dtB);
            if (i % 64 == 0) {   // a slow sweep; recomputing the coefficients every sample buys nothing
                double sweep = (start + i) / (rate * 8);
                filter.setCutoff(cutoffHz * (0.85 + 0.15 * Oscillators.sine(sweep - Math.floor(sweep))));
            }
            out.add(start + i, filter.low(x) * env * level * 0.5, pan);
        }
    }

    /** Synth pluck for arpeggios: saw or square with a fast amplitude and filter decay. */
    void pluck(int start, double midi, double level, boolean square, double brightness, double pan) {
        int length = (int) (0.45 * rate);
        double dt = Oscillators.midiToHz(midi) / rate;
        double phase = 0;
        double amp = 1;
        double ampDecay = decayPerSample(0.16);
        double cut = brightness;
        double cutDecay = decayPerSample(0.08);
        Filter filter = new Filter(rate, cut, 1.2);
        for (int i = 0; i < length; i++) {
            double x = square ? Oscillators.square(phase, dt) : Oscillators.saw(phase, dt);
            phase = wrap(phase + dt);
            if (i % 32 == 0) {
                filter.setCutoff(300 + cut);
            }
            out.add(start + i, filter.low(x) * amp * level * attackRamp(i), pan);
            amp *= ampDecay;
            cut *= cutDecay;
        }
    }

    /** Plucked string (Karplus-Strong) excited by low-passed noise, for the acoustic mood. */
    void string(int start, double midi, double level, double pan) {
        int period = (int) Math.round(rate / Oscillators.midiToHz(midi));
        double[] line = new double[period];
        Filter excite = new Filter(rate, 4000, 0.7);
        for (int i = 0; i < period; i++) {
            line[i] = excite.low(random.nextDouble() * 2 - 1);
        }
        int length = (int) (2.5 * rate);
        double previous = 0;
        for (int i = 0; i < length; i++) {
            int k = i % period;
            double y = line[k];
            line[k] = 0.4985 * (y + previous);   // averaging is the string's damping; < 0.5 makes it decay
            previous = y;
            out.add(start + i, y * level * attackRamp(i), pan);
        }
    }

    /** FM bell: inharmonic ratio, index falling with the amplitude, so it starts bright and ends pure. */
    void bell(int start, double midi, double level, double pan) {
        fm(start, midi, level, pan, 3.5, 1.8, 1.6);
    }

    /** Soft electric piano: FM with a 1:1 ratio and a low index. */
    void electricPiano(int start, double midi, double level, double pan) {
        fm(start, midi, level, pan, 1.0, 0.9, 1.1);
    }

    private void fm(int start, double midi, double level, double pan, double ratio, double index, double decaySec) {
        int length = (int) (decaySec * 3 * rate);
        double f = Oscillators.midiToHz(midi);
        double pc = 0;
        double pm = 0;
        double amp = 1;
        double decay = decayPerSample(decaySec);
        for (int i = 0; i < length; i++) {
            double mod = Oscillators.sine(pm) * index * amp / (2 * Math.PI);   // index in radians, phase in cycles
            double p = pc + mod;
            double y = Oscillators.sine(p - Math.floor(p));
            pc = wrap(pc + f / rate);
            pm = wrap(pm + f * ratio / rate);
            out.add(start + i, y * amp * level * attackRamp(i), pan);
            amp *= decay;
        }
    }

    /** Bass note: sine plus a low-passed saw for definition on small speakers. */
    void bass(int start, int length, double midi, double level) {
        double dt = Oscillators.midiToHz(midi) / rate;
        double phase = 0;
        int release = (int) (0.08 * rate);
        Filter filter = new Filter(rate, 500, 0.8);
        for (int i = 0; i < length + release; i++) {
            double env = Math.min(1, i / (0.01 * rate)) * (i < length ? 1 : 1 - (i - length) / (double) release);
            double x = Oscillators.sine(phase) + 0.35 * filter.low(Oscillators.saw(phase, dt));
            phase = wrap(phase + dt);
            out.add(start + i, x * env * level, 0);
        }
    }

    /** Kick (high = false) or tom (high = true): a sine falling in pitch. */
    void drum(int start, double level, double fromHz, double toHz, double decaySec) {
        int length = (int) (decaySec * 4 * rate);
        double phase = 0;
        double amp = 1;
        double decay = decayPerSample(decaySec);
        double f = fromHz;
        double sweep = decayPerSample(0.04);
        for (int i = 0; i < length; i++) {
            out.add(start + i, Oscillators.sine(phase) * amp * level * attackRamp(i), 0);
            phase = wrap(phase + f / rate);
            f = toHz + (f - toHz) * sweep;
            amp *= decay;
        }
    }

    /** Snare, clap, hat or shaker: filtered noise with an exponential decay. */
    void noiseHit(int start, double level, double lowCut, double highCut, double decaySec, double pan) {
        int length = (int) (decaySec * 5 * rate);
        Filter hp = new Filter(rate, lowCut, 0.7);
        Filter lp1 = new Filter(rate, highCut, 0.7);
        Filter lp2 = new Filter(rate, highCut, 0.7);
        double amp = 1;
        double decay = decayPerSample(decaySec);
        for (int i = 0; i < length; i++) {
            double n = lp2.low(lp1.low(hp.high(random.nextDouble() * 2 - 1)));
            out.add(start + i, n * amp * level * attackRamp(i), pan);
            amp *= decay;
        }
    }

    double nextDouble() {
        return random.nextDouble();
    }

    /** 2 ms fade-in so no note starts with a click (a click is broadband). */
    private double attackRamp(int i) {
        return Math.min(1, i / (0.002 * rate));
    }

    private double decayPerSample(double timeConstantSec) {
        return StrictMath.exp(-1 / (timeConstantSec * rate));
    }

    private static double wrap(double phase) {
        return phase >= 1 ? phase - 1 : phase;
    }
}
