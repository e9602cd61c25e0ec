package org.reelflow.media.visuals;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RadialGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Point2D;
import java.util.Random;

/** The illustration backdrops: each draws a full-frame composition from a palette and a seeded random source. */
enum Motifs {

    ORBS {
        @Override
        void draw(Graphics2D g, Random r, Palette p, int w, int h) {
            g.setPaint(new GradientPaint(0, 0, p.mid(), 0, h, p.deep()));
            g.fillRect(0, 0, w, h);
            int n = 4 + r.nextInt(4);
            for (int i = 0; i < n; i++) {
                float radius = w * (0.18f + r.nextFloat() * 0.35f);
                float x = r.nextFloat() * w;
                float y = h * (0.1f + r.nextFloat() * 0.8f);
                Color c = p.any(r);
                g.setPaint(new RadialGradientPaint(new Point2D.Float(x, y), radius, new float[] {0f, 0.55f, 1f},
                        new Color[] {Colors.withAlpha(c, 230), Colors.withAlpha(c, 120), Colors.withAlpha(c, 0)}));
                g.fill(new Ellipse2D.Float(x - radius, y - radius, 2 * radius, 2 * radius));
            }
            g.setStroke(new BasicStroke(w * 0.012f));
            g.setColor(Colors.withAlpha(p.light(), 200));
            float ring = w * (0.25f + r.nextFloat() * 0.15f);
            g.draw(new Ellipse2D.Float(w / 2f - ring, h * 0.45f - ring, 2 * ring, 2 * ring));
        }
    },

    HORIZON {
        @Override
        void draw(Graphics2D g, Random r, Palette p, int w, int h) {
            g.setPaint(new GradientPaint(0, 0, p.deep(), 0, h * 0.6f, Colors.mix(p.mid(), p.light(), 0.3)));
            g.fillRect(0, 0, w, h);
            float sunR = w * (0.14f + r.nextFloat() * 0.1f);
            float sunX = w * (0.25f + r.nextFloat() * 0.5f);
            float sunY = h * (0.3f + r.nextFloat() * 0.12f);
            g.setPaint(new RadialGradientPaint(new Point2D.Float(sunX, sunY), sunR * 2.2f, new float[] {0f, 0.45f, 1f},
                    new Color[] {p.light(), Colors.withAlpha(p.accent(), 140), Colors.withAlpha(p.accent(), 0)}));
            g.fill(new Ellipse2D.Float(sunX - sunR * 2.2f, sunY - sunR * 2.2f, sunR * 4.4f, sunR * 4.4f));
            int layers = 4 + r.nextInt(2);
            for (int i = 0; i < layers; i++) {
                double t = (i + 1.0) / layers;
                float base = (float) (h * (0.45 + 0.5 * t));
                GeneralPath hill = new GeneralPath();
                hill.moveTo(0, h);
                double f1 = 1 + r.nextDouble() * 2;
                double f2 = 3 + r.nextDouble() * 4;
                double ph = r.nextDouble() * Math.PI * 2;
                for (int x = 0; x <= w; x += 12) {
                    double u = x / (double) w * Math.PI * 2;
                    hill.lineTo(x, base - h * 0.06 * Math.sin(u * f1 + ph) - h * 0.02 * Math.sin(u * f2 + ph * 2));
                }
                hill.lineTo(w, h);
                hill.closePath();
                g.setColor(Colors.mix(Colors.mix(p.mid(), p.accent2(), 0.4), p.deep(), t));
                g.fill(hill);
            }
        }
    },

    GEOMETRIC {
        @Override
        void draw(Graphics2D g, Random r, Palette p, int w, int h) {
            g.setColor(p.deep());
            g.fillRect(0, 0, w, h);
            int cols = 4;
            int cell = w / cols;
            for (int row = 0; row * cell < h; row++) {
                for (int col = 0; col < cols; col++) {
                    int x = col * cell;
                    int y = row * cell;
                    g.setColor(Colors.withAlpha(p.any(r), 150 + r.nextInt(100)));
                    switch (r.nextInt(5)) {
                        case 0 -> g.fillOval(x + cell / 8, y + cell / 8, cell * 3 / 4, cell * 3 / 4);
                        case 1 -> g.fillArc(x - cell * (r.nextInt(2)), y - cell * (r.nextInt(2)), 2 * cell, 2 * cell,
                                            90 * r.nextInt(4), 90);
                        case 2 -> g.fillPolygon(new Polygon(new int[] {x, x + cell, r.nextBoolean() ? x : x + cell},
                                                            new int[] {y + cell, y + cell, y}, 3));
                        case 3 -> g.fillRect(x + cell / 4, y + cell / 4, cell / 2, cell / 2);
                        default -> { /* an empty cell lets the grid breathe */ }
                    }
                }
            }
            Graphics2D band = (Graphics2D) g.create();
            band.setColor(Colors.withAlpha(p.accent(), 170));
            band.rotate(Math.toRadians(-20 - r.nextInt(30)), w / 2.0, h / 2.0);
            band.fillRect(-w, (int) (h * (0.35 + r.nextDouble() * 0.3)), 3 * w, (int) (w * 0.18));
            band.dispose();
        }
    },

    RAYS {
        @Override
        void draw(Graphics2D g, Random r, Palette p, int w, int h) {
            g.setColor(p.deep());
            g.fillRect(0, 0, w, h);
            float cx = w * (0.3f + r.nextFloat() * 0.4f);
            float cy = h * (0.35f + r.nextFloat() * 0.2f);
            int n = 16 + 2 * r.nextInt(7);
            double far = Math.hypot(w, h);
            for (int i = 0; i < n; i += 2) {
                double a0 = 2 * Math.PI * i / n;
                double a1 = 2 * Math.PI * (i + 1) / n;
                g.setColor(Colors.withAlpha(i % 4 == 0 ? p.mid() : p.accent2(), 170));
                g.fillPolygon(new Polygon(new int[] {(int) cx, (int) (cx + far * Math.cos(a0)), (int) (cx + far * Math.cos(a1))},
                                          new int[] {(int) cy, (int) (cy + far * Math.sin(a0)), (int) (cy + far * Math.sin(a1))}, 3));
            }
            for (int k = 4; k >= 1; k--) {
                float rad = w * 0.09f * k;
                g.setColor(k % 2 == 0 ? p.accent() : p.light());
                g.fill(new Ellipse2D.Float(cx - rad, cy - rad, 2 * rad, 2 * rad));
            }
        }
    },

    WAVES {
        @Override
        void draw(Graphics2D g, Random r, Palette p, int w, int h) {
            g.setPaint(new GradientPaint(0, 0, p.deep(), w, h, p.mid()));
            g.fillRect(0, 0, w, h);
            int bands = 6 + r.nextInt(4);
            double phase = r.nextDouble() * Math.PI * 2;
            for (int i = 0; i < bands; i++) {
                float y = h * (0.15f + 0.8f * i / bands);
                float amp = h * (0.02f + r.nextFloat() * 0.03f);
                GeneralPath band = new GeneralPath();
                band.moveTo(0, h);
                for (int x = 0; x <= w; x += 12) {
                    band.lineTo(x, y + amp * Math.sin(x / (double) w * Math.PI * 3 + phase + i * 0.7));
                }
                band.lineTo(w, h);
                band.closePath();
                g.setColor(Colors.withAlpha(Colors.mix(p.accent(), p.accent2(), i / (double) bands), 60 + 18 * i));
                g.fill(band);
            }
        }
    };

    abstract void draw(Graphics2D g, Random r, Palette p, int w, int h);
}
