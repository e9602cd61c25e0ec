package org.reelflow.media.render;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import org.reelflow.media.render.CaptionTrack.WordState;
import org.reelflow.media.visuals.Colors;

/**
 * Draws one caption chunk in a style. Every style shows the active word in the accent colour (as fill or as its
 * highlight box) from the word's first frame: karaoke_sweep's fill covers what has been said by the end of the frame
 * and an accent underline marks the word at once, so the colour never waits for the sweep.
 */
final class CaptionPainter {

    /** How one word looks in this frame: its state, the pop spring (0 → 1, may overshoot) and the sweep (0 → 1). */
    record WordLook(WordState state, double pop, double sweep) {
    }

    private static final Color GRADIENT_FROM = new Color(0x9F7AEA);
    private static final Color GRADIENT_TO = new Color(0xE53E3E);

    private final CaptionStyle style;
    private final Color accent;
    private final Color onAccent;

    CaptionPainter(CaptionStyle style, Color accent) {
        this.style = style;
        this.accent = accent;
        this.onAccent = Colors.luminance(accent) > 0.6 ? new Color(0x111111) : Color.WHITE;
    }

    /** Clears {@code band} and paints the chunk into it (band coordinates: x as the frame, y from the layout's band top). */
    void paint(BufferedImage band, CaptionLayout layout, WordLook[] looks) {
        Graphics2D g = band.createGraphics();
        g.setComposite(AlphaComposite.Clear);
        g.fillRect(0, 0, band.getWidth(), band.getHeight());
        g.setComposite(AlphaComposite.SrcOver);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        float k = layout.restSize / style.restSize;
        double[] scales = new double[looks.length];
        for (int i = 0; i < looks.length; i++) {
            scales[i] = looks[i].state() == WordState.ACTIVE ? 1 + (style.activeSize / style.restSize - 1) * looks[i].pop() : 1;
        }
        double[] centers = layout.centers(scales);
        if (style == CaptionStyle.BLOCK_IMPACT) {
            drawBlock(g, layout, centers, k);
        }
        for (int i = 0; i < layout.words.size(); i++) {
            drawWord(g, placed(layout.words.get(i), scales[i], centers[i]), looks[i], k);
        }
        g.dispose();
    }

    private void drawBlock(Graphics2D g, CaptionLayout layout, double[] centers, float k) {
        Rectangle2D all = null;
        for (int i = 0; i < layout.words.size(); i++) {
            Rectangle2D r = placed(layout.words.get(i), 1, centers[i]).getBounds2D();
            all = all == null ? r : all.createUnion(r);
        }
        double pad = 18 * k;
        g.setColor(new Color(0, 0, 0, 217));
        g.fill(new RoundRectangle2D.Double(all.getX() - pad, all.getY() - pad, all.getWidth() + 2 * pad,
                                           all.getHeight() + 2 * pad, 16 * k, 16 * k));
    }

    private void drawWord(Graphics2D g, Shape glyphs, WordLook look, float k) {
        boolean active = look.state() == WordState.ACTIVE;
        Rectangle2D box = glyphs.getBounds2D();
        switch (style) {
            case BOLD_OUTLINE -> {
                float alpha = alpha(look.state(), 0.5f, 0.85f);
                float stroke = (float) ((4 + 2 * (active ? look.pop() : 0)) * k);
                g.setComposite(AlphaComposite.SrcOver.derive(alpha));
                g.setStroke(new BasicStroke(stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.setColor(Color.BLACK);
                g.draw(glyphs);
                g.setColor(active ? accent : Color.WHITE);
                g.fill(glyphs);
            }
            case CLEAN -> {
                g.setComposite(AlphaComposite.SrcOver.derive(alpha(look.state(), 0.4f, 0.75f)));
                g.setColor(new Color(0, 0, 0, 140));
                g.fill(AffineTransform.getTranslateInstance(0, 3 * k).createTransformedShape(glyphs));
                g.setColor(active ? accent : Color.WHITE);
                g.fill(glyphs);
            }
            case GRADIENT_RISE -> {
                g.setComposite(AlphaComposite.SrcOver);
                if (look.state() == WordState.UNSPOKEN) {
                    g.setColor(new Color(255, 255, 255, 90));
                } else if (active) {
                    g.setColor(Colors.withAlpha(accent, 90));
                    g.setStroke(new BasicStroke(10 * k, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    g.draw(glyphs);
                    g.setColor(accent);
                } else {
                    g.setPaint(new GradientPaint((float) box.getMinX(), 0, GRADIENT_FROM, (float) box.getMaxX(), 0, GRADIENT_TO));
                }
                g.fill(glyphs);
            }
            case KARAOKE_SWEEP -> {
                g.setComposite(AlphaComposite.SrcOver);
                if (look.state() == WordState.SPOKEN) {
                    highlight(g, box, 8 * k, accent);
                    g.setColor(onAccent);
                    g.fill(glyphs);
                } else {
                    g.setColor(Color.WHITE);
                    g.fill(glyphs);
                }
                if (active) {
                    Shape clip = g.getClip();
                    g.clip(new Rectangle2D.Double(box.getMinX() - 2, box.getMinY() - 4,
                                                  box.getWidth() * look.sweep() + 2, box.getHeight() + 8));
                    g.setColor(accent);
                    g.fill(glyphs);
                    g.setClip(clip);
                    g.fill(new Rectangle2D.Double(box.getMinX(), box.getMaxY() + 6 * k, box.getWidth(), 5 * k));
                }
            }
            case COLOR_HIGHLIGHT -> {
                g.setComposite(AlphaComposite.SrcOver.derive(look.state() == WordState.UNSPOKEN ? 0.6f : 1f));
                if (active) {
                    highlight(g, box, 10 * k, accent);
                }
                g.setColor(active ? onAccent : Color.WHITE);
                g.fill(glyphs);
            }
            case BLOCK_IMPACT -> {
                g.setComposite(AlphaComposite.SrcOver.derive(alpha(look.state(), 0.3f, 0.7f)));
                g.setColor(active ? accent : Color.WHITE);
                g.fill(glyphs);
            }
            case BOX_HIGHLIGHT -> {
                g.setComposite(AlphaComposite.SrcOver);
                if (active) {
                    highlight(g, box, (2 + 8 * Math.min(1.2, look.pop())) * k, accent);
                } else if (look.state() == WordState.SPOKEN) {
                    highlight(g, box, 8 * k, new Color(255, 255, 255, 20));
                }
                g.setColor(active ? onAccent : Color.WHITE);
                g.fill(glyphs);
            }
        }
        g.setComposite(AlphaComposite.SrcOver);
    }

    /** The word's outline scaled about its centre and centred at {@code centerX} on its baseline. */
    private static Shape placed(CaptionLayout.Word w, double scale, double centerX) {
        Rectangle2D b = w.bounds();
        AffineTransform at = new AffineTransform();
        at.translate(centerX, w.baseline() + b.getCenterY());
        at.scale(scale, scale);
        at.translate(-b.getCenterX(), -b.getCenterY());
        return at.createTransformedShape(w.outline());
    }

    private static void highlight(Graphics2D g, Rectangle2D box, double pad, Color colour) {
        g.setColor(colour);
        g.fill(new RoundRectangle2D.Double(box.getX() - pad, box.getY() - pad * 0.8, box.getWidth() + 2 * pad,
                                           box.getHeight() + 1.6 * pad, 12, 12));
    }

    private static float alpha(WordState state, float unspoken, float spoken) {
        return switch (state) {
            case UNSPOKEN -> unspoken;
            case ACTIVE -> 1f;
            case SPOKEN -> spoken;
        };
    }
}
