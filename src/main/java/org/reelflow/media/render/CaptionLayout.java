package org.reelflow.media.render;

import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reelflow.media.TimedWord;
import org.reelflow.media.visuals.FontLibrary;

/**
 * Where each word of a chunk sits: centred lines no wider than 85 % of the frame, the block's bottom 18 % of the
 * height above the bottom edge. Line breaks are fixed at rest size; within a line, a popping word pushes its
 * neighbours aside as the reference's inline text does, instead of overlapping them.
 */
final class CaptionLayout {

    /** A word's outline at rest size with its baseline-left at (0, 0), its line, and its baseline in the band. */
    record Word(Shape outline, Rectangle2D bounds, double advance, int line, double baseline) {
    }

    final List<Word> words;
    final int bandTop;
    final int bandHeight;
    final float restSize;
    private final double space;
    private final double frameWidth;

    private CaptionLayout(List<Word> words, int bandTop, int bandHeight, float restSize, double space, double frameWidth) {
        this.words = words;
        this.bandTop = bandTop;
        this.bandHeight = bandHeight;
        this.restSize = restSize;
        this.space = space;
        this.frameWidth = frameWidth;
    }

    /** Each word's centre x when drawn at {@code scales[i]} × rest size: every line re-centred with its grown words. */
    double[] centers(double[] scales) {
        double[] centers = new double[words.size()];
        int i = 0;
        while (i < words.size()) {
            int line = words.get(i).line();
            int end = i;
            double width = -space;
            while (end < words.size() && words.get(end).line() == line) {
                width += space + words.get(end).advance() * scales[end];
                end++;
            }
            double x = (frameWidth - width) / 2;
            for (int j = i; j < end; j++) {
                double w = words.get(j).advance() * scales[j];
                centers[j] = x + w / 2;
                x += w + space;
            }
            i = end;
        }
        return centers;
    }

    static CaptionLayout of(List<TimedWord> chunk, CaptionStyle style, VideoFormat format) {
        float k = format.width() / 1080f;
        float size = style.restSize * k;
        Font font = FontLibrary.font(style.face, size);
        FontRenderContext frc = new FontRenderContext(null, true, true);
        double space = new TextLayout(" ", font, frc).getAdvance() * 1.1;
        double maxWidth = format.width() * 0.85 / (style.activeSize / style.restSize);
        List<List<Integer>> lines = new ArrayList<>();
        List<TextLayout> layouts = new ArrayList<>();
        double lineWidth = 0;
        for (int i = 0; i < chunk.size(); i++) {
            String text = style.uppercase ? chunk.get(i).word().toUpperCase(Locale.ROOT) : chunk.get(i).word();
            TextLayout tl = new TextLayout(text.isEmpty() ? " " : text, font, frc);
            layouts.add(tl);
            double w = tl.getAdvance();
            if (lines.isEmpty() || lineWidth + space + w > maxWidth && !lines.getLast().isEmpty()) {
                lines.add(new ArrayList<>());
                lineWidth = -space;
            }
            lines.getLast().add(i);
            lineWidth += space + w;
        }
        double lineHeight = size * 1.35;
        double margin = size * 0.6;   // room for the pop and for highlight boxes
        int bandHeight = (int) Math.ceil(lines.size() * lineHeight + 2 * margin) + 1 & ~1;
        int bandBottom = Math.round(format.height() * (1 - 0.18f));
        int bandTop = (bandBottom - bandHeight) & ~1;
        List<Word> words = new ArrayList<>();
        for (int l = 0; l < lines.size(); l++) {
            double baseline = margin + l * lineHeight + size * 1.0;
            for (int i : lines.get(l)) {
                TextLayout tl = layouts.get(i);
                Shape outline = tl.getOutline(null);
                words.add(new Word(outline, new Rectangle2D.Double(0, -tl.getAscent(), tl.getAdvance(),
                                                                   tl.getAscent() + tl.getDescent()),
                                   tl.getAdvance(), l, baseline));
            }
        }
        return new CaptionLayout(words, bandTop, bandHeight, size, space, format.width());
    }
}
