package org.reelflow.media.align;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.reelflow.media.ExternalProcess;
import org.reelflow.media.TimedWord;
import org.reelflow.media.voice.NormalizedScript;
import org.reelflow.media.voice.TextNormalizer;

/**
 * Forced alignment with pocketsphinx: the script, normalised exactly as the voice engines see it, becomes a JSGF
 * grammar that accepts only that word sequence (with optional silences), and the decoder reports where each word
 * lies. Each spoken word gets its own dictionary entry ({@code w0}, {@code w1} …) carrying all its pronunciations,
 * so the result maps back to script positions without any guessing about repeated words.
 */
public final class PocketsphinxAligner implements ForcedAligner {

    public static final Path DEFAULT_MODEL = Path.of("/usr/share/pocketsphinx/model/en-us");
    /** pocketsphinx reports inclusive 10 ms frames: a word "ending" at 0.31 s lasts until 0.32 s. */
    private static final double FRAME_SEC = 0.01;
    private static final Pattern TIMED_LINE = Pattern.compile("^(\\S+) (\\d+\\.\\d+) (\\d+\\.\\d+) \\S+$");

    private final Path acousticModel;
    private final Path dictionary;
    private final TextNormalizer normalizer = new TextNormalizer();
    private volatile Pronunciations pronunciations;

    /** Uses Debian's pocketsphinx-en-us model. */
    public PocketsphinxAligner() {
        this(DEFAULT_MODEL.resolve("en-us"), DEFAULT_MODEL.resolve("cmudict-en-us.dict"));
    }

    public PocketsphinxAligner(Path acousticModel, Path dictionary) {
        this.acousticModel = acousticModel;
        this.dictionary = dictionary;
    }

    @Override
    public List<TimedWord> align(Path audio, String script) throws IOException, InterruptedException {
        requireTools();
        NormalizedScript normalized = normalizer.normalize(script);
        List<String> tokens = normalized.spokenTokens();
        if (tokens.isEmpty()) {
            throw new AlignmentException("script has no words to align: '" + script + "'");
        }
        Map<String, List<String>> phones = pronunciations().lookUp(tokens);
        Path work = Files.createTempDirectory("reelflow-align");
        try {
            Path wav = work.resolve("speech16k.wav");
            resample(audio, wav);
            Path dict = work.resolve("words.dict");
            Path grammar = work.resolve("script.gram");
            Files.writeString(dict, dictionaryText(tokens, phones), StandardCharsets.UTF_8);
            Files.writeString(grammar, grammarText(tokens.size()), StandardCharsets.UTF_8);
            List<String> command = List.of("pocketsphinx_continuous",
                    "-infile", wav.toString(), "-hmm", acousticModel.toString(), "-dict", dict.toString(),
                    "-jsgf", grammar.toString(), "-time", "yes",
                    // One utterance for the whole file: with VAD on, every pause would restart the grammar.
                    "-remove_silence", "no",
                    // Make a pause cheap to insert anywhere; at the default (1e-8) the decoder would rather
                    // stretch a word over a short pause than put silence there (measured: 125 ms early starts).
                    "-fillprob", "0.5", "-logfn", "/dev/null");
            ExternalProcess.Result result = ExternalProcess.run(command, work, null);
            if (!result.ok()) {
                throw new AlignmentException("pocketsphinx failed (exit " + result.exitCode() + "): "
                                             + result.output().strip());
            }
            List<TimedWord> spans = SilenceSnapper.of(wav).snapEnds(tokenTimes(result.output(), tokens));
            return normalized.toScriptWords(spans);
        } finally {
            deleteTree(work);
        }
    }

    /** The decoder's word lines, which must name w0 … wN-1 in order, each exactly once. */
    static List<TimedWord> tokenTimes(String output, List<String> tokens) throws AlignmentException {
        List<TimedWord> spans = new ArrayList<>(tokens.size());
        for (String line : output.split("\n")) {
            Matcher m = TIMED_LINE.matcher(line.strip());
            if (!m.matches() || !m.group(1).startsWith("w")) {
                continue;   // <s>, </s>, <sil> and fillers
            }
            String id = m.group(1).replaceFirst("\\(\\d+\\)$", "");
            int index = Integer.parseInt(id.substring(1));
            if (index != spans.size()) {
                throw new AlignmentException("pocketsphinx placed '" + tokens.get(index) + "' (word " + index
                                             + ") where word " + spans.size() + " was expected");
            }
            double start = Double.parseDouble(m.group(2));
            double end = Double.parseDouble(m.group(3)) + FRAME_SEC;
            spans.add(new TimedWord(tokens.get(index), start, end));
        }
        if (spans.size() != tokens.size()) {
            throw new AlignmentException("pocketsphinx aligned " + spans.size() + " of " + tokens.size()
                                         + " words" + (spans.isEmpty() ? " (no match for the script)" : ", stopping after '"
                                         + tokens.get(spans.size() - 1) + "'"));
        }
        return spans;
    }

    static String dictionaryText(List<String> tokens, Map<String, List<String>> phones) {
        StringBuilder dict = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            List<String> variants = phones.get(tokens.get(i).toLowerCase(java.util.Locale.ROOT));
            for (int v = 0; v < variants.size(); v++) {
                dict.append('w').append(i).append(v == 0 ? "" : "(" + (v + 1) + ")")
                    .append(' ').append(variants.get(v)).append('\n');
            }
        }
        return dict.toString();
    }

    static String grammarText(int words) {
        StringBuilder rule = new StringBuilder("#JSGF V1.0;\ngrammar script;\npublic <script> =");
        for (int i = 0; i < words; i++) {
            rule.append(" w").append(i);
        }
        return rule.append(";\n").toString();
    }

    /** The acoustic model is 16 kHz mono; ffmpeg reads whatever a TTS provider returned (wav, mp3 …). */
    private static void resample(Path audio, Path wav) throws IOException, InterruptedException {
        ExternalProcess.Result result = ExternalProcess.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y",
                "-i", audio.toString(), "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le", wav.toString()), null, null);
        if (!result.ok()) {
            throw new IOException("ffmpeg could not read " + audio + ": " + result.output().strip());
        }
    }

    private Pronunciations pronunciations() throws IOException {
        Pronunciations p = pronunciations;
        if (p == null) {
            synchronized (this) {
                if (pronunciations == null) {
                    pronunciations = Pronunciations.load(dictionary);
                }
                p = pronunciations;
            }
        }
        return p;
    }

    private void requireTools() throws IOException {
        for (String tool : List.of("pocketsphinx_continuous", "ffmpeg")) {
            if (!ExternalProcess.onPath(tool)) {
                throw new IOException(tool + " is not installed (apt-get install pocketsphinx pocketsphinx-en-us "
                                      + "ffmpeg)");
            }
        }
        if (!Files.isDirectory(acousticModel) || !Files.isRegularFile(dictionary)) {
            throw new IOException("pocketsphinx model missing at " + acousticModel + " / " + dictionary
                                  + " (apt-get install pocketsphinx-en-us)");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
