package org.reelflow.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command line of {@code reelflow generate}, as written: flags the reference CLI has, in its
 * spellings ({@code --opt value}, {@code --opt=value}, {@code -p value}, {@code --} ends the options). Only the
 * syntax is checked here; what the values mean (providers, archetype, files …) is checked by {@link GenerateRequest}.
 *
 * @param provider      {@code -p}: an LLM key, or the aliases {@code google} / {@code local}; null = server default
 * @param output        {@code -o}: default {@code ./output}
 * @param maxCost       {@code --max-cost} as given (validated as a number of dollars later)
 */
public record GenerateArgs(String topic,
                           String provider,
                           String llmModel,
                           String llmBaseUrl,
                           String searchProvider,
                           String imageProvider,
                           String ttsProvider,
                           String archetype,
                           String pacing,
                           String platform,
                           boolean dryRun,
                           String direction,
                           String score,
                           String output,
                           boolean noMusic,
                           boolean noVideo,
                           boolean yes,
                           String maxCost,
                           boolean help) {

    public static final String DEFAULT_OUTPUT = "./output";

    /** Options that take a value: long name → short alias (or null). */
    private static final Map<String, String> VALUED = new LinkedHashMap<>();
    /** Flags without a value. */
    private static final Map<String, String> FLAGS = new LinkedHashMap<>();

    static {
        VALUED.put("--provider", "-p");
        VALUED.put("--llm-model", null);
        VALUED.put("--llm-base-url", null);
        VALUED.put("--search-provider", null);
        VALUED.put("--image-provider", "-i");
        VALUED.put("--tts-provider", null);
        VALUED.put("--archetype", "-a");
        VALUED.put("--pacing", null);
        VALUED.put("--platform", null);
        VALUED.put("--direction", null);
        VALUED.put("--score", null);
        VALUED.put("--output", "-o");
        VALUED.put("--max-cost", null);
        FLAGS.put("--dry-run", null);
        FLAGS.put("--no-music", null);
        FLAGS.put("--no-video", null);
        FLAGS.put("--yes", "-y");
        FLAGS.put("--help", "-h");
    }

    /**
     * @param args the words after {@code generate}
     * @throws UsageException an unknown option, a missing value, a repeated option, no topic or two topics
     */
    public static GenerateArgs parse(List<String> args) throws UsageException {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Boolean> flags = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                positional.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            String longName = canonical(name);
            if (longName == null) {
                throw new UsageException("unknown option '" + name + "'" + suggestion(name));
            }
            if (FLAGS.containsKey(longName)) {
                if (inline != null) {
                    throw new UsageException("option '" + longName + "' takes no value");
                }
                flags.put(longName, true);
                continue;
            }
            String value;
            if (inline != null) {
                value = inline;
            } else if (i + 1 < args.size() && !looksLikeOption(args.get(i + 1))) {
                value = args.get(++i);
            } else {
                throw new UsageException("option '" + display(longName) + "' needs a value");
            }
            if (values.containsKey(longName)) {
                throw new UsageException("option '" + display(longName) + "' is given twice");
            }
            if (value.isBlank()) {
                throw new UsageException("option '" + display(longName) + "' needs a value, got an empty one");
            }
            values.put(longName, value.trim());
        }
        boolean help = flags.containsKey("--help");
        String topic = null;
        if (!help) {
            if (positional.isEmpty() || positional.getFirst().isBlank()) {
                throw new UsageException("Topic is required: reelflow generate \"<topic>\" [options]");
            }
            if (positional.size() > 1) {
                throw new UsageException("unexpected argument '" + positional.get(1)
                                         + "': put a topic of several words in quotes, e.g. reelflow generate \""
                                         + String.join(" ", positional) + "\"");
            }
            topic = positional.getFirst().trim();
        }
        return new GenerateArgs(topic, values.get("--provider"), values.get("--llm-model"),
                                values.get("--llm-base-url"), values.get("--search-provider"),
                                values.get("--image-provider"), values.get("--tts-provider"),
                                values.get("--archetype"), values.get("--pacing"), values.get("--platform"),
                                flags.containsKey("--dry-run"), values.get("--direction"), values.get("--score"),
                                values.getOrDefault("--output", DEFAULT_OUTPUT), flags.containsKey("--no-music"),
                                flags.containsKey("--no-video"), flags.containsKey("--yes"), values.get("--max-cost"),
                                help);
    }

    /** A value may start with '-' only when it is a negative number (so that --max-cost -1 reports the right error). */
    private static boolean looksLikeOption(String next) {
        return next.startsWith("-") && !next.equals("-") && !next.matches("-\\d.*");
    }

    private static String canonical(String name) {
        if (VALUED.containsKey(name) || FLAGS.containsKey(name)) {
            return name;
        }
        for (Map<String, String> m : List.of(VALUED, FLAGS)) {
            for (Map.Entry<String, String> e : m.entrySet()) {
                if (name.equals(e.getValue())) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    private static String display(String longName) {
        String shortName = VALUED.containsKey(longName) ? VALUED.get(longName) : FLAGS.get(longName);
        return shortName == null ? longName : shortName + ", " + longName;
    }

    private static String suggestion(String name) {
        String bare = name.replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
        for (String known : VALUED.keySet()) {
            if (known.substring(2).startsWith(bare) && !bare.isEmpty()) {
                return " (did you mean " + known + "?)";
            }
        }
        for (String known : FLAGS.keySet()) {
            if (known.substring(2).startsWith(bare) && !bare.isEmpty()) {
                return " (did you mean " + known + "?)";
            }
        }
        return "; see reelflow generate --help";
    }
}
