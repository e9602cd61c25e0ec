package org.reelflow.media.visuals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import org.reelflow.files.AtomicFiles;

/**
 * Writes the scene cards the visuals stage produces without an image provider, under the reference's file names:
 * a drawn picture stands where OpenReels puts its AI picture, for any scene type, so it is {@code scene-<i>-ai.png}
 * (OpenReels names a stock or video scene's fallback picture that way too, and its web UI asks for that name once
 * the stream says the scene fell back); text cards are {@code scene-<i>-card.png} (the reference wrote no file for
 * those; one is useful as a thumbnail and for the renderer's tests).
 */
public final class CardPainter {

    public static final int WIDTH = 1080;
    public static final int HEIGHT = 1920;

    static {
        Headless.ensure();
    }

    private CardPainter() {
    }

    /** The card for scene {@code index} (0-based) of {@code visualType}, written into {@code dir}; returns its path. */
    public static Path paintScene(Path dir, int index, String visualType, String visualPrompt, String scriptLine,
                                  CardLook look) throws IOException {
        Files.createDirectories(dir);
        BufferedImage image = "text_card".equals(visualType)
                ? TextCardArt.paint(Headline.from(visualPrompt, scriptLine, 9), look, WIDTH, HEIGHT)
                : Illustration.paint(look, index, visualPrompt, scriptLine, WIDTH, HEIGHT);
        Path file = dir.resolve(fileName(index, visualType));
        write(image, "png", file);
        return file;
    }

    /** {@code scene-<i>-card.png} for a text card, else {@code scene-<i>-ai.png}. */
    public static String fileName(int index, String visualType) {
        return "text_card".equals(visualType) ? "scene-" + index + "-card.png" : "scene-" + index + "-ai.png";
    }

    /** Writes through a temporary file so a reader never sees half an image. */
    static void write(BufferedImage image, String format, Path file) throws IOException {
        AtomicFiles.write(file, file.resolveSibling(file.getFileName() + ".tmp"), tmp -> {
            if (!ImageIO.write(image, format, tmp.toFile())) {
                throw new IOException("no ImageIO writer for " + format);
            }
        });
    }
}
