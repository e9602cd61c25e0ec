package org.reelflow.stages;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.Json;

import org.reelflow.catalog.Archetype;
import org.reelflow.catalog.Platform;
import org.reelflow.catalog.Platforms;
import org.reelflow.events.StageEvent;
import org.reelflow.events.StageName;
import org.reelflow.media.Previews;
import org.reelflow.media.audio.AudioMixer;
import org.reelflow.media.music.Selection;
import org.reelflow.providers.music.MusicResolver;
import org.reelflow.media.render.Look;
import org.reelflow.media.render.RenderJob;
import org.reelflow.media.render.RenderResult;
import org.reelflow.media.render.RenderScene;
import org.reelflow.media.render.Timeline;
import org.reelflow.media.render.VideoFormat;
import org.reelflow.media.render.VideoRenderer;
import org.reelflow.pipeline.Production;
import org.reelflow.pipeline.Stage;
import org.reelflow.pipeline.StageContext;
import org.reelflow.pipeline.StageResult;
import org.reelflow.score.Scene;

/**
 * Mixes voice and music, then renders {@code final.mp4} at the platform's size: {@code music} (if any), then
 * {@code rendering {totalFrames}} and {@code render_progress {frame,totalFrames}} about every second.
 */
public final class AssemblyStage implements Stage {

    private static final Logger LOG = Logger.getLogger(AssemblyStage.class.getName());

    private static final long PROGRESS_EVERY_NANOS = 1_000_000_000L;

    private final Platforms platforms;
    private final VideoRenderer renderer;

    public AssemblyStage(Platforms platforms, VideoRenderer renderer) {
        this.platforms = platforms;
        this.renderer = renderer;
    }

    @Override
    public StageName name() {
        return StageName.ASSEMBLY;
    }

    @Override
    public Optional<String> skipReason(StageContext ctx) {
        return DryRun.skipReason(ctx);
    }

    @Override
    public StageResult run(StageContext ctx) throws Exception {
        Production p = ctx.production();
        MusicResolver.Resolution music = p.music();
        if (music != null) {
            // The bundled track's real id (the reference sent the word "bundled"), or Lyria's generated track.
            Selection bundled = music.selection();
            String mood = p.score().musicMood();
            ctx.emit(new StageEvent.MusicSelected(bundled != null ? bundled.track().id() : "lyria-generated",
                                                  bundled != null ? bundled.track().mood() : mood, mood, music.fallback()));
            musicPreview(ctx, music.file());
        }
        Platform platform = platforms.require(ctx.request().platform());
        Archetype a = p.archetype();
        List<RenderScene> scenes = scenes(p);
        Look look = new Look(a.captionStyle(), a.captionChunkSize(), a.captionLingerS(), a.colorPalette().background(),
                             a.colorPalette().accent(), a.colorPalette().text(), a.textCardFont(), a.motionIntensity(),
                             a.transitionDurationFrames());
        VideoFormat format = new VideoFormat(platform.width(), platform.height(), platform.fps());
        int totalFrames = Timeline.plan(scenes, p.voiceover().words(), look.transitionDurationFrames(), format.fps())
                                  .totalFrames();
        Path audio = ctx.runDir().resolve("assets").resolve("mix.wav");
        AudioMixer.mix(p.voiceover().audio(), music == null ? null : music.file(), totalFrames / (double) format.fps(), audio);
        ctx.emit(new StageEvent.Rendering(totalFrames));
        long[] lastReport = {System.nanoTime()};
        RenderResult result = renderer.render(new RenderJob(scenes, p.voiceover().words(), audio, look, format),
                                              ctx.runDir().resolve("final.mp4"), (frame, total) -> {
            long now = System.nanoTime();
            if (now - lastReport[0] >= PROGRESS_EVERY_NANOS || frame == total) {
                lastReport[0] = now;
                ctx.emit(new StageEvent.RenderProgress(frame, total));
            }
        });
        p.video(result);
        ctx.job().output("videoPath", Json.createValue(ctx.runDir().getFileName() + "/final.mp4"));
        return StageResult.complete(String.format(Locale.ROOT, "%.1fs video", result.totalFrames() / (double) format.fps()));
    }

    /**
     * OpenReels keeps the job's track at {@code <runDir>/_remotion_public/music.mp3}, and its web UI plays it from
     * there (a {@code HEAD} first, then {@code <audio>}). Ours is a WAV in the shared library (or Lyria's file), so
     * the run folder gets a real MP3 of it. Only a preview: a failure is logged and the video goes on.
     */
    private static void musicPreview(StageContext ctx, Path track) throws InterruptedException {
        try {
            Previews.mp3(track, ctx.runDir().resolve("_remotion_public").resolve("music.mp3"));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "job " + ctx.job().id() + ": no music preview: " + e.getMessage());
        }
    }

    /** The plan's scenes with their pictures; text cards are animated by the renderer itself. */
    private static List<RenderScene> scenes(Production p) {
        List<RenderScene> out = new ArrayList<>();
        List<Scene> plan = p.score().scenes();
        String fallback = p.archetype().defaultTransition();
        for (int i = 0; i < plan.size(); i++) {
            Scene s = plan.get(i);
            String transition = s.transition() != null ? s.transition() : fallback == null ? "none" : fallback;
            Path asset = "text_card".equals(s.visualType()) ? null : p.sceneAssets().get(i);
            out.add(new RenderScene(s.visualType(), s.motion(), transition, s.scriptLine(), s.visualPrompt(), asset));
        }
        return out;
    }
}
