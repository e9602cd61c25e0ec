package org.reelflow.media.visuals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * Writes the scene cards the visuals stage produces without an image provider, under the reference's file names:
 * {@code scene-<i>-ai.png} for ai_image, {@code scene-<i>-stock.jpg} for stock scenes, and {@code scene-<i>-card.png}
 * for text cards (the reference wrote no file for those; one is useful as a thumbnail and for the renderer's tests).
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
        BufferedImage image;
        Path file;
        String format = "png";
        if ("text_card".equals(visualType)) {
            image = TextCardArt.paint(Headline.from(visualPrompt, scriptLine, 9), look, WIDTH, HEIGHT);
            file = dir.resolve(fileName(index, visualType));
        } else {
            image = Illustration.paint(look, index, visualPrompt, scriptLine, WIDTH, HEIGHT);
            file = dir.resolve(fileName(index, visualType));
            if (file.getFileName().toString().endsWith(".jpg")) {
                format = "jpg";
            }
        }
        write(image, format, file);
        return file;
    }

    /** {@code scene-<i>-ai.png}, {@code scene-<i>-stock.jpg} or {@code scene-<i>-card.png}. */
    public static String fileName(int index, String visualType) {
        return switch (visualType == null ? "" : visualType) {
            case "text_card" -> "scene-" + index + "-card.png";
            case "stock_image", "stock_video" -> "scene-" + index + "-stock.jpg";
            default -> "scene-" + index + "-ai.png";
        };
    }

    /** Writes through a temporary file so a reader never sees half an image. */
    static void write(BufferedImage image, String format, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        if (!ImageIO.write(image, format, tmp.toFile())) {
            throw new IOException("no ImageIO writer for " + format);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
