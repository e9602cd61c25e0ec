package org.reelflow.media.voice;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.reelflow.media.ExternalProcess;
import org.reelflow.media.TimedWord;

/**
 * The local voice: Debian's Festival with the CMU SLT HTS voice (festvox-us-slt-hts), run in batch mode. Festival
 * reports {@code word_start}/{@code word_end} for each Word it says; we read them per Token (one Token per word we
 * gave it) and fold them back onto the script's words. Writes {@code voiceover.wav}: 16-bit mono PCM at 32 kHz.
 */
public final class FestivalVoice implements VoiceEngine {

    public static final String VOICE = "voice_cmu_us_slt_arctic_hts";

    private final TextNormalizer normalizer = new TextNormalizer();

    @Override
    public String provider() {
        return "local";
    }

    @Override
    public Voiceover synthesize(String script, Path outDir) throws IOException, InterruptedException {
        if (!ExternalProcess.onPath("festival")) {
            throw new IOException("festival is not installed (apt-get install festival festvox-us-slt-hts)");
        }
        NormalizedScript normalized = normalizer.normalize(script);
        if (normalized.spokenTokens().isEmpty()) {
            throw new IllegalArgumentException("script has nothing to say: '" + script + "'");
        }
        Files.createDirectories(outDir);
        Path wav = outDir.resolve("voiceover.wav");
        Path program = outDir.resolve("voiceover.scm");
        Files.writeString(program, schemeProgram(normalized.speakableText(), wav), StandardCharsets.UTF_8);
        Files.deleteIfExists(wav);
        ExternalProcess.Result result = ExternalProcess.run(List.of("festival", "--batch", program.toString()),
                                                            outDir, null);
        if (!result.ok() || !Files.isRegularFile(wav) || result.output().contains("SIOD ERROR")) {
            throw new IOException("festival failed (exit " + result.exitCode() + "): " + tail(result.output()));
        }
        Files.delete(program);
        List<TimedWord> tokens = tokenTimes(result.output(), normalized.spokenTokens());
        return new Voiceover(wav, durationSec(wav), normalized.toScriptWords(tokens));
    }

    /**
     * Synthesizes the text as one utterance, then prints "T name" for each Token followed by "W start end" for each
     * of its Words (punctuation items hang under Tokens too, but are not in the Word relation, so they are skipped).
     */
    static String schemeProgram(String text, Path wav) {
        return """
                (%s)
                (set! utt (Utterance Text "%s"))
                (utt.synth utt)
                (utt.save.wave utt "%s" 'riff)
                (set! tok (utt.relation.first utt 'Token))
                (while tok
                  (format t "T\\t%%s\\n" (item.name tok))
                  (mapcar (lambda (w)
                            (if (item.relation w 'Word)
                                (format t "W\\t%%f\\t%%f\\n" (item.feat w "word_start") (item.feat w "word_end"))))
                          (item.daughters tok))
                  (set! tok (item.next tok)))
                """.formatted(VOICE, schemeString(text), schemeString(wav.toAbsolutePath().toString()));
    }

    /** Collapses Festival's per-Token output to one span per spoken token, checking it tokenised as we did. */
    static List<TimedWord> tokenTimes(String output, List<String> expected) throws IOException {
        List<TimedWord> spans = new ArrayList<>();
        String name = null;
        double start = Double.NaN;
        double end = Double.NaN;
        double lastEnd = 0;
        for (String line : (output + "\nT\t").split("\n")) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("T") && f.length == 2) {
                if (name != null) {
                    if (Double.isNaN(start)) {   // a token Festival said nothing for: zero-length in place
                        start = end = lastEnd;
                    }
                    spans.add(new TimedWord(name, start, Math.max(start, end)));
                    lastEnd = Math.max(start, end);
                }
                name = f[1];
                start = end = Double.NaN;
            } else if (f[0].equals("W") && f.length == 3 && name != null) {
                double s = Double.parseDouble(f[1]);
                double e = Double.parseDouble(f[2]);
                if (e > s) {   // "NASA's" → NASA + a silent "'s" Word reported at 0–0: only sounding words count
                    start = Double.isNaN(start) ? s : start;
                    end = e;
                }
            }
        }
        if (spans.size() != expected.size()) {
            throw new IOException("festival made " + spans.size() + " tokens of " + expected.size() + " words");
        }
        for (int i = 0; i < spans.size(); i++) {
            if (!spans.get(i).word().equalsIgnoreCase(expected.get(i))) {
                throw new IOException("festival token " + i + " is '" + spans.get(i).word() + "', expected '"
                                      + expected.get(i) + "'");
            }
        }
        return spans;
    }

    static double durationSec(Path wav) throws IOException {
        try {
            AudioFileFormat format = AudioSystem.getAudioFileFormat(wav.toFile());
            return format.getFrameLength() / (double) format.getFormat().getFrameRate();
        } catch (UnsupportedAudioFileException e) {
            throw new IOException("festival wrote an unreadable wave: " + wav, e);
        }
    }

    private static String schemeString(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String tail(String output) {
        String trimmed = output.strip();
        return trimmed.length() > 2000 ? "…" + trimmed.substring(trimmed.length() - 2000) : trimmed;
    }
}
