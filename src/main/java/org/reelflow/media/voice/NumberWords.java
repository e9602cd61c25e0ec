package org.reelflow.media.voice;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Spells numbers the way a narrator reads them: cardinals, ordinals, years, decades and digit strings. */
final class NumberWords {

    private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
            "ninety"};
    private static final String[] SCALES = {"", "thousand", "million", "billion", "trillion", "quadrillion"};

    private NumberWords() {
    }

    /** "1204" → one thousand two hundred four (no "and": it is what Festival and most US narrators say). */
    static List<String> cardinal(long n) {
        List<String> out = new ArrayList<>();
        if (n < 0) {
            out.add("minus");
            n = -n;
        }
        if (n == 0) {
            out.add("zero");
            return out;
        }
        List<List<String>> groups = new ArrayList<>();
        for (int scale = 0; n > 0; scale++, n /= 1000) {
            int group = (int) (n % 1000);
            if (group != 0) {
                List<String> words = underThousand(group);
                if (scale > 0) {
                    words.add(SCALES[scale]);
                }
                groups.addFirst(words);
            }
        }
        groups.forEach(out::addAll);
        return out;
    }

    /** "1999" → nineteen ninety nine, "2005" → two thousand five, "1900" → nineteen hundred. */
    static List<String> year(int year) {
        int high = year / 100;
        int low = year % 100;
        if (year < 1000 || (year >= 2000 && year < 2010) || high % 10 == 0 && low == 0) {
            return cardinal(year);
        }
        List<String> out = underThousand(high);
        if (low == 0) {
            out.add("hundred");
        } else if (low < 10) {
            out.add("oh");
            out.add(ONES[low]);
        } else {
            out.addAll(underThousand(low));
        }
        return out;
    }

    /** "21" → twenty first. */
    static List<String> ordinal(long n) {
        List<String> words = cardinal(n);
        String last = words.getLast();
        words.set(words.size() - 1, switch (last) {
            case "one" -> "first";
            case "two" -> "second";
            case "three" -> "third";
            case "five" -> "fifth";
            case "eight" -> "eighth";
            case "nine" -> "ninth";
            case "twelve" -> "twelfth";
            default -> last.endsWith("y") ? last.substring(0, last.length() - 1) + "ieth" : last + "th";
        });
        return words;
    }

    /** "1990" → nineteen nineties, "1900" → nineteen hundreds. */
    static List<String> decade(int year) {
        List<String> words = year(year);
        String last = words.getLast();
        words.set(words.size() - 1, last.endsWith("y") ? last.substring(0, last.length() - 1) + "ies" : last + "s");
        return words;
    }

    /** Each digit on its own, as after a decimal point: "05" → zero five. */
    static List<String> digits(String digits) {
        List<String> out = new ArrayList<>();
        for (char c : digits.toCharArray()) {
            out.add(ONES[c - '0']);
        }
        return out;
    }

    private static List<String> underThousand(int n) {
        List<String> out = new ArrayList<>();
        if (n >= 100) {
            out.add(ONES[n / 100]);
            out.add("hundred");
            n %= 100;
        }
        if (n >= 20) {
            out.add(TENS[n / 10]);
            if (n % 10 != 0) {
                out.add(ONES[n % 10]);
            }
        } else if (n > 0) {
            out.add(ONES[n]);
        }
        return out;
    }

    static List<String> words(String... words) {
        return new ArrayList<>(Arrays.asList(words));
    }
}
