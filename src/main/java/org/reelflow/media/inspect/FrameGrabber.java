package org.reelflow.media.inspect;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.reelflow.media.ExternalProcess;

/**
 * Decodes single frames to RGB with ffmpeg. {@link #frame} selects by index, decoding from the start, so it is exact;
 * {@link #at} picks the frame shown at a timestamp (the last frame whose time is ≤ t).
 */
public final class FrameGrabber {

    private FrameGrabber() {
    }

    /** The frame shown at {@code seconds}: frame {@code floor(seconds × fps + 1e-6)}. */
    public static BufferedImage at(Path video, double seconds, int fps) throws IOException, InterruptedException {
        return frame(video, (int) Math.floor(seconds * fps + 1e-6));
    }

    /** Frame number {@code index} (0-based) of the first video stream. */
    public static BufferedImage frame(Path video, int index) throws IOException, InterruptedException {
        Path png = Files.createTempFile("frame-", ".png");
        try {
            ExternalProcess.Result r = ExternalProcess.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y",
                    "-i", video.toString(), "-vf", String.format(Locale.ROOT, "select=eq(n\\,%d)", index),
                    "-vsync", "0", "-frames:v", "1", "-update", "1", png.toString()), null, null);
            if (!r.ok() || Files.size(png) == 0) {
                throw new IOException("could not grab frame " + index + " of " + video + ": " + r.output().strip());
            }
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(png)));
            if (img == null) {
                throw new IOException("unreadable frame " + index + " of " + video);
            }
            return img;
        } finally {
            Files.deleteIfExists(png);
        }
    }
}
