package org.reelflow.media.visuals;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A designed stand-in for a picture when no image provider is configured: a backdrop motif in the archetype's palette,
 * the prompt's key word set large in the upper third, and a vignette plus bottom scrim so captions stay legible.
 * The motif order depends on the mood and the scene index walks through it, so consecutive scenes never repeat a
 * motif; shapes and hues are seeded by scene and prompt, so a re-run paints the same card.
 */
public final class Illustration {

    static {
        Headless.ensure();
    }

    private Illustration() {
    }

    public static BufferedImage paint(CardLook look, int sceneIndex, String visualPrompt, String scriptLine,
                                      int width, int height) {
        long seed = 31L * sceneIndex + (visualPrompt == null ? 0 : visualPrompt.hashCode());
        Random random = new Random(seed);
        Palette palette = Palette.from(look, random);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        List<Motifs> order = motifOrder(look.mood());
        order.get(Math.floorMod(sceneIndex, order.size())).draw(g, random, palette, width, height);
        drawKeyword(g, palette, visualPrompt == null || visualPrompt.isBlank() ? scriptLine : visualPrompt, width, height);
        drawVignette(g, width, height);
        g.dispose();
        return img;
    }

    /** Calm moods lead with soft motifs, energetic ones with hard-edged ones; all five stay in the rotation. */
    static List<Motifs> motifOrder(String mood) {
        String m = mood == null ? "" : mood.toLowerCase(Locale.ROOT);
        List<Motifs> order = new ArrayList<>();
        if (m.matches(".*(energetic|punchy|bold|intense|dynamic|fast|electrif|action).*")) {
            order.addAll(List.of(Motifs.GEOMETRIC, Motifs.RAYS, Motifs.ORBS, Motifs.WAVES, Motifs.HORIZON));
        } else if (m.matches(".*(serene|warm|nostalg|dream|contemplat|intimate|calm|bittersweet).*")) {
            order.addAll(List.of(Motifs.HORIZON, Motifs.WAVES, Motifs.ORBS, Motifs.RAYS, Motifs.GEOMETRIC));
        } else {
            order.addAll(List.of(Motifs.ORBS, Motifs.HORIZON, Motifs.GEOMETRIC, Motifs.WAVES, Motifs.RAYS));
        }
        return order;
    }

    private static void drawKeyword(Graphics2D g, Palette p, String text, int w, int h) {
        List<String> keys = Headline.keywords(text, 2);
        if (keys.isEmpty()) {
            return;
        }
        String word = keys.get(0).toUpperCase(Locale.ROOT);
        float size = w * 0.2f;
        Font font = FontLibrary.font(FontLibrary.Face.SPARTAN_BLACK, size);
        FontMetrics fm = g.getFontMetrics(font);
        while (fm.stringWidth(word) > w * 0.86 && size > w * 0.06f) {
            size *= 0.92f;
            font = font.deriveFont(size);
            fm = g.getFontMetrics(font);
        }
        int x = (w - fm.stringWidth(word)) / 2;
        int y = Math.round(h * 0.24f);
        g.setFont(font);
        g.setColor(new Color(0, 0, 0, 90));
        g.drawString(word, x + w / 120, y + w / 120);
        g.setColor(Colors.withAlpha(p.text(), 235));
        g.drawString(word, x, y);
        g.setColor(p.light());
        g.fillRect((w - w / 5) / 2, y + fm.getDescent() + w / 40, w / 5, Math.max(2, w / 120));
        if (keys.size() > 1) {
            Font small = FontLibrary.font(FontLibrary.Face.INTER_SEMIBOLD, w * 0.035f);
            String second = String.join(" ", keys.get(1).toUpperCase(Locale.ROOT).split(""));
            FontMetrics sm = g.getFontMetrics(small);
            g.setFont(small);
            g.setColor(Colors.withAlpha(p.text(), 200));
            g.drawString(second, (w - sm.stringWidth(second)) / 2, y + fm.getDescent() + w / 40 + w / 12);
        }
    }

    private static void drawVignette(Graphics2D g, int w, int h) {
        g.setPaint(new RadialGradientPaint(new Point2D.Float(w / 2f, h / 2f), h * 0.75f, new float[] {0.55f, 1f},
                new Color[] {new Color(0, 0, 0, 0), new Color(0, 0, 0, 150)}));
        g.fillRect(0, 0, w, h);
        g.setPaint(new GradientPaint(0, h * 0.62f, new Color(0, 0, 0, 0), 0, h, new Color(0, 0, 0, 140)));
        g.fillRect(0, (int) (h * 0.62f), w, h - (int) (h * 0.62f));
    }
}
