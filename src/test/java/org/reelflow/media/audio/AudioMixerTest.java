package org.reelflow.media.audio;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelflow.media.ExternalProcess;
import org.reelflow.media.music.MusicLibrary;
import org.reelflow.media.voice.ChildProcesses;
import org.reelflow.media.voice.FestivalVoice;
import org.reelflow.media.voice.FestivalVoiceTest;
import org.reelflow.media.voice.RequiredTools;
import org.reelflow.media.voice.Voiceover;

class AudioMixerTest {

    private static final String SCRIPT = "Every night, the city hums a song nobody wrote. Listen closely, and you "
                                         + "can hear the trains, the rain, and a million quiet conversations.";
    private static final double TONE_HZ = 60;   // a "music" we can measure under speech: the voice has little there

    @TempDir
    static Path shared;
    static Voiceover voice;

    @BeforeAll
    static void voice() throws Exception {
        RequiredTools.require("ffmpeg", "festival");
        voice = new FestivalVoice().synthesize(SCRIPT, shared.resolve("voice"));
    }

    @Test
    void mixIsAtMinus14LufsWithTruePeakUnderMinus1(@TempDir Path dir) throws Exception {
        MusicLibrary library = new MusicLibrary(shared.resolve("music"));
        Path music = library.file(library.select("uplifting_pop", 3).track());
        Path out = dir.resolve("mix.wav");
        double duration = voice.durationSec() + 3;

        long started = System.nanoTime();
        AudioMixer.mix(voice.audio(), music, duration, out);
        double seconds = (System.nanoTime() - started) / 1e9;
        Loudness loudness = LoudnessMeter.measure(out);
        System.out.printf("mix: %.1f s mixed in %.2f s: %.1f LUFS, %.1f dBTP%n", duration, seconds,
                          loudness.integratedLufs(), loudness.truePeakDbtp());

        assertThat(loudness.toString(), loudness.integratedLufs(), closeTo(-14, 1));
        assertThat(loudness.toString(), loudness.truePeakDbtp(), lessThanOrEqualTo(-1.0));
        assertThat(wavSeconds(out), closeTo(duration, 0.01));
    }

    @Test
    void voiceWithoutMusicIsNormalisedToo(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("voice-only.wav");
        AudioMixer.mix(voice.audio(), null, voice.durationSec(), out);
        Loudness loudness = LoudnessMeter.measure(out);
        assertThat(loudness.toString(), loudness.integratedLufs(), closeTo(-14, 1));
        assertThat(loudness.toString(), loudness.truePeakDbtp(), lessThanOrEqualTo(-1.0));
    }

    /**
     * The bed is a 60 Hz tone, so its level in the mix can be read with a Goertzel filter even under speech.
     * Compared: median level in 250 ms windows while the voice speaks vs. after it has stopped (before the fade).
     */
    @Test
    void musicIsDuckedAtLeast12DbWhileTheVoiceSpeaks(@TempDir Path dir) throws Exception {
        Path tone = dir.resolve("tone.wav");
        ExternalProcess.Result made = ExternalProcess.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi",
                "-i", "sine=frequency=" + TONE_HZ + ":sample_rate=48000:duration=10", tone.toString()), null, null);
        assertThat(made.output(), made.ok(), is(true));
        double speechEnd = voice.words().getLast().end();
        double duration = speechEnd + 6;
        Path out = dir.resolve("ducked.wav");
        AudioMixer.mix(voice.audio(), tone, duration, out);

        double[] mono = readMono(out);
        double speaking = medianToneDb(mono, voice.words().getFirst().start() + 0.3, speechEnd - 0.1);
        double free = medianToneDb(mono, speechEnd + 1.5, duration - AudioMixer.FADE_OUT_SEC - 0.2);
        String report = "music %.1f dB while speaking, %.1f dB voice-free: ducked %.1f dB".formatted(
                speaking, free, free - speaking);
        System.out.println("mix: " + report);
        assertThat(report, free - speaking, greaterThanOrEqualTo(12.0));
    }

    @Test
    void interruptingAMixLeavesNoFfmpegRunning(@TempDir Path dir) throws Exception {
        Voiceover longVoice = new FestivalVoice().synthesize(FestivalVoiceTest.LONG_SCRIPT, dir.resolve("v"));
        MusicLibrary library = new MusicLibrary(shared.resolve("music"));
        Path music = library.file(library.tracks().getFirst());
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread job = Thread.ofPlatform().start(() -> {
            try {
                AudioMixer.mix(longVoice.audio(), music, longVoice.durationSec(), dir.resolve("mix.wav"));
                outcome.set(new AssertionError("mix finished before it was interrupted"));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        assertThat("ffmpeg started", ChildProcesses.awaitRunning("ffmpeg", 10_000), is(true));
        Thread.sleep(100);
        job.interrupt();
        job.join(10_000);

        assertThat(job.isAlive(), is(false));
        assertThat(String.valueOf(outcome.get()), outcome.get(), instanceOf(InterruptedException.class));
        assertThat(ChildProcesses.alive(), is(empty()));
    }

    private static double medianToneDb(double[] mono, double from, double to) {
        int window = 12_000;   // 250 ms: exactly 15 periods of 60 Hz
        List<Double> levels = new ArrayList<>();
        for (int start = (int) (from * 48_000); start + window <= (int) (to * 48_000); start += window / 2) {
            levels.add(goertzelDb(mono, start, window, TONE_HZ));
        }
        assertThat("windows between " + from + " and " + to, levels.size(), greaterThanOrEqualTo(4));
        levels.sort(null);
        return levels.get(levels.size() / 2);
    }

    private static double goertzelDb(double[] x, int start, int n, double hz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / 48_000);
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < n; i++) {
            double s = x[start + i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        return 10 * Math.log10(power / ((double) n * n) + 1e-20);
    }

    private static double[] readMono(Path wav) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
        int data = dataOffset(b);
        int frames = (b.capacity() - data) / 4;
        double[] mono = new double[frames];
        for (int i = 0; i < frames; i++) {
            mono[i] = (b.getShort(data + 4 * i) + b.getShort(data + 4 * i + 2)) / 65536.0;
        }
        return mono;
    }

    private static double wavSeconds(Path wav) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat("48 kHz", b.getInt(24), is(48_000));
        assertThat("stereo", (int) b.getShort(22), is(2));
        return (b.capacity() - dataOffset(b)) / 4.0 / 48_000;
    }

    /** ffmpeg may write a LIST chunk before the samples. */
    private static int dataOffset(ByteBuffer b) {
        int at = 12;
        while (at + 8 <= b.capacity()) {
            String id = new String(new byte[]{b.get(at), b.get(at + 1), b.get(at + 2), b.get(at + 3)});
            int size = b.getInt(at + 4);
            if (id.equals("data")) {
                return at + 8;
            }
            at += 8 + size + (size & 1);
        }
        throw new IllegalStateException("no data chunk");
    }
}
