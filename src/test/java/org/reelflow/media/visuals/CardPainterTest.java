package org.reelflow.media.visuals;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardPainterTest {

    private static final CardLook LOOK = new CardLook("#1a1a2e", "#e94560", "#ffffff", "Inter",
                                                      "Bold, provocative, narrative-driven, theatrical.");

    @TempDir
    Path dir;

    @Test
    void namesFilesLikeTheReference() {
        assertThat(CardPainter.fileName(0, "ai_image"), is("scene-0-ai.png"));
        assertThat("a drawn fallback is named like OpenReels' AI fallback", CardPainter.fileName(3, "stock_image"),
                   is("scene-3-ai.png"));
        assertThat(CardPainter.fileName(3, "stock_video"), is("scene-3-ai.png"));
        assertThat(CardPainter.fileName(4, "ai_video"), is("scene-4-ai.png"));
        assertThat(CardPainter.fileName(2, "text_card"), is("scene-2-card.png"));
    }

    @Test
    void textCardShowsItsHeadlineInTheTextColourAboveTheCaptionZone() throws IOException {
        Path file = CardPainter.paintScene(dir, 1, "text_card", "Bold text reading: 2,000 years of salt", "unused", LOOK);
        BufferedImage img = ImageIO.read(file.toFile());
        assertThat(img.getWidth(), is(1080));
        assertThat(img.getHeight(), is(1920));
        TextCardArt.Layout layout = TextCardArt.layout("2,000 years of salt", LOOK, 1080, 1920);
        int white = countNear(img, Color.WHITE, 0, layout.bounds().y, 1080, layout.bounds().height, 40);
        assertThat("headline pixels", white, greaterThan(5_000));
        assertThat("headline ends above the captions", layout.bounds().y + layout.bounds().height, lessThan(1920 - 400));
        int accent = countNear(img, new Color(0xe94560), layout.bar().x, layout.bar().y, layout.bar().width,
                               layout.bar().height, 40);
        assertThat("accent bar", accent, greaterThan(layout.bar().width * layout.bar().height / 2));
        assertThat("no text outside the block", countNear(img, Color.WHITE, 0, 1500, 1080, 420, 40), is(0));
    }

    @Test
    void illustrationsAreNeverBlankAndDifferPerScene() throws IOException {
        BufferedImage a = ImageIO.read(CardPainter.paintScene(dir, 0, "ai_image", "Ancient salt caravans crossing dunes",
                                                              "x", LOOK).toFile());
        BufferedImage b = ImageIO.read(CardPainter.paintScene(dir, 1, "stock_image", "Roman soldiers paid in salt",
                                                              "x", LOOK).toFile());
        assertThat(distinctColours(a), greaterThan(100));
        assertThat(distinctColours(b), greaterThan(100));
        assertThat("scenes look different", meanAbsDifference(a, b), greaterThan(12.0));
    }

    @Test
    void consecutiveScenesUseDifferentMotifs() {
        var order = Illustration.motifOrder("Serene, wondrous");
        for (int i = 0; i < 10; i++) {
            assertThat(order.get(i % order.size()) != order.get((i + 1) % order.size()), is(true));
        }
    }

    static int countNear(BufferedImage img, Color c, int x0, int y0, int w, int h, int tolerance) {
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y0 + h); y++) {
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x0 + w); x++) {
                int rgb = img.getRGB(x, y);
                if (Math.abs((rgb >> 16 & 255) - c.getRed()) <= tolerance && Math.abs((rgb >> 8 & 255) - c.getGreen()) <= tolerance
                        && Math.abs((rgb & 255) - c.getBlue()) <= tolerance) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                seen.add(img.getRGB(x, y) & 0xF8F8F8);
            }
        }
        return seen.size();
    }

    private static double meanAbsDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        long n = 0;
        for (int y = 0; y < a.getHeight(); y += 5) {
            for (int x = 0; x < a.getWidth(); x += 5) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                sum += Math.abs((p >> 16 & 255) - (q >> 16 & 255)) + Math.abs((p >> 8 & 255) - (q >> 8 & 255))
                       + Math.abs((p & 255) - (q & 255));
                n += 3;
            }
        }
        return sum / (double) n;
    }
}
