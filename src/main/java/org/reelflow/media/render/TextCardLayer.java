package org.reelflow.media.render;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.reelflow.media.visuals.CardLook;
import org.reelflow.media.visuals.TextCardArt;

/**
 * A text card: the still gradient with the headline block springing in (the reference's damping 15, stiffness 100).
 * While the spring moves the block is repainted as vector text at its scale; once it rests, the finished card is kept
 * and copied.
 */
final class TextCardLayer implements SceneLayer {

    private static final Spring SCALE_IN = new Spring(15, 100, 1);

    private final YuvFrame background;
    private final TextCardArt.Layout layout;
    private final CardLook look;
    private final int fps;
    private final Rectangle area;
    private final BufferedImage scratch;
    private YuvFrame rested;

    TextCardLayer(String headline, CardLook look, VideoFormat format) {
        this.look = look;
        this.fps = format.fps();
        this.background = YuvFrame.fromImage(TextCardArt.background(look, format.width(), format.height()));
        this.layout = TextCardArt.layout(headline, look, format.width(), format.height());
        Rectangle b = layout.bounds();
        int growX = b.width / 10;     // the spring overshoots by a few per cent
        int growY = b.height / 10;
        int x0 = Math.max(0, b.x - growX) & ~1;
        int y0 = Math.max(0, b.y - growY) & ~1;
        int x1 = Math.min(format.width(), b.x + b.width + growX);
        int y1 = Math.min(format.height(), b.y + b.height + growY);
        this.area = new Rectangle(x0, y0, (x1 - x0) & ~1, (y1 - y0) & ~1);
        this.scratch = new BufferedImage(area.width, area.height, BufferedImage.TYPE_INT_ARGB_PRE);
    }

    @Override
    public void render(int localFrame, YuvFrame out) {
        double t = localFrame / (double) fps;
        double scale = SCALE_IN.at(t);
        boolean resting = t > 0.5 && Math.abs(scale - 1) < 0.002;
        if (resting && rested != null) {
            out.copyFrom(rested);
            return;
        }
        out.copyFrom(background);
        Sprite words = scale > 0.01 ? foreground(resting ? 1.0 : scale) : null;
        if (words != null) {
            words.blendOnto(out);
        }
        if (resting) {
            rested = new YuvFrame(out.width, out.height);
            rested.copyFrom(out);
        }
    }

    private Sprite foreground(double scale) {
        Graphics2D g = scratch.createGraphics();
        g.setComposite(java.awt.AlphaComposite.Clear);
        g.fillRect(0, 0, area.width, area.height);
        g.setComposite(java.awt.AlphaComposite.SrcOver);
        TextCardArt.paintForeground(g, layout, look, scale, area.x, area.y);
        g.dispose();
        return Sprite.of(scratch, area.x, area.y);
    }
}
