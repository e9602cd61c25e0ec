package org.reelflow.media.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A picture under a Ken Burns move. The picture is cover-fitted once, at the move's largest scale, with Java2D's
 * bicubic filter; each frame is then a bilinear shrink by at most that factor (see {@link Resampler}).
 */
final class StillLayer implements SceneLayer {

    private final YuvFrame source;
    private final double prepScale;
    private final Motion motion;
    private final double intensity;
    private final int frames;

    StillLayer(BufferedImage picture, Motion motion, double intensity, int frames, VideoFormat format) {
        this.motion = motion;
        this.intensity = intensity;
        this.frames = frames;
        this.prepScale = motion.maxScale(intensity);
        int w = (int) Math.round(format.width() * prepScale) & ~1;
        int h = (int) Math.round(format.height() * prepScale) & ~1;
        this.source = YuvFrame.fromImage(cover(picture, w, h));
    }

    @Override
    public void render(int localFrame, YuvFrame out) {
        Motion.Transform t = motion.at(localFrame / (double) frames, intensity);
        if (motion == Motion.STATIC) {
            out.copyFrom(source);   // prepared at exactly the frame size
        } else {
            Resampler.draw(source, source.width / (double) out.width, t, out);
        }
    }

    /** Scales and centre-crops {@code picture} to fill {@code w × h}, like CSS object-fit: cover. */
    static BufferedImage cover(BufferedImage picture, int w, int h) {
        if (picture.getWidth() == w && picture.getHeight() == h && picture.getType() == BufferedImage.TYPE_INT_RGB) {
            return picture;
        }
        double s = Math.max(w / (double) picture.getWidth(), h / (double) picture.getHeight());
        double dw = picture.getWidth() * s;
        double dh = picture.getHeight() * s;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(picture, (int) Math.round((w - dw) / 2), (int) Math.round((h - dh) / 2),
                    (int) Math.round(dw), (int) Math.round(dh), null);
        g.dispose();
        return out;
    }
}
