package org.reelflow.media.music;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes and plays one track of a {@link MoodStyle}: the progression repeats in cycles until the track is at least
 * {@link #MIN_LENGTH_SEC} long; the first cycle is an intro (no drums), the middle one a breakdown, the rest full.
 * All choices come from the seed, so a seed always yields the same samples.
 */
final class Composer {

    static final int SAMPLE_RATE = 48_000;
    static final double MIN_LENGTH_SEC = 75;
    private static final double TAIL_SEC = 4;   // release and echo after the last bar, folded onto the start

    private final MoodStyle style;
    private final SplittableRandom random;
    private final Instruments main;
    private final Instruments lead;
    private final StereoBuffer mainBus;
    private final StereoBuffer leadBus;
    private final int loopFrames;
    private final int cycles;

    Composer(MoodStyle style, long seed) {
        this.style = style;
        this.random = new SplittableRandom(seed);
        this.cycles = cycles(style);
        this.loopFrames = loopFrames(style);
        int frames = loopFrames + (int) (TAIL_SEC * SAMPLE_RATE);
        this.mainBus = new StereoBuffer(SAMPLE_RATE, frames);
        this.leadBus = new StereoBuffer(SAMPLE_RATE, frames);
        this.main = new Instruments(mainBus, random.nextLong());
        this.lead = new Instruments(leadBus, random.nextLong());
    }

    /** Renders the whole loop, peak-normalised to −3 dBFS. */
    StereoBuffer render() {
        int arpPattern = random.nextInt(3);
        int chordIndex = 0;
        for (int cycle = 0; cycle < cycles; cycle++) {
            boolean intro = cycle == 0;
            boolean breakdown = cycles > 2 && cycle == cycles / 2;
            for (String numeral : style.progression()) {
                Chord chord = Chord.parse(numeral, style.tonic());
                double start = chordIndex * style.beatsPerChord() * style.beatSec();
                playChord(chord, start, arpPattern, intro, breakdown);
                if (!intro && !breakdown) {
                    playDrums(start);
                }
                chordIndex++;
            }
        }
        EchoDelay.apply(leadBus, style.beatSec() * 0.75, style.groove() == MoodStyle.Groove.NONE ? 0.5 : 0.3);
        for (int i = 0; i < mainBus.frames(); i++) {
            mainBus.left[i] += leadBus.left[i];
            mainBus.right[i] += leadBus.right[i];
        }
        StereoBuffer loop = mainBus.foldedLoop(loopFrames);
        loop.normalizePeak(0.7);
        return loop;
    }

    private void playChord(Chord chord, double start, int arpPattern, boolean intro, boolean breakdown) {
        double beat = style.beatSec();
        int length = frames(style.beatsPerChord() * beat);
        int at = frames(start);
        List<Integer> pad = chord.voiced(style.tonic() + 12);
        for (int n = 0; n < pad.size(); n++) {
            double pan = pad.size() == 1 ? 0 : -0.4 + 0.8 * n / (pad.size() - 1);
            main.pad(at, length, pad.get(n), 0.16, style.padCutoffHz(), pan);
        }
        if (!breakdown) {
            playBass(chord, at, length);
        }
        List<Integer> high = chord.voiced(style.tonic() + 24);
        int steps = style.beatsPerChord() * 2;
        switch (style.lead()) {
            case SAW_ARP, SQUARE_ARP -> {
                boolean sixteenths = style.bass() == MoodStyle.Bass.SIXTEENTHS;
                int count = sixteenths ? steps * 2 : steps;
                double step = beat / (sixteenths ? 4 : 2);
                for (int s = 0; s < count; s++) {
                    if (intro && s % 2 == 1) {
                        continue;   // a thinner line while the track establishes itself
                    }
                    int note = high.get(arpIndex(arpPattern, s, high.size())) + (s % 8 >= 4 ? 12 : 0);
                    lead.pluck(frames(start + s * step), Math.min(note, 86), 0.11 * humanize(),
                               style.lead() == MoodStyle.Lead.SQUARE_ARP, 2500, s % 2 == 0 ? -0.35 : 0.35);
                }
            }
            case STRINGS -> {
                List<Integer> low = chord.voiced(style.tonic());
                for (int s = 0; s < steps; s++) {
                    int note = s % 4 == 0 ? low.getFirst() : high.get(arpIndex(arpPattern, s, high.size())) - 12;
                    lead.string(frames(start + s * beat / 2), note, 0.35 * humanize(), s % 2 == 0 ? -0.2 : 0.2);
                }
            }
            case BELLS -> {
                for (int s = 0; s < steps; s += 2) {
                    if (random.nextDouble() < (intro ? 0.25 : 0.45)) {
                        int note = high.get(random.nextInt(high.size())) + 12;
                        lead.bell(frames(start + s * beat / 2), Math.min(note, 84), 0.12 * humanize(),
                                  random.nextDouble() - 0.5);
                    }
                }
            }
            case ELECTRIC_PIANO -> {
                List<Integer> mid = chord.voiced(style.tonic() + 12);
                for (double hit : new double[]{0, 1.5, style.beatsPerChord() - 1.5}) {
                    for (int note : mid) {
                        lead.electricPiano(frames(start + hit * beat), note, 0.09 * humanize(), 0);
                    }
                }
                if (!intro) {
                    int note = high.get(random.nextInt(high.size()));
                    lead.electricPiano(frames(start + 2.5 * beat), note, 0.1, 0.3);
                }
            }
        }
    }

    private void playBass(Chord chord, int at, int length) {
        int root = chord.voiced(style.tonic() - 12).getFirst();
        while (root > style.tonic() - 7) {
            root -= 12;
        }
        switch (style.bass()) {
            case SUSTAIN -> main.bass(at, length, root, 0.3);
            case SUB -> main.bass(at, length, root - 12 < 28 ? root : root - 12, 0.3);
            case EIGHTHS, SIXTEENTHS -> {
                int per = style.bass() == MoodStyle.Bass.EIGHTHS ? 2 : 4;
                int count = style.beatsPerChord() * per;
                int step = length / count;
                for (int s = 0; s < count; s++) {
                    main.bass(at + s * step, (int) (step * 0.8), root + (s % 8 == 6 ? 12 : 0), 0.26);
                }
            }
        }
    }

    private void playDrums(double start) {
        double beat = style.beatSec();
        for (int b = 0; b < style.beatsPerChord(); b++) {
            int at = frames(start + b * beat);
            int half = frames(beat / 2);
            switch (style.groove()) {
                case NONE -> { }
                case CINEMATIC -> {
                    if (b % 4 == 0 || b % 4 == 2) {
                        main.drum(at, 0.55, 110, 42, 0.35);
                    }
                    if (b % 4 == 3) {
                        main.drum(at, 0.3, 220, 120, 0.2);
                        main.drum(at + half, 0.3, 180, 95, 0.2);
                    }
                    main.noiseHit(at + half, 0.05, 5000, 9000, 0.04, 0.3);
                }
                case FOUR_ON_FLOOR -> {
                    main.drum(at, 0.6, 150, 48, 0.16);
                    if (b % 2 == 1) {
                        main.noiseHit(at, 0.22, 900, 6000, 0.07, 0);
                    }
                    main.noiseHit(at + half, 0.09, 7000, 10000, 0.03, 0.25);
                }
                case HIP_HOP -> {
                    if (b % 4 == 0) {
                        main.drum(at, 0.6, 120, 45, 0.2);
                    }
                    if (b % 4 == 2) {
                        main.drum(at + frames(beat * 0.5), 0.45, 120, 45, 0.2);
                    }
                    if (b % 2 == 1) {
                        main.noiseHit(at, 0.18, 1200, 5000, 0.09, 0);
                    }
                    main.noiseHit(at, 0.05, 6000, 9000, 0.03, -0.2);
                    main.noiseHit(at + frames(beat * 0.62), 0.04, 6000, 9000, 0.03, 0.2);   // swung off-beat
                }
                case HEARTBEAT -> {
                    if (b % 2 == 0) {
                        main.drum(at, 0.5, 80, 38, 0.25);
                        main.drum(at + frames(beat * 0.3), 0.35, 80, 38, 0.25);
                    }
                }
                case SOFT -> {
                    if (b % 2 == 0) {
                        main.drum(at, 0.35, 100, 50, 0.18);
                    }
                    main.noiseHit(at, 0.04, 4000, 8000, 0.05, 0.3);
                    main.noiseHit(at + half, 0.03, 4000, 8000, 0.05, 0.3);
                }
            }
        }
    }

    private int arpIndex(int pattern, int step, int size) {
        return switch (pattern) {
            case 0 -> step % size;                                    // up
            case 1 -> {                                               // up and down
                int period = Math.max(1, 2 * size - 2);
                int p = step % period;
                yield p < size ? p : period - p;
            }
            default -> (step * 2 + step / size) % size;               // leaping
        };
    }

    private double humanize() {
        return 0.85 + 0.3 * random.nextDouble();
    }

    private static int frames(double seconds) {
        return (int) Math.round(seconds * SAMPLE_RATE);
    }

    /** Whole progression cycles, as many as it takes to last {@link #MIN_LENGTH_SEC}. */
    private static int cycles(MoodStyle style) {
        return (int) Math.ceil(MIN_LENGTH_SEC / cycleSec(style));
    }

    private static double cycleSec(MoodStyle style) {
        return style.progression().size() * style.beatsPerChord() * style.beatSec();
    }

    private static int loopFrames(MoodStyle style) {
        return (int) Math.round(cycles(style) * cycleSec(style) * SAMPLE_RATE);
    }

    static double lengthSec(MoodStyle style) {
        return loopFrames(style) / (double) SAMPLE_RATE;
    }
}
