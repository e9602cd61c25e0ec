package org.reelflow.providers.tts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.reelflow.files.AtomicFiles;
import org.reelflow.media.ExternalProcess;

/**
 * The audio a voice vendor sends back, made into a file the mixer reads: WAV (with a header that tells the truth
 * about its length) or MP3 as it came.
 */
public final class AudioFiles {

    /** A container we can name a file after. */
    public enum Format {
        WAV("wav"), MP3("mp3");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    private AudioFiles() {
    }

    /** What the bytes are, by their magic; null when neither WAV nor MP3. */
    public static Format detect(byte[] audio) {
        if (audio.length >= 12 && ascii(audio, 0, 4).equals("RIFF") && ascii(audio, 8, 4).equals("WAVE")) {
            return Format.WAV;
        }
        if (audio.length >= 3 && ascii(audio, 0, 3).equals("ID3")) {
            return Format.MP3;
        }
        if (audio.length >= 2 && (audio[0] & 0xFF) == 0xFF && (audio[1] & 0xE0) == 0xE0) {
            return Format.MP3;
        }
        return null;
    }

    /**
     * Writes {@code <outDir>/voiceover.<ext>} atomically, removing any voiceover a previous attempt left in
     * another format. WAV headers are rewritten so their sizes match the data (streamed WAVs carry placeholders).
     */
    public static Path writeVoiceover(Path outDir, byte[] audio, Format format) throws IOException {
        Files.createDirectories(outDir);
        byte[] bytes = format == Format.WAV ? cleanWav(audio) : audio;
        for (Format f : Format.values()) {
            Files.deleteIfExists(outDir.resolve("voiceover." + f.extension()));
        }
        Path target = outDir.resolve("voiceover." + format.extension());
        AtomicFiles.write(target, AtomicFiles.partNextTo(target), part -> Files.write(part, bytes));
        return target;
    }

    /** Raw little-endian 16-bit PCM wrapped in a WAV header. */
    public static byte[] pcm16ToWav(byte[] pcm, int sampleRate, int channels) {
        int dataLen = pcm.length - (pcm.length % (2 * channels));
        ByteBuffer b = ByteBuffer.allocate(44 + dataLen).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataLen)
         .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
         .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
         .putShort((short) channels).putInt(sampleRate).putInt(sampleRate * channels * 2)
         .putShort((short) (channels * 2)).putShort((short) 16)
         .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataLen);
        b.put(pcm, 0, dataLen);
        return b.array();
    }

    /**
     * The WAV with RIFF and data sizes set from what is really there (OpenAI's streamed WAV says 0xFFFFFFFF).
     *
     * @throws IOException when there is no fmt or data chunk
     */
    static byte[] cleanWav(byte[] wav) throws IOException {
        Chunks c = chunks(wav);
        byte[] out = wav.clone();
        int available = wav.length - c.dataStart;
        int dataLen = (int) Math.min(c.dataSize < 0 ? Long.MAX_VALUE : c.dataSize, available);
        dataLen -= dataLen % Math.max(1, c.blockAlign);
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(c.dataStart - 4, dataLen);
        b.putInt(4, c.dataStart + dataLen - 8);
        return java.util.Arrays.copyOf(out, c.dataStart + dataLen);
    }

    /** Length in seconds: from the header for WAV, from ffprobe for anything else. */
    public static double durationSec(Path audio) throws IOException, InterruptedException {
        byte[] head = readHead(audio, 4096);
        if (detect(head) == Format.WAV) {
            byte[] all = Files.readAllBytes(audio);
            Chunks c = chunks(all);
            long size = Math.min(c.dataSize < 0 ? Long.MAX_VALUE : c.dataSize, all.length - c.dataStart);
            return size / (double) c.byteRate;
        }
        if (!ExternalProcess.onPath("ffprobe")) {
            throw new IOException("ffprobe is not installed (apt-get install ffmpeg): cannot measure " + audio);
        }
        ExternalProcess.Result r = ExternalProcess.run(List.of("ffprobe", "-v", "error", "-show_entries",
                "format=duration", "-of", "default=noprint_wrappers=1:nokey=1", audio.toString()), null, null);
        try {
            if (r.ok()) {
                double d = Double.parseDouble(r.output().strip());
                if (d > 0) {
                    return d;
                }
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IOException("the voice audio is unreadable (" + audio.getFileName() + "): " + r.output().strip());
    }

    private record Chunks(int dataStart, long dataSize, int byteRate, int blockAlign) {
    }

    private static Chunks chunks(byte[] wav) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int pos = 12;
        int byteRate = 0;
        int blockAlign = 0;
        while (pos + 8 <= wav.length) {
            String id = ascii(wav, pos, 4);
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            if (id.equals("fmt ") && pos + 24 <= wav.length) {
                byteRate = b.getInt(pos + 16);
                blockAlign = b.getShort(pos + 20);
            } else if (id.equals("data")) {
                if (byteRate <= 0) {
                    break;
                }
                return new Chunks(pos + 8, size == 0xFFFFFFFFL || size == 0 ? -1 : size, byteRate, blockAlign);
            }
            pos += 8 + (int) Math.min(size + (size & 1), Integer.MAX_VALUE - pos - 8);
        }
        throw new IOException("the voice audio is not a readable WAV (no fmt/data chunk)");
    }

    private static byte[] readHead(Path p, int n) throws IOException {
        try (var in = Files.newInputStream(p)) {
            return in.readNBytes(n);
        }
    }

    private static String ascii(byte[] b, int off, int len) {
        return new String(b, off, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
