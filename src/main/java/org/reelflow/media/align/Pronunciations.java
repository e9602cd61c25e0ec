package org.reelflow.media.align;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reelflow.media.ExternalProcess;

/**
 * Phone strings (CMU ARPAbet, as the pocketsphinx en-us model knows them) for words: every variant from the
 * model's CMU dictionary, and for words it lacks (names, brands) Festival's lexicon and letter-to-sound rules, so a
 * script with an unknown word still aligns.
 */
final class Pronunciations {

    private static final Set<String> PHONES = Set.of("AA", "AE", "AH", "AO", "AW", "AY", "B", "CH", "D", "DH", "EH",
            "ER", "EY", "F", "G", "HH", "IH", "IY", "JH", "K", "L", "M", "N", "NG", "OW", "OY", "P", "R", "S", "SH",
            "T", "TH", "UH", "UW", "V", "W", "Y", "Z", "ZH");
    private static final Pattern LOOKUP_LINE = Pattern.compile("^\\(\"([^\"]*)\" \\S+ (.*)\\)$");
    private static final Pattern FESTIVAL_PHONE = Pattern.compile("[a-z]+");

    private final Map<String, List<String>> dictionary;

    private Pronunciations(Map<String, List<String>> dictionary) {
        this.dictionary = dictionary;
    }

    static Pronunciations load(Path cmuDict) throws IOException {
        Map<String, List<String>> dict = new HashMap<>(200_000);
        for (String line : Files.readAllLines(cmuDict, StandardCharsets.UTF_8)) {
            int space = line.indexOf(' ');
            if (space <= 0) {
                continue;
            }
            String word = line.substring(0, space);
            int variant = word.indexOf('(');
            String key = variant > 0 ? word.substring(0, variant) : word;
            dict.computeIfAbsent(key, k -> new ArrayList<>(1)).add(line.substring(space + 1).strip());
        }
        return new Pronunciations(dict);
    }

    /** Every pronunciation of each word (lower-cased key), asking Festival once for all the dictionary lacks. */
    Map<String, List<String>> lookUp(Collection<String> words) throws IOException, InterruptedException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String word : words) {
            String key = word.toLowerCase(Locale.ROOT);
            List<String> known = dictionary.getOrDefault(key, dictionary.get(key.replace("'", "")));
            if (known != null) {
                out.put(key, known);
            } else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            Map<String, String> guessed = festivalLookUp(missing);
            for (String key : missing) {
                String phones = guessed.get(key);
                if (phones == null || phones.isEmpty()) {
                    throw new AlignmentException("no pronunciation for '" + key + "'");
                }
                out.put(key, List.of(phones));
            }
        }
        return out;
    }

    private static Map<String, String> festivalLookUp(Set<String> words) throws IOException, InterruptedException {
        if (!ExternalProcess.onPath("festival")) {
            throw new IOException("festival is needed to pronounce " + words + " (apt-get install festival)");
        }
        StringBuilder program = new StringBuilder("(voice_cmu_us_slt_arctic_hts)\n");
        for (String word : words) {
            // Festival's letter-to-sound rules give nothing for some words with apostrophes; look those up bare.
            program.append("(print (lex.lookup \"").append(word.replace("'", "")).append("\" nil))\n");
        }
        Path file = Files.createTempFile("reelflow-lex", ".scm");
        try {
            Files.writeString(file, program);
            ExternalProcess.Result result = ExternalProcess.run(List.of("festival", "--batch", file.toString()),
                                                                null, null);
            if (!result.ok()) {
                throw new IOException("festival lexicon lookup failed: " + result.output());
            }
            Map<String, String> out = new HashMap<>();
            for (String line : result.output().split("\n")) {
                Matcher m = LOOKUP_LINE.matcher(line.strip());
                if (m.matches()) {
                    out.put(m.group(1), arpabet(m.group(2)));
                }
            }
            Map<String, String> byOriginal = new HashMap<>();
            words.forEach(w -> byOriginal.put(w, out.get(w.replace("'", ""))));
            return byOriginal;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Festival's CMU lexicon writes lower-case phones and a schwa "ax" the acoustic model calls AH. */
    private static String arpabet(String syllables) throws AlignmentException {
        List<String> phones = new ArrayList<>();
        Matcher m = FESTIVAL_PHONE.matcher(syllables);
        while (m.find()) {
            String phone = switch (m.group()) {
                case "nil" -> null;
                case "ax" -> "AH";
                case "axr" -> "ER";
                default -> m.group().toUpperCase(Locale.ROOT);
            };
            if (phone == null) {
                continue;
            }
            if (!PHONES.contains(phone)) {
                throw new AlignmentException("festival gave phone '" + phone + "' unknown to the acoustic model");
            }
            phones.add(phone);
        }
        return String.join(" ", phones);
    }
}
