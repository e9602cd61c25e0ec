package org.reelflow.stages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.reelflow.catalog.Archetype;
import org.reelflow.cost.SpendGuard;
import org.reelflow.events.StageEvent;
import org.reelflow.events.StageName;
import org.reelflow.media.Previews;
import org.reelflow.media.visuals.CardLook;
import org.reelflow.media.visuals.CardPainter;
import org.reelflow.pipeline.Scope;
import org.reelflow.pipeline.Stage;
import org.reelflow.pipeline.StageContext;
import org.reelflow.pipeline.StageResult;
import org.reelflow.media.render.Timeline;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.image.ImageGenerator;
import org.reelflow.providers.stock.AdaptiveStockResolver;
import org.reelflow.providers.stock.StockResolution;
import org.reelflow.providers.video.VideoGenerator;
import org.reelflow.providers.video.VideoOutcome;
import org.reelflow.providers.video.VideoResolver;
import org.reelflow.writer.ImagePrompter;
import org.reelflow.providers.music.MusicResolver;
import org.reelflow.score.DirectorScore;
import org.reelflow.score.Scene;

/**
 * One asset per scene, made concurrently in a child scope with bounded parallelism, each announced by an
 * {@code asset} event the moment it lands; the music is resolved beside them. By {@code visual_type}:
 * {@code ai_image} is generated (a failure is reported with {@code asset_failed} and the scene gets a designed
 * card; without an image provider it is a card); {@code stock_image}/{@code stock_video} go through the adaptive
 * stock resolver (its events forwarded) with the AI picture as fallback; {@code ai_video} makes its first frame,
 * then runs the video chain (primary, secondary, still frame); {@code text_card} is a card. Never a blank frame.
 * A cancel interrupts the scope's tasks, which ends provider calls and polling loops at once.
 */
public final class VisualsStage implements Stage {

    private static final Logger LOG = Logger.getLogger(VisualsStage.class.getName());

    private final int parallelism;

    public VisualsStage(int parallelism) {
        this.parallelism = parallelism;
    }

    @Override
    public StageName name() {
        return StageName.VISUALS;
    }

    @Override
    public Optional<String> skipReason(StageContext ctx) {
        return DryRun.skipReason(ctx);
    }

    @Override
    public StageResult run(StageContext ctx) throws Exception {
        DirectorScore score = ctx.production().score();
        List<Scope.Subtask<Path>> pictures = new ArrayList<>();
        Scope.Subtask<MusicResolver.Resolution> music;
        try (Scope scope = new Scope("job-" + ctx.job().id() + "-visuals", parallelism)) {
            music = scope.fork(() -> resolveMusic(ctx, score));
            List<Double> seconds = sceneSeconds(ctx, score);
            for (int i = 0; i < score.scenes().size(); i++) {
                int index = i;
                pictures.add(scope.fork(() -> picture(ctx, index, score.scenes().get(index), seconds.get(index))));
            }
            scope.join();
        }
        ctx.production().sceneAssets(pictures.stream().map(Scope.Subtask::get).toList());
        MusicResolver.Resolution resolution = music.get();
        ctx.production().music(resolution);
        if (resolution != null) {
            ctx.emit(resolution.resolvedEvent());
        }
        return StageResult.complete(pictures.size() + "/" + score.scenes().size() + " assets");
    }

    /**
     * The scene's asset by its {@code visual_type}; announced by exactly one {@code asset} event whose
     * {@code visualType} is what was really made ({@code ai_image}, {@code stock_image}, {@code stock_video},
     * {@code ai_video}, or {@code text_card} for a designed card).
     */
    private Path picture(StageContext ctx, int index, Scene scene, double sceneSeconds) throws Exception {
        Made made = switch (scene.visualType()) {
            case "text_card" -> card(ctx, index, scene);
            case "stock_image", "stock_video" -> stock(ctx, index, scene);
            case "ai_video" -> video(ctx, index, scene, sceneSeconds);
            default -> imageOrCard(ctx, index, scene, null);
        };
        plannedNameShows(ctx, index, scene.visualType(), made.file());
        ctx.emit(new StageEvent.Asset(index, made.type(), ctx.runDir().getFileName() + "/assets/" + made.file().getFileName()));
        return made.file();
    }

    /**
     * The file name OpenReels' web UI derives from the plan's {@code visual_type}; null for a text card (it shows
     * no thumbnail). It uses these names unless the stream told it the scene fell back, which it forgets on reload.
     */
    static String plannedFileName(int index, String visualType) {
        return switch (visualType) {
            case "ai_image" -> "scene-" + index + "-ai.png";
            case "ai_video" -> "scene-" + index + "-ai-video.mp4";
            case "stock_image" -> "scene-" + index + "-stock.jpg";
            case "stock_video" -> "scene-" + index + "-stock.mp4";
            default -> null;
        };
    }

    /**
     * When a scene's picture is not under its planned name (a stock or video scene that fell back to a picture),
     * makes that name show the picture, so OpenReels' storyboard after a reload, and its gallery, which ask by the
     * plan, find it: a relative link (inside the job's folder; served as what it is) where the UI shows an image,
     * a one-second still clip where it plays a {@code <video>}. Only a thumbnail: the renderer uses the asset
     * itself, so a failure here is logged and the scene goes on.
     */
    private static void plannedNameShows(StageContext ctx, int index, String visualType, Path asset)
            throws InterruptedException {
        String planned = plannedFileName(index, visualType);
        String name = asset.getFileName().toString();
        if (planned == null || planned.equals(name) || !name.matches(".*\\.(png|jpg|webp)")) {
            return;
        }
        Path standIn = asset.resolveSibling(planned);
        try {
            Files.deleteIfExists(standIn);
            if (planned.endsWith(".mp4")) {
                Previews.stillClip(asset, standIn);
            } else {
                Files.createSymbolicLink(standIn, Path.of(name));
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "job " + ctx.job().id() + ": no " + planned + " for the storyboard: " + e.getMessage());
        }
    }

    /** An asset and what it is. */
    private record Made(Path file, String type) {
    }

    /** A generated picture, or a designed card when there is no image provider or it failed ({@code asset_failed}). */
    private Made imageOrCard(StageContext ctx, int index, Scene scene, String rejectionContext) throws Exception {
        Path file = aiImage(ctx, index, scene, rejectionContext);
        return file != null ? new Made(file, "ai_image") : card(ctx, index, scene);
    }

    /**
     * {@code scene-<i>-ai.png} from the image provider with the (LLM-optimised) prompt; a safety refusal is re-prompted
     * once with a sanitising context. Null without an image provider, or after a reported failure.
     */
    private Path aiImage(StageContext ctx, int index, Scene scene, String rejectionContext) throws Exception {
        ImageGenerator images = ctx.production().images();
        if (images == null) {
            return null;
        }
        Path out = ctx.runDir().resolve("assets").resolve(plannedFileName(index, "ai_image"));
        double price = SpendGuard.imagePrice(images.provider());
        if (!ctx.production().spendGuard().allow(price)) {
            ctx.recoverableError(name(), ctx.production().spendGuard().refusal("Scene " + (index + 1) + "'s "
                    + images.provider() + " image", price) + ": it gets a designed card instead");
            return null;
        }
        try {
            try {
                return images.generate(prompt(ctx, index, scene, rejectionContext), out);
            } catch (ProviderException e) {
                if (!ImagePrompter.isSafetyRejection(e)) {
                    throw e;
                }
                ctx.checkCancelled();
                String context = (rejectionContext == null ? "" : rejectionContext + "\n") + ImagePrompter.SAFETY_CONTEXT;
                return images.generate(prompt(ctx, index, scene, context), out);
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            ctx.checkCancelled();
            ctx.emit(new StageEvent.AssetFailed(index, e.getMessage() == null ? e.toString() : e.getMessage()));
            Files.deleteIfExists(out);
            return null;
        }
    }

    private static String prompt(StageContext ctx, int index, Scene scene, String rejectionContext) throws InterruptedException {
        ImagePrompter prompter = ctx.production().imagePrompter();
        Archetype a = ctx.production().archetype();
        double call = SpendGuard.smallCallPrice(ctx.production().providers().llm());
        if (prompter != null && ctx.production().spendGuard().wouldPass(call)) {
            ctx.recoverableError(StageName.VISUALS, ctx.production().spendGuard().refusal(
                    "Scene " + (index + 1) + "'s image prompt", call) + ": using the archetype's style prompt");
            prompter = null;
        }
        return prompter == null ? ImagePrompter.stylePrompt(a, scene.visualPrompt(), rejectionContext)
                : prompter.optimize(ImagePrompter.Mode.IMAGE, a, index, ctx.production().score().scenes().size(),
                                    scene.visualPrompt(), scene.scriptLine(), rejectionContext);
    }

    private Made card(StageContext ctx, int index, Scene scene) throws Exception {
        Archetype a = ctx.production().archetype();
        CardLook look = new CardLook(a.colorPalette().background(), a.colorPalette().accent(),
                                     a.colorPalette().text(), a.textCardFont(), a.mood());
        return new Made(CardPainter.paintScene(ctx.runDir().resolve("assets"), index, scene.visualType(), scene.visualPrompt(),
                                               scene.scriptLine(), look), "text_card");
    }

    /**
     * OpenReels' adaptive stock resolution, every step forwarded as a {@code stage:visuals} event; when stock gives
     * up, the AI picture (with the rejected results as context) or a card.
     */
    private Made stock(StageContext ctx, int index, Scene scene) throws Exception {
        AdaptiveStockResolver resolver = ctx.production().stock();
        if (resolver == null) {
            return imageOrCard(ctx, index, scene, null);
        }
        boolean video = "stock_video".equals(scene.visualType());
        StockResolution r = resolver.resolve(
                new AdaptiveStockResolver.StockRequest(index, scene.visualPrompt(), scene.scriptLine(), video,
                                                       ctx.runDir().resolve("assets")),
                (visual, narration, context) -> aiImage(ctx, index, scene, context),
                e -> ctx.emit(e.toEvent()));
        if (r.file() == null) {
            return card(ctx, index, scene);
        }
        if (r.method() == StockResolution.Method.AI_FALLBACK) {
            return new Made(r.file(), "ai_image");
        }
        return new Made(r.file(), r.candidate() != null && r.candidate().video() ? "stock_video" : "stock_image");
    }

    /**
     * OpenReels' {@code ai_video}: the first frame as an image (or a card), {@code video_image_ready}, then the video
     * chain with a motion prompt; its {@code video_generated}/{@code video_fallback} is forwarded. Without a video
     * provider the scene is a plain picture.
     */
    private Made video(StageContext ctx, int index, Scene scene, double sceneSeconds) throws Exception {
        VideoResolver resolver = ctx.production().videoResolver();
        Made frame = imageOrCard(ctx, index, scene, null);
        if (resolver == null || !resolver.enabled()) {
            return frame;
        }
        String videoProvider = ctx.production().providers().video();
        double clip = SpendGuard.clipPrice(videoProvider);
        if (!ctx.production().spendGuard().allow(clip)) {
            ctx.recoverableError(name(), ctx.production().spendGuard().refusal("Scene " + (index + 1) + "'s "
                    + videoProvider + " clip", clip) + ": it stays a still picture");
            return frame;
        }
        Archetype a = ctx.production().archetype();
        ImagePrompter prompter = ctx.production().imagePrompter();
        String motion = prompter == null ? scene.visualPrompt() + ". Camera: " + scene.motion().replace('_', ' ')
                : prompter.optimize(ImagePrompter.Mode.VIDEO, a, index, ctx.production().score().scenes().size(),
                                    scene.visualPrompt(), scene.scriptLine(), null);
        ctx.emit(new StageEvent.VideoImageReady(index));
        VideoOutcome outcome = resolver.resolve(new VideoResolver.VideoRequest(
                index, frame.file(), motion, VideoResolver.negativePrompt(a.antiArtifactGuidance()), sceneSeconds,
                ctx.runDir().resolve("assets").resolve(plannedFileName(index, "ai_video"))));
        ctx.emit(outcome.event());
        if (outcome instanceof VideoOutcome.Generated g) {
            ctx.production().countVideo();
            return new Made(g.video(), "ai_video");
        }
        return frame;
    }

    /** Each scene's length as the renderer will time it, from the narration's words (for the clip length). */
    static List<Double> sceneSeconds(StageContext ctx, DirectorScore score) {
        List<Double> out = new ArrayList<>();
        var voice = ctx.production().voiceover();
        if (voice == null) {
            score.scenes().forEach(s -> out.add(VideoGenerator.DEFAULT_SCENE_SECONDS));
            return out;
        }
        for (var words : Timeline.splitWordsIntoScenes(score.scenes().stream().map(Scene::scriptLine).toList(), voice.words())) {
            out.add(Timeline.sceneSeconds(words));
        }
        while (out.size() < score.scenes().size()) {
            out.add(VideoGenerator.DEFAULT_SCENE_SECONDS);
        }
        return out;
    }

    private static MusicResolver.Resolution resolveMusic(StageContext ctx, DirectorScore score) throws Exception {
        MusicResolver resolver = ctx.production().musicResolver();
        if (resolver == null) {
            return null;
        }
        double track = SpendGuard.trackPrice();
        if (resolver.generates() && !ctx.production().spendGuard().allow(track)) {
            ctx.recoverableError(StageName.VISUALS, ctx.production().spendGuard().refusal("A lyria track", track)
                                                    + ": using the bundled library");
            resolver = resolver.bundledOnly();
        }
        Archetype a = ctx.production().archetype();
        return resolver.resolve(score.musicMood(), ctx.job().id().hashCode(),
                                () -> "Instrumental background score, " + score.musicMood().replace('_', ' ')
                                      + ", for a short video whose arc is " + score.emotionalArc() + ". " + a.mood(),
                                ctx.runDir().resolve("assets"),
                                ctx::emit);
    }
}
