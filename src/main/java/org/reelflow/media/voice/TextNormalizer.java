package org.reelflow.media.voice;

import static org.reelflow.media.voice.NumberWords.words;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a script into words a speech engine cannot misread (numbers, currency, symbols, abbreviations, acronyms,
 * hyphenated words) while keeping one entry per whitespace-separated script word, so captions keep the script's
 * spelling. Doing this ourselves, rather than trusting each engine's own rules, gives Festival and the aligner the
 * exact same word sequence.
 */
public final class TextNormalizer {

    private static final String LEADING = "\"'([{“‘«¿¡*_";
    private static final String TRAILING = "\"')]}.,!?;:…”’»*_";
    private static final Set<String> DASHES = Set.of("-", "--", "–", "—", "―");
    private static final Set<String> SCALE_WORDS = Set.of("thousand", "million", "billion", "trillion");

    /** Abbreviations as written with their dot; the dot is part of the spelling, not the end of a sentence. */
    private static final Map<String, List<String>> DOTTED = Map.ofEntries(
            Map.entry("dr.", words("doctor")), Map.entry("mr.", words("mister")), Map.entry("mrs.", words("missus")),
            Map.entry("ms.", words("miz")), Map.entry("st.", words("saint")), Map.entry("vs.", words("versus")),
            Map.entry("etc.", words("et", "cetera")), Map.entry("e.g.", words("for", "example")),
            Map.entry("i.e.", words("that", "is")), Map.entry("approx.", words("approximately")),
            Map.entry("jr.", words("junior")), Map.entry("sr.", words("senior")),
            Map.entry("prof.", words("professor")), Map.entry("inc.", words("incorporated")),
            Map.entry("ltd.", words("limited")), Map.entry("mt.", words("mount")), Map.entry("no.", words("number")),
            Map.entry("ft.", words("feet")), Map.entry("min.", words("minutes")), Map.entry("sec.", words("seconds")));

    private static final Map<String, List<String>> PLAIN = Map.ofEntries(
            Map.entry("&", words("and")), Map.entry("+", words("plus")), Map.entry("=", words("equals")),
            Map.entry("@", words("at")), Map.entry("%", words("percent")), Map.entry("#", words("number")),
            Map.entry("vs", words("versus")), Map.entry("ok", words("okay")), Map.entry("km", words("kilometers")),
            Map.entry("kg", words("kilograms")), Map.entry("mph", words("miles", "per", "hour")),
            Map.entry("w/", words("with")), Map.entry("x", words("x")));

    private static final Map<Character, String[]> CURRENCY = Map.of(
            '$', new String[]{"dollar", "dollars", "cent", "cents"}, '€', new String[]{"euro", "euros", "cent", "cents"},
            '£', new String[]{"pound", "pounds", "penny", "pence"}, '¥', new String[]{"yen", "yen", "sen", "sen"});

    private static final String NUMBER = "-?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?";
    private static final Pattern NUMBER_ONLY = Pattern.compile(NUMBER);
    private static final Pattern MONEY = Pattern.compile("([$€£¥])(" + NUMBER + ")([kKmMbB]|bn)?");
    private static final Pattern PERCENT = Pattern.compile("(" + NUMBER + ")%");
    private static final Pattern ORDINAL = Pattern.compile("(\\d+)(?i:st|nd|rd|th)");
    private static final Pattern DECADE = Pattern.compile("(\\d{3}0)s|'(\\d0)s");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Pattern SCALED = Pattern.compile("(\\d+(?:\\.\\d+)?)([kKmMbB]|bn)");
    private static final Pattern HASH_NUMBER = Pattern.compile("#(\\d+)");
    private static final Pattern INITIALISM = Pattern.compile("(?:\\p{L}\\.){2,}");
    private static final Pattern SPLIT = Pattern.compile("[-–—―/]");
    private static final Pattern PIECES = Pattern.compile("\\d+|\\p{L}[\\p{L}']*|[&+=@%#]");

    public NormalizedScript normalize(String script) {
        String[] raw = script.isBlank() ? new String[0] : script.strip().split("\\s+");
        List<SpokenWord> out = new ArrayList<>(raw.length);
        String carriedCurrency = null;   // "$2.5 million": "dollars" is said after the scale word
        for (int i = 0; i < raw.length; i++) {
            String token = raw[i];
            if (DASHES.contains(token)) {
                out.add(new SpokenWord(token, List.of(), ","));
                continue;
            }
            String clean = plainChars(token);
            int lead = clean.length() - stripLeading(clean).length();
            String core = strip(clean);
            String pause = pauseOf(clean.substring(lead + core.length()));
            String dotted = stripTrailing(clean.substring(lead), TRAILING.replace(".", "")).toLowerCase(Locale.ROOT);
            List<String> spoken;
            Matcher money = MONEY.matcher(core);
            String next = i + 1 < raw.length ? strip(plainChars(raw[i + 1])).toLowerCase(Locale.ROOT) : "";
            if (DOTTED.containsKey(dotted)) {
                spoken = DOTTED.get(dotted);
                pause = pauseOf(clean.substring(lead + dotted.length()));
            } else if (INITIALISM.matcher(dotted).matches()) {
                spoken = letters(dotted.replace(".", "").toUpperCase(Locale.ROOT));
                pause = pauseOf(clean.substring(lead + dotted.length()));
            } else if (money.matches() && money.group(3) == null && !hasCents(money.group(2))
                       && SCALE_WORDS.contains(next)) {
                spoken = numberWords(money.group(2), false);
                carriedCurrency = CURRENCY.get(money.group(1).charAt(0))[1];
            } else {
                spoken = new ArrayList<>(expand(core));
                if (carriedCurrency != null) {
                    spoken.add(carriedCurrency);
                    carriedCurrency = null;
                }
            }
            out.add(new SpokenWord(token, spoken, pause));
        }
        return new NormalizedScript(out);
    }

    private List<String> expand(String core) {
        if (core.isEmpty()) {
            return List.of();
        }
        List<String> fixed = PLAIN.get(core.toLowerCase(Locale.ROOT));
        if (fixed != null) {
            return fixed;
        }
        Matcher m;
        if ((m = MONEY.matcher(core)).matches()) {
            return money(CURRENCY.get(m.group(1).charAt(0)), m.group(2), m.group(3));
        }
        if ((m = PERCENT.matcher(core)).matches()) {
            return concat(numberWords(m.group(1), false), words("percent"));
        }
        if ((m = ORDINAL.matcher(core)).matches()) {
            return NumberWords.ordinal(Long.parseLong(m.group(1)));
        }
        if ((m = DECADE.matcher(core)).matches()) {
            return NumberWords.decade(m.group(1) != null ? Integer.parseInt(m.group(1))
                                                         : 1900 + Integer.parseInt(m.group(2)));
        }
        if ((m = CLOCK.matcher(core)).matches()) {
            return clock(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if (NUMBER_ONLY.matcher(core).matches()) {
            return numberWords(core, true);
        }
        if ((m = SCALED.matcher(core)).matches()) {
            return concat(numberWords(m.group(1), false), words(scaleWord(m.group(2))));
        }
        if ((m = HASH_NUMBER.matcher(core)).matches()) {
            return concat(words("number"), numberWords(m.group(1), false));
        }
        if (SPLIT.matcher(core).find()) {
            return joined(core);
        }
        if (core.matches("\\p{L}[\\p{L}']*")) {
            return word(core);
        }
        // Anything else (MP3, H2O, C++, v2.0): say each run of letters, digits or symbols on its own.
        List<String> out = new ArrayList<>();
        PIECES.matcher(core).results().forEach(r -> out.addAll(expand(r.group())));
        return out;
    }

    /** "AI-powered" → AI powered, "2-3" → two to three, "1990–2000" → nineteen ninety to two thousand. */
    private List<String> joined(String core) {
        String[] parts = SPLIT.split(core);
        boolean range = parts.length == 2 && NUMBER_ONLY.matcher(parts[0]).matches()
                        && NUMBER_ONLY.matcher(parts[1]).matches() && !core.contains("/");
        if (range) {
            return concat(concat(numberWords(parts[0], true), words("to")), numberWords(parts[1], true));
        }
        List<String> out = new ArrayList<>();
        for (String part : parts) {
            out.addAll(expand(strip(part)));
        }
        return out;
    }

    /** Short all-caps words are initialisms (AI, CEO, FBI); longer ones are read as words (NASA, NATO). */
    private static List<String> word(String core) {
        if (core.length() >= 2 && core.length() <= 3 && core.equals(core.toUpperCase(Locale.ROOT))) {
            return letters(core);
        }
        if (core.length() >= 3 && core.length() <= 4 && core.endsWith("s")
            && core.substring(0, core.length() - 1).chars().allMatch(Character::isUpperCase)) {
            List<String> out = letters(core.substring(0, core.length() - 1));
            out.set(out.size() - 1, out.getLast() + "'s");
            return out;
        }
        if (core.length() > 3 && core.equals(core.toUpperCase(Locale.ROOT))) {
            return words(core.toLowerCase(Locale.ROOT));
        }
        return words(core);
    }

    private static List<String> letters(String core) {
        List<String> out = new ArrayList<>();
        core.chars().forEach(c -> out.add(String.valueOf((char) c)));
        return out;
    }

    private static List<String> money(String[] names, String amount, String scale) {
        if (scale != null) {
            return concat(numberWords(amount, false), words(scaleWord(scale), names[1]));
        }
        String plain = amount.replace(",", "");
        if (!hasCents(plain)) {
            boolean one = plain.equals("1");
            return concat(numberWords(plain, false), words(one ? names[0] : names[1]));
        }
        long whole = Long.parseLong(plain.substring(0, plain.indexOf('.')));
        int cents = Integer.parseInt(plain.substring(plain.indexOf('.') + 1));
        List<String> out = new ArrayList<>();
        if (whole > 0) {
            out.addAll(NumberWords.cardinal(whole));
            out.add(whole == 1 ? names[0] : names[1]);
        }
        if (cents > 0) {
            if (!out.isEmpty()) {
                out.add("and");
            }
            out.addAll(NumberWords.cardinal(cents));
            out.add(cents == 1 ? names[2] : names[3]);
        }
        return out.isEmpty() ? concat(words("zero"), words(names[1])) : out;
    }

    private static boolean hasCents(String amount) {
        int dot = amount.indexOf('.');
        return dot >= 0 && amount.length() - dot - 1 == 2;
    }

    /** Plain 4-digit numbers from 1100 to 2099 are read as years ("in 1999"); elsewhere as cardinals. */
    private static List<String> numberWords(String number, boolean yearsAllowed) {
        String plain = number.replace(",", "");
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        List<String> out;
        if (whole.replace("-", "").length() > 15) {
            out = NumberWords.digits(whole.replace("-", ""));
        } else if (yearsAllowed && dot < 0 && !number.contains(",") && whole.matches("1[1-9]\\d\\d|20\\d\\d")) {
            out = NumberWords.year(Integer.parseInt(whole));
        } else {
            out = whole.isEmpty() || whole.equals("-") ? words("zero") : NumberWords.cardinal(Long.parseLong(whole));
        }
        if (dot >= 0) {
            out.add("point");
            out.addAll(NumberWords.digits(plain.substring(dot + 1)));
        }
        return out;
    }

    private static List<String> clock(int hours, int minutes) {
        List<String> out = NumberWords.cardinal(hours);
        if (minutes == 0) {
            out.add("o'clock");
        } else if (minutes < 10) {
            out.add("oh");
            out.addAll(NumberWords.cardinal(minutes));
        } else {
            out.addAll(NumberWords.cardinal(minutes));
        }
        return out;
    }

    private static String scaleWord(String suffix) {
        return switch (suffix.toLowerCase(Locale.ROOT)) {
            case "k" -> "thousand";
            case "m" -> "million";
            default -> "billion";
        };
    }

    private static String pauseOf(String trailing) {
        if (trailing.contains("?")) {
            return "?";
        }
        if (trailing.contains("!")) {
            return "!";
        }
        if (trailing.contains(".") || trailing.contains("…")) {
            return ".";
        }
        return trailing.matches(".*[,;:].*") ? "," : "";
    }

    /** Curly apostrophes become straight ones and accents are dropped: Festival reads ASCII only. */
    private static String plainChars(String token) {
        String ascii = Normalizer.normalize(token.replace('’', '\''), Normalizer.Form.NFD);
        return ascii.replaceAll("\\p{M}", "");
    }

    private static String strip(String token) {
        return stripTrailing(stripLeading(token), TRAILING);
    }

    private static String stripLeading(String token) {
        int start = 0;
        while (start < token.length() && LEADING.indexOf(token.charAt(start)) >= 0
               && !token.substring(start).matches("'\\d0s.*")) {
            start++;
        }
        return token.substring(start);
    }

    private static String stripTrailing(String token, String chars) {
        int end = token.length();
        while (end > 0 && chars.indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return token.substring(0, end);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
