package org.reelflow.media.visuals;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A text card in two layers, so the renderer can animate the words over a still background: the reference's
 * 135° gradient from the background colour to the accent at 0x22 alpha over black, and a foreground of the headline
 * (the card font, heaviest weight) with an accent bar under it. The block sits above the caption zone.
 */
public final class TextCardArt {

    /** Where the headline's lines, the accent bar and the whole block go on a {@code width × height} card. */
    public record Layout(Font font, List<String> lines, int lineHeight, int firstBaseline, Rectangle bar,
                         Rectangle bounds, int width) {
    }

    private static final int MAX_LINES = 5;

    static {
        Headless.ensure();
    }

    private TextCardArt() {
    }

    public static BufferedImage background(CardLook look, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Color bg = look.backgroundColor();
        Color end = Colors.mix(Color.BLACK, look.accentColor(), 0x22 / 255.0);
        // CSS 135deg: the gradient line runs towards the bottom-right and its ends touch the far corners.
        double half = (width + height) * Math.sqrt(0.5) / 2;
        double cx = width / 2.0;
        double cy = height / 2.0;
        double d = Math.sqrt(0.5);
        g.setPaint(new LinearGradientPaint(new Point2D.Double(cx - d * half, cy - d * half),
                                           new Point2D.Double(cx + d * half, cy + d * half),
                                           new float[] {0f, 1f}, new Color[] {bg, end}));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return img;
    }

    /** Fits the headline: starts at 132 px on a 1080-wide card and shrinks until it wraps into at most five lines. */
    public static Layout layout(String headline, CardLook look, int width, int height) {
        Headless.ensure();
        float scale = width / 1080f;
        FontLibrary.Face face = FontLibrary.forCardFont(look.textCardFont());
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = probe.createGraphics();
        int maxWidth = Math.round(880 * scale);
        Font font = null;
        List<String> lines = List.of();
        for (float size = 132 * scale; size >= 40 * scale; size -= 6 * scale) {
            font = FontLibrary.font(face, size);
            lines = wrap(headline, g.getFontMetrics(font), maxWidth);
            if (lines.size() <= MAX_LINES) {
                break;
            }
        }
        FontMetrics fm = g.getFontMetrics(font);
        g.dispose();
        int lineHeight = Math.round(fm.getHeight() * 1.02f);
        int gap = Math.round(44 * scale);
        int barHeight = Math.max(2, Math.round(6 * scale));
        int blockHeight = lineHeight * lines.size() + gap + barHeight;
        int centerY = Math.round(height * 0.42f);   // clear of the captions at the bottom 18 %
        int top = centerY - blockHeight / 2;
        int barWidth = width / 2;
        Rectangle bar = new Rectangle((width - barWidth) / 2, top + lineHeight * lines.size() + gap, barWidth, barHeight);
        int widest = lines.stream().mapToInt(fm::stringWidth).max().orElse(0);
        int left = Math.min(bar.x, (width - widest) / 2);
        int pad = Math.round(24 * scale);
        Rectangle bounds = new Rectangle(left - pad, top - pad, Math.max(widest, barWidth) + 2 * pad, blockHeight + 2 * pad);
        return new Layout(font, lines, lineHeight, top + fm.getAscent(), bar, bounds, width);
    }

    /**
     * Paints the headline and bar, scaled by {@code scale} about the block's centre (the reference's spring scale-in),
     * with the graphics already translated so that {@code originX, originY} of the card is at (0, 0).
     */
    public static void paintForeground(Graphics2D g, Layout layout, CardLook look, double scale, int originX, int originY) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        AffineTransform saved = g.getTransform();
        double cx = layout.bounds().getCenterX() - originX;
        double cy = layout.bounds().getCenterY() - originY;
        g.translate(cx, cy);
        g.scale(scale, scale);
        g.translate(-cx - originX, -cy - originY);
        g.setFont(layout.font());
        FontMetrics fm = g.getFontMetrics();
        g.setColor(look.textColor());
        int y = layout.firstBaseline();
        for (String line : layout.lines()) {
            g.drawString(line, (layout.width() - fm.stringWidth(line)) / 2f, y);
            y += layout.lineHeight();
        }
        g.setColor(look.accentColor());
        Rectangle bar = layout.bar();
        g.fillRoundRect(bar.x, bar.y, bar.width, bar.height, bar.height, bar.height);
        g.setTransform(saved);
    }

    /** The finished card (background and foreground at rest). */
    public static BufferedImage paint(String headline, CardLook look, int width, int height) {
        BufferedImage img = background(look, width, height);
        Graphics2D g = img.createGraphics();
        paintForeground(g, layout(headline, look, width, height), look, 1.0, 0, 0);
        g.dispose();
        return img;
    }

    static List<String> wrap(String text, FontMetrics fm, int maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (fm.stringWidth(candidate) <= maxWidth || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
