package org.reelflow.media.render;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.isOneOf;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelflow.media.ExternalProcess;
import org.reelflow.media.TimedWord;
import org.reelflow.media.inspect.FrameGrabber;
import org.reelflow.media.inspect.QualityScan;
import org.reelflow.media.inspect.VideoProbe;
import org.reelflow.media.visuals.TextCardArt;

/**
 * Renders one short 7.6 s video and checks the file and chosen frames. Timing, by hand (30 fps):
 * scene 0 "alpha beta" 0.20–1.50 s → max(1.8, 2) s = 60 frames, crossfade of 12 into scene 1 (starts at frame 48);
 * scene 1 "gamma delta" 1.70–2.60 → 60 frames, cut into scene 2 at frame 108 (text card, "epsilon" 2.80–3.20, 60);
 * scene 3 a stock clip "zeta" 3.60–4.00 from frame 168 (60). Total 240 − 12 = 228 frames = 7.6 s.
 */
class RenderedShortTest {

    static final Color SCENE0 = new Color(200, 40, 40);
    static final Color SCENE1 = new Color(40, 40, 200);
    static final Color ACCENT = new Color(0x22DD22);
    static final int TOTAL = 228;

    @TempDir
    static Path dir;
    static Path video;
    static RenderResult result;
    static final List<long[]> progress = new ArrayList<>();

    static final List<TimedWord> WORDS = List.of(
            new TimedWord("alpha", 0.20, 0.60), new TimedWord("beta", 1.21, 1.50),
            new TimedWord("gamma", 1.70, 2.10), new TimedWord("delta", 2.20, 2.60),
            new TimedWord("epsilon", 2.80, 3.20), new TimedWord("zeta", 3.60, 4.00));

    @BeforeAll
    static void render() throws Exception {
        Path audio = dir.resolve("voice.wav");
        run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=f=300:d=7.6", "-ar", "48000", audio.toString());
        Path clip = dir.resolve("scene-3-stock.mp4");
        run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=s=640x360:r=30:d=1", "-pix_fmt", "yuv420p",
            clip.toString());
        List<RenderScene> scenes = List.of(
                new RenderScene("ai_image", "static", "crossfade", "alpha beta", "red", flat(SCENE0, "scene-0-ai.png")),
                new RenderScene("stock_image", "static", "none", "gamma delta", "blue", flat(SCENE1, "scene-1-stock.png")),
                new RenderScene("text_card", "static", "none", "epsilon", "Bold text reading: Salt money", null),
                new RenderScene("stock_video", "static", "none", "zeta", "test pattern", clip));
        Look look = new Look("bold_outline", 5, 0.3, "#101018", "#22DD22", "#ffffff", "Inter", 1.2, 12);
        video = dir.resolve("final.mp4");
        long t0 = System.nanoTime();
        result = new VideoRenderer().render(new RenderJob(scenes, WORDS, audio, look, VideoFormat.SHORTS), video,
                                            (f, n) -> progress.add(new long[] {System.nanoTime() - t0, f, n}));
    }

    @Test
    void timingIsTheHandComputedOne() {
        assertThat(result.totalFrames(), is(TOTAL));
        assertThat(result.sceneFrames(), is(List.of(60, 60, 60, 60)));
    }

    @Test
    void fileIsADeliverableShort() throws Exception {
        VideoProbe.Info info = VideoProbe.probe(video);
        assertThat(info.videoCodec(), is("h264"));
        assertThat(info.profile(), isOneOf("High", "Main"));
        assertThat(info.pixelFormat(), is("yuv420p"));
        assertThat(info.width(), is(1080));
        assertThat(info.height(), is(1920));
        assertThat(info.fps(), closeTo(30, 1e-9));
        double audioSeconds = Double.parseDouble(run("ffprobe", "-v", "error", "-show_entries", "format=duration",
                                                     "-of", "csv=p=0", dir.resolve("voice.wav").toString()).strip());
        assertThat(info.durationSeconds(), closeTo(audioSeconds, 0.1));
        assertThat(info.durationSeconds(), closeTo(TOTAL / 30.0, 0.1));
        assertThat(info.audioCodec(), is("aac"));
        assertThat(info.sampleRate(), is(48000));
        assertThat(info.faststart(), is(true));
        assertThat(Files.exists(dir.resolve("final.mp4.part")), is(false));
    }

    @Test
    void activeWordTakesTheAccentOnItsStartFrameAndNotBefore() throws Exception {
        // alpha starts at exactly 0.20 s = frame 6; frame 5 shows no caption at all
        assertThat(accentPixels(FrameGrabber.frame(video, 6)), greaterThan(300));
        assertThat(accentPixels(FrameGrabber.frame(video, 5)), lessThan(20));
        // beta starts at 1.21 s: frame 36 (1.200 s) still has alpha spoken and beta unspoken, frame 37 (1.233 s) is beta's
        assertThat(accentPixels(FrameGrabber.frame(video, 36)), lessThan(20));
        assertThat(accentPixels(FrameGrabber.frame(video, 37)), greaterThan(300));
    }

    @Test
    void crossfadeMidpointMixesBothScenes() throws Exception {
        assertNear(FrameGrabber.frame(video, 47).getRGB(540, 300), SCENE0, 8);
        // frame 54 is 6 of 12 frames into the crossfade: p = 0.5
        Color mid = new Color((SCENE0.getRed() + SCENE1.getRed()) / 2, 40, (SCENE0.getBlue() + SCENE1.getBlue()) / 2);
        assertNear(FrameGrabber.frame(video, 54).getRGB(540, 300), mid, 8);
        assertNear(FrameGrabber.frame(video, 60).getRGB(540, 300), SCENE1, 8);
    }

    @Test
    void textCardShowsItsHeadlineRegion() throws Exception {
        BufferedImage frame = FrameGrabber.frame(video, 150);   // 1.4 s into the card: the spring has settled
        TextCardArt.Layout layout = TextCardArt.layout("Salt money",
                new org.reelflow.media.visuals.CardLook("#101018", "#22DD22", "#ffffff", "Inter", null), 1080, 1920);
        Rectangle b = layout.bounds();
        assertThat(countNear(frame, Color.WHITE, b, 40), greaterThan(5_000));
        assertThat(countNear(frame, Color.WHITE, new Rectangle(0, 100, 1080, 300), 40), is(0));
    }

    @Test
    void stockClipIsDecodedIntoItsScene() throws Exception {
        BufferedImage frame = FrameGrabber.frame(video, 200);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < 1920; y += 40) {
            for (int x = 0; x < 1080; x += 40) {
                colours.add(frame.getRGB(x, y) & 0xE0E0E0);
            }
        }
        assertThat("a test pattern, not a flat or black frame", colours.size(), greaterThan(12));
    }

    @Test
    void progressArrivesAtLeastEverySecondAndEndsComplete() {
        assertThat(progress.size(), greaterThanOrEqualTo(2));
        long previous = 0;
        long previousFrame = 0;
        for (long[] p : progress) {
            assertThat("gap between progress calls (ns)", p[0] - previous, lessThanOrEqualTo(1_000_000_000L));
            assertThat(p[1], greaterThanOrEqualTo(previousFrame));
            assertThat(p[2], is((long) TOTAL));
            previous = p[0];
            previousFrame = p[1];
        }
        assertThat(progress.getLast()[1], is((long) TOTAL));
    }

    @Test
    void audioLoudnessIsMeasured() throws Exception {
        QualityScan.Result scan = QualityScan.scan(video);
        assertThat(scan.integratedLufs(), greaterThan(-30.0));
        assertThat(scan.integratedLufs(), lessThan(-5.0));
        assertThat(scan.black().isEmpty(), is(true));
    }

    static int accentPixels(BufferedImage frame) {
        return countNear(frame, ACCENT, new Rectangle(0, 1100, 1080, 600), 60);
    }

    static int countNear(BufferedImage img, Color c, Rectangle r, int tolerance) {
        int n = 0;
        for (int y = Math.max(0, r.y); y < Math.min(img.getHeight(), r.y + r.height); y++) {
            for (int x = Math.max(0, r.x); x < Math.min(img.getWidth(), r.x + r.width); x++) {
                int p = img.getRGB(x, y);
                if (Math.abs((p >> 16 & 255) - c.getRed()) <= tolerance && Math.abs((p >> 8 & 255) - c.getGreen()) <= tolerance
                        && Math.abs((p & 255) - c.getBlue()) <= tolerance) {
                    n++;
                }
            }
        }
        return n;
    }

    static void assertNear(int rgb, Color expected, int tolerance) {
        assertThat("red of " + Integer.toHexString(rgb), (double) (rgb >> 16 & 255), closeTo(expected.getRed(), tolerance));
        assertThat("green of " + Integer.toHexString(rgb), (double) (rgb >> 8 & 255), closeTo(expected.getGreen(), tolerance));
        assertThat("blue of " + Integer.toHexString(rgb), (double) (rgb & 255), closeTo(expected.getBlue(), tolerance));
    }

    private static Path flat(Color c, String name) throws Exception {
        BufferedImage img = new BufferedImage(1080, 1920, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 1080, 1920);
        g.dispose();
        Path p = dir.resolve(name);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    static String run(String... cmd) throws Exception {
        ExternalProcess.Result r = ExternalProcess.run(List.of(cmd), null, null);
        if (!r.ok()) {
            throw new IllegalStateException(String.join(" ", cmd) + ": " + r.output());
        }
        return r.output();
    }
}
