package org.reelflow.media.render;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reelflow.media.TimedWord;
import org.reelflow.media.render.CaptionPainter.WordLook;
import org.reelflow.media.render.CaptionTrack.WordState;

/**
 * Puts the captions on each frame. Word states come from the frame's own time {@code t = frame / fps}, so a word turns
 * active on the first frame at or after its start and not one frame before. A chunk is repainted only when what it
 * shows changes (a state, or the pop/sweep moved by a visible step); otherwise the previous sprite is blended again.
 */
final class CaptionLayer {

    private final CaptionTrack track;
    private final CaptionStyle style;
    private final CaptionPainter painter;
    private final VideoFormat format;
    private final Map<Integer, CaptionLayout> layouts = new HashMap<>();
    private BufferedImage band;
    private int[] lastKey;
    private Sprite sprite;

    CaptionLayer(List<TimedWord> words, Look look, VideoFormat format) {
        this.track = new CaptionTrack(words, look.captionChunkSize(), look.captionLingerS());
        this.style = CaptionStyle.parse(look.captionStyle());
        this.painter = new CaptionPainter(style, org.reelflow.media.visuals.Colors.parse(look.accent(), Color.YELLOW));
        this.format = format;
    }

    void drawOnto(int frame, YuvFrame out) {
        double t = frame / (double) format.fps();
        int chunk = track.visibleChunkAt(t);
        if (chunk < 0) {
            return;
        }
        List<TimedWord> words = track.chunks().get(chunk);
        WordLook[] looks = new WordLook[words.size()];
        int[] key = new int[words.size() * 3 + 1];
        key[0] = chunk;
        for (int i = 0; i < words.size(); i++) {
            TimedWord w = words.get(i);
            WordState state = CaptionTrack.state(w, t);
            double pop = state == WordState.ACTIVE ? style.pop.at(t - w.start()) : 0;
            double length = Math.max(1e-6, w.end() - w.start());
            // the sweep shows what has been said by the end of this frame, so it is never empty on the first one
            double sweep = state == WordState.ACTIVE ? Math.min(1, (t + 1.0 / format.fps() - w.start()) / length) : 0;
            looks[i] = new WordLook(state, pop, sweep);
            key[1 + 3 * i] = state.ordinal();
            key[2 + 3 * i] = (int) Math.round(pop * 50);
            key[3 + 3 * i] = style == CaptionStyle.KARAOKE_SWEEP ? (int) Math.round(sweep * 100) : 0;
        }
        if (!Arrays.equals(key, lastKey)) {
            CaptionLayout layout = layouts.computeIfAbsent(chunk, c -> CaptionLayout.of(words, style, format));
            if (band == null || band.getHeight() < layout.bandHeight) {
                band = new BufferedImage(format.width(), layout.bandHeight, BufferedImage.TYPE_INT_ARGB_PRE);
            }
            painter.paint(band, layout, looks);
            sprite = Sprite.of(band, 0, layout.bandTop);
            lastKey = key;
        }
        if (sprite != null) {
            sprite.blendOnto(out);
        }
    }
}
