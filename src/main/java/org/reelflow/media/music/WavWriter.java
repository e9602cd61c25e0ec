package org.reelflow.media.music;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes 16-bit stereo PCM WAV. No dither: rounding alone keeps the bytes a pure function of the samples. */
final class WavWriter {

    private WavWriter() {
    }

    static void write(StereoBuffer buffer, Path file) throws IOException {
        int frames = buffer.frames();
        int dataBytes = frames * 4;
        ByteBuffer bytes = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        bytes.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2)
             .putInt(buffer.sampleRate).putInt(buffer.sampleRate * 4).putShort((short) 4).putShort((short) 16);
        bytes.put("data".getBytes()).putInt(dataBytes);
        for (int i = 0; i < frames; i++) {
            bytes.putShort(toPcm(buffer.left[i])).putShort(toPcm(buffer.right[i]));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes.array());
        }
    }

    private static short toPcm(float sample) {
        return (short) Math.round(Math.max(-1, Math.min(1, sample)) * 32767);
    }
}
