package org.reelflow.providers.tts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.reelflow.media.ExternalProcess;
import org.reelflow.media.TimedWord;
import org.reelflow.media.voice.FestivalVoice;
import org.reelflow.media.voice.RequiredTools;
import org.reelflow.media.voice.Voiceover;

/**
 * Real speech for the doubles to serve as a vendor's bytes: the local Festival voice says the script (so we also
 * know when each word is spoken), and ffmpeg makes the MP3 / raw PCM a vendor would send.
 */
public final class SpeechFixture {

    public static final String SCRIPT = "In 2024, a tiny robot named Zubrowski crossed 3.5 km of Martian desert — "
                                        + "alone. Engineers cheered: the AI-powered rover had survived its 1st winter!";

    private static SpeechFixture shared;

    public final Voiceover festival;
    public final Path dir;

    private SpeechFixture(Voiceover festival, Path dir) {
        this.festival = festival;
        this.dir = dir;
    }

    /** Synthesised once per test run. */
    public static synchronized SpeechFixture get() throws IOException, InterruptedException {
        if (shared == null) {
            RequiredTools.require("festival", "ffmpeg", "ffprobe", "pocketsphinx_continuous");
            Path dir = Files.createTempDirectory("reelflow-speech");
            dir.toFile().deleteOnExit();
            shared = new SpeechFixture(new FestivalVoice().synthesize(SCRIPT, dir.resolve("festival")), dir);
        }
        return shared;
    }

    public List<TimedWord> words() {
        return festival.words();
    }

    public byte[] wav() throws IOException {
        return Files.readAllBytes(festival.audio());
    }

    public byte[] mp3() throws IOException, InterruptedException {
        return convert("speech.mp3", List.of("-codec:a", "libmp3lame", "-q:a", "2"));
    }

    /** Raw little-endian 16-bit mono PCM at 24 kHz, as Gemini TTS sends it. */
    public byte[] pcm24k() throws IOException, InterruptedException {
        return convert("speech.pcm", List.of("-f", "s16le", "-acodec", "pcm_s16le", "-ac", "1", "-ar", "24000"));
    }

    /** {@code seconds} of digital silence as a WAV. */
    public static byte[] silenceWav(Path dir, double seconds) throws IOException, InterruptedException {
        Path out = dir.resolve("silence.wav");
        ExternalProcess.Result r = ExternalProcess.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f",
                "lavfi", "-i", "anullsrc=r=24000:cl=mono", "-t", String.valueOf(seconds), "-c:a", "pcm_s16le",
                out.toString()), null, null);
        if (!r.ok()) {
            throw new IOException(r.output());
        }
        return Files.readAllBytes(out);
    }

    private byte[] convert(String name, List<String> args) throws IOException, InterruptedException {
        Path out = dir.resolve(name);
        if (!Files.exists(out)) {
            List<String> cmd = new java.util.ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-i",
                                                                 festival.audio().toString()));
            cmd.addAll(args);
            cmd.add(out.toString());
            ExternalProcess.Result r = ExternalProcess.run(cmd, null, null);
            if (!r.ok()) {
                throw new IOException(r.output());
            }
        }
        return Files.readAllBytes(out);
    }
}
