package org.reelflow.media.music;

import java.util.List;

/**
 * How one track of a mood is played: tempo, key, chord progression (Roman numerals relative to a major scale, so a
 * minor i–bVI–bIII–bVII reads as written) and which instruments take part.
 */
record MoodStyle(Mood mood, int variant, int bpm, int tonic, List<String> progression, int beatsPerChord,
                 Lead lead, Bass bass, Groove groove, double padCutoffHz) {

    enum Lead { SAW_ARP, SQUARE_ARP, STRINGS, BELLS, ELECTRIC_PIANO }

    enum Bass { SUSTAIN, EIGHTHS, SIXTEENTHS, SUB }

    enum Groove { NONE, CINEMATIC, FOUR_ON_FLOOR, HIP_HOP, HEARTBEAT, SOFT }

    /** Two styles per mood, deliberately different in key, tempo and harmony so a repeat pick sounds new. */
    static final List<MoodStyle> ALL = List.of(
            new MoodStyle(Mood.EPIC_CINEMATIC, 1, 88, 50, List.of("i", "bVI", "bIII", "bVII"), 4,
                          Lead.SAW_ARP, Bass.SUSTAIN, Groove.CINEMATIC, 2400),
            new MoodStyle(Mood.EPIC_CINEMATIC, 2, 96, 45, List.of("i", "bVII", "bVI", "V"), 4,
                          Lead.BELLS, Bass.EIGHTHS, Groove.CINEMATIC, 2800),
            new MoodStyle(Mood.TENSE_ELECTRONIC, 1, 124, 52, List.of("i", "i", "bVI", "bVII"), 4,
                          Lead.SQUARE_ARP, Bass.SIXTEENTHS, Groove.FOUR_ON_FLOOR, 1500),
            new MoodStyle(Mood.TENSE_ELECTRONIC, 2, 118, 54, List.of("i", "bII", "i", "bVII"), 4,
                          Lead.SAW_ARP, Bass.SIXTEENTHS, Groove.FOUR_ON_FLOOR, 1200),
            new MoodStyle(Mood.CHILL_LOFI, 1, 78, 53, List.of("IVmaj7", "iii7", "ii7", "Imaj7"), 4,
                          Lead.ELECTRIC_PIANO, Bass.SUSTAIN, Groove.HIP_HOP, 900),
            new MoodStyle(Mood.CHILL_LOFI, 2, 84, 50, List.of("ii7", "V7", "Imaj7", "vi7"), 4,
                          Lead.ELECTRIC_PIANO, Bass.SUSTAIN, Groove.HIP_HOP, 800),
            new MoodStyle(Mood.UPLIFTING_POP, 1, 118, 48, List.of("I", "V", "vi", "IV"), 4,
                          Lead.SAW_ARP, Bass.EIGHTHS, Groove.FOUR_ON_FLOOR, 3200),
            new MoodStyle(Mood.UPLIFTING_POP, 2, 112, 55, List.of("vi", "IV", "I", "V"), 4,
                          Lead.SQUARE_ARP, Bass.EIGHTHS, Groove.FOUR_ON_FLOOR, 3000),
            new MoodStyle(Mood.MYSTERIOUS_AMBIENT, 1, 64, 57, List.of("i", "iv", "bVImaj7", "v"), 8,
                          Lead.BELLS, Bass.SUB, Groove.NONE, 1100),
            new MoodStyle(Mood.MYSTERIOUS_AMBIENT, 2, 60, 52, List.of("i", "bII", "iv", "bII"), 8,
                          Lead.BELLS, Bass.SUB, Groove.NONE, 900),
            new MoodStyle(Mood.WARM_ACOUSTIC, 1, 96, 55, List.of("I", "IV", "vi", "V"), 4,
                          Lead.STRINGS, Bass.SUSTAIN, Groove.SOFT, 1400),
            new MoodStyle(Mood.WARM_ACOUSTIC, 2, 90, 50, List.of("I", "iii", "IV", "V"), 4,
                          Lead.STRINGS, Bass.SUSTAIN, Groove.SOFT, 1300),
            new MoodStyle(Mood.DARK_CINEMATIC, 1, 70, 48, List.of("i", "bVI", "iv", "V"), 8,
                          Lead.BELLS, Bass.SUB, Groove.HEARTBEAT, 700),
            new MoodStyle(Mood.DARK_CINEMATIC, 2, 66, 46, List.of("i", "bII", "bVI", "v"), 8,
                          Lead.SAW_ARP, Bass.SUB, Groove.HEARTBEAT, 600),
            new MoodStyle(Mood.DREAMY_ETHEREAL, 1, 72, 52, List.of("Imaj7", "vi7", "IVmaj7", "V"), 8,
                          Lead.BELLS, Bass.SUB, Groove.NONE, 1800),
            new MoodStyle(Mood.DREAMY_ETHEREAL, 2, 76, 55, List.of("IVmaj7", "Imaj7", "vi7", "iii7"), 8,
                          Lead.ELECTRIC_PIANO, Bass.SUB, Groove.NONE, 2000));

    /** e.g. "chill-lofi-02". */
    String trackId() {
        return "%s-%02d".formatted(mood.slug(), variant);
    }

    double beatSec() {
        return 60.0 / bpm;
    }
}
