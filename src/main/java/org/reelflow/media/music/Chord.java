package org.reelflow.media.music;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A chord from a Roman numeral ("bVImaj7", "ii7", "V") in a key, as MIDI notes. */
record Chord(int root, int[] intervals) {

    private static final Map<String, Integer> DEGREES = Map.of("I", 0, "II", 2, "III", 4, "IV", 5, "V", 7,
                                                                "VI", 9, "VII", 11);

    static Chord parse(String numeral, int tonic) {
        String s = numeral;
        int shift = 0;
        if (s.startsWith("b")) {
            shift = -1;
            s = s.substring(1);
        }
        String suffix = s.replaceFirst("^[ivIV]+", "");
        String roman = s.substring(0, s.length() - suffix.length());
        boolean minor = roman.equals(roman.toLowerCase());
        Integer degree = DEGREES.get(roman.toUpperCase());
        if (degree == null) {
            throw new IllegalArgumentException("not a Roman numeral chord: " + numeral);
        }
        int[] intervals = switch (suffix) {
            case "" -> minor ? new int[]{0, 3, 7} : new int[]{0, 4, 7};
            case "7" -> minor ? new int[]{0, 3, 7, 10} : new int[]{0, 4, 7, 10};
            case "maj7" -> new int[]{0, 4, 7, 11};
            default -> throw new IllegalArgumentException("unknown chord quality in " + numeral);
        };
        return new Chord(tonic + degree + shift, intervals);
    }

    /** Chord tones voiced around {@code center} (MIDI), close together so the progression moves smoothly. */
    List<Integer> voiced(int center) {
        List<Integer> notes = new ArrayList<>();
        for (int interval : intervals) {
            int note = root + interval;
            while (note < center - 6) {
                note += 12;
            }
            while (note > center + 6) {
                note -= 12;
            }
            notes.add(note);
        }
        notes.sort(null);
        return notes;
    }
}
