package org.reelflow.media.align;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.reelflow.media.TimedWord;

/**
 * Pulls word ends back off silence. pocketsphinx's models need several 10 ms frames per state, so before a pause the
 * word tends to swallow part of it (measured on Festival audio: "four" ran 70 ms into a pause already 40 dB down).
 * Frames that quiet cannot end a word. Starts are left alone: a word that begins with a stop (k, t, p) begins with a
 * silent closure that belongs to it, indistinguishable from the pause before it (snapping starts at 35 or 50 dB
 * moved "crossed" and "batteries" 60 ms late while still missing a sentence-initial "The" 115 ms early).
 */
final class SilenceSnapper {

    private static final int FRAME = 160;                    // 10 ms at 16 kHz
    private static final double SILENT_BELOW_DB = 40;        // under the loud speech level
    private static final int MAX_SHIFT_FRAMES = 15;          // never move an edge more than 150 ms

    private final double[] frameDb;
    private final double loudDb;

    private SilenceSnapper(double[] frameDb) {
        this.frameDb = frameDb;
        double[] sorted = frameDb.clone();
        Arrays.sort(sorted);
        this.loudDb = sorted.length == 0 ? 0 : sorted[(int) (sorted.length * 0.95)];
    }

    /** Reads a 16 kHz 16-bit mono WAV. */
    static SilenceSnapper of(Path wav16k) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav16k.toFile())) {
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            int frames = bytes.remaining() / 2 / FRAME;
            double[] db = new double[frames];
            for (int f = 0; f < frames; f++) {
                double sum = 0;
                for (int i = 0; i < FRAME; i++) {
                    double s = bytes.getShort((f * FRAME + i) * 2) / 32768.0;
                    sum += s * s;
                }
                db[f] = 10 * Math.log10(sum / FRAME + 1e-12);
            }
            return new SilenceSnapper(db);
        } catch (UnsupportedAudioFileException e) {
            throw new IOException("cannot read " + wav16k, e);
        }
    }

    List<TimedWord> snapEnds(List<TimedWord> words) {
        List<TimedWord> out = new ArrayList<>(words.size());
        for (TimedWord w : words) {
            int first = (int) Math.round(w.start() * 100);
            int end = (int) Math.round(w.end() * 100);      // exclusive
            int limit = Math.min(MAX_SHIFT_FRAMES, (end - first) / 2);
            int tail = 0;
            while (tail < limit && silent(end - 1 - tail)) {
                tail++;
            }
            out.add(new TimedWord(w.word(), first / 100.0, (end - tail) / 100.0));
        }
        return out;
    }

    private boolean silent(int frame) {
        return frame >= 0 && frame < frameDb.length && frameDb[frame] < loudDb - SILENT_BELOW_DB;
    }
}
