package org.reelflow.media.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reelflow.media.ExternalProcess;

/**
 * Mixes the voiceover with a music bed into the final soundtrack: 48 kHz stereo 16-bit WAV at −14 LUFS integrated,
 * true peak ≤ −1 dBTP, ready for the AAC encoder.
 *
 * <p>Both inputs are first brought to known loudness (voice −18 LUFS, music bed {@link #MUSIC_UNDER_VOICE_LU} below
 * it), so the side-chain compressor that ducks the music under the voice behaves the same for every TTS provider
 * and track. The mix is then gained to the target and limited; because limiting lowers loudness a little, the
 * gain is corrected once from a second measurement.
 */
public final class AudioMixer {

    public static final double TARGET_LUFS = -14;
    public static final double MAX_TRUE_PEAK_DBTP = -1;
    static final double VOICE_LUFS = -18;
    static final double MUSIC_UNDER_VOICE_LU = 8;
    static final double FADE_OUT_SEC = 1.5;
    /** Sample-peak ceiling of the limiter: the true peak between samples lands up to ~1 dB higher. */
    private static final double LIMIT_DBFS = -2.0;

    private AudioMixer() {
    }

    /**
     * Writes {@code out}: the voice (padded with silence or cut to {@code durationSec}) over {@code music} (may be
     * null), which is looped or trimmed to the duration, fades out over the last {@value #FADE_OUT_SEC} s and
     * is ducked while the voice speaks.
     */
    public static void mix(Path voice, Path music, double durationSec, Path out)
            throws IOException, InterruptedException {
        requireFfmpeg();
        Path work = Files.createTempDirectory("reelflow-mix");
        try {
            Path premix = work.resolve("premix.wav");
            render(premixCommand(voice, music, durationSec, premix));
            double gain = TARGET_LUFS - LoudnessMeter.measure(premix).integratedLufs();
            Path first = work.resolve("first.wav");
            render(finishCommand(premix, gain, first));
            double correction = TARGET_LUFS - LoudnessMeter.measure(first).integratedLufs();
            Files.createDirectories(out.toAbsolutePath().getParent());
            render(finishCommand(premix, gain + correction, out));
        } finally {
            try (var files = Files.list(work)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    private static List<String> premixCommand(Path voice, Path music, double durationSec, Path premix)
            throws IOException, InterruptedException {
        double voiceGain = gainTo(VOICE_LUFS, voice);
        String d = num(durationSec);
        String format = "aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo";
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-i",
                                                       voice.toString()));
        String graph;
        if (music == null) {
            graph = "[0:a]%s,volume=%sdB,apad,atrim=0:%s[out]".formatted(format, num(voiceGain), d);
        } else {
            double musicGain = gainTo(VOICE_LUFS - MUSIC_UNDER_VOICE_LU, music);
            command.addAll(List.of("-stream_loop", "-1", "-i", music.toString()));
            double fadeStart = Math.max(0, durationSec - FADE_OUT_SEC);
            graph = String.join(";",
                    "[0:a]%s,volume=%sdB,apad,atrim=0:%s,asplit=2[voice][key]".formatted(format, num(voiceGain), d),
                    "[1:a]%s,atrim=0:%s,volume=%sdB,afade=t=out:st=%s:d=%s[bed]".formatted(format, d,
                            num(musicGain), num(fadeStart), num(Math.min(FADE_OUT_SEC, durationSec))),
                    // With speech at −18 LUFS, a threshold of 0.02 (−34 dBFS) ducked a test bed by 17.7 dB (median
                    // while speaking; 0.01 gave 23.3 dB, 0.003 gave 32.6 dB, which buries the music). Release
                    // 400 ms holds the bed down across the gaps between words.
                    "[bed][key]sidechaincompress=threshold=0.02:ratio=20:attack=15:release=400:knee=1[ducked]",
                    "[voice][ducked]amix=inputs=2:normalize=0:duration=first[out]");
        }
        command.addAll(List.of("-filter_complex", graph, "-map", "[out]", "-t", d, "-c:a", "pcm_f32le",
                               premix.toString()));
        return command;
    }

    private static List<String> finishCommand(Path premix, double gainDb, Path out) {
        double limit = Math.pow(10, LIMIT_DBFS / 20);
        return List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", premix.toString(), "-af",
                       "volume=%sdB,alimiter=limit=%s:attack=5:release=60:level=disabled".formatted(num(gainDb),
                               num(limit)),
                       "-ar", "48000", "-ac", "2", "-c:a", "pcm_s16le", out.toString());
    }

    private static double gainTo(double targetLufs, Path audio) throws IOException, InterruptedException {
        double measured = LoudnessMeter.measure(audio).integratedLufs();
        if (!Double.isFinite(measured) || measured < -69) {
            return 0;   // silent input: nothing to scale
        }
        return targetLufs - measured;
    }

    private static void render(List<String> command) throws IOException, InterruptedException {
        ExternalProcess.Result result = ExternalProcess.run(command, null, null);
        if (!result.ok()) {
            throw new IOException("ffmpeg mix failed (exit " + result.exitCode() + "): "
                                  + LoudnessMeter.tail(result.output()));
        }
    }

    private static void requireFfmpeg() throws IOException {
        if (!ExternalProcess.onPath("ffmpeg")) {
            throw new IOException("ffmpeg is not installed (apt-get install ffmpeg)");
        }
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
