package org.reelflow.stages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;

import org.reelflow.catalog.Archetype;
import org.reelflow.jobs.StageName;
import org.reelflow.media.visuals.CardLook;
import org.reelflow.media.visuals.CardPainter;
import org.reelflow.pipeline.Scope;
import org.reelflow.pipeline.Stage;
import org.reelflow.pipeline.StageContext;
import org.reelflow.pipeline.StageResult;
import org.reelflow.providers.image.ImageGenerator;
import org.reelflow.providers.music.MusicResolver;
import org.reelflow.score.DirectorScore;
import org.reelflow.score.Scene;

/**
 * One picture per scene, made concurrently in a child scope with bounded parallelism, each announced by an
 * {@code asset} event the moment it lands; the music is resolved beside them. With an image provider, image
 * scenes are generated (a failure is reported with {@code asset_failed} and the scene gets a designed card);
 * without one, every scene gets a procedural card drawn from the archetype — never a blank frame.
 */
public final class VisualsStage implements Stage {

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
            for (int i = 0; i < score.scenes().size(); i++) {
                int index = i;
                pictures.add(scope.fork(() -> picture(ctx, index, score.scenes().get(index))));
            }
            scope.join();
        }
        ctx.production().sceneAssets(pictures.stream().map(Scope.Subtask::get).toList());
        MusicResolver.Resolution resolution = music.get();
        ctx.production().music(resolution);
        if (resolution != null) {
            ctx.emit(name(), resolution.resolvedEvent().type(), resolution.resolvedEvent().data());
        }
        return StageResult.complete(pictures.size() + "/" + score.scenes().size() + " assets");
    }

    /** The scene's picture: generated when an image provider is set and the scene wants one, else drawn. */
    private Path picture(StageContext ctx, int index, Scene scene) throws Exception {
        Path assets = ctx.runDir().resolve("assets");
        ImageGenerator images = ctx.production().images();
        Path file = null;
        if (images != null && !"text_card".equals(scene.visualType())) {
            try {
                file = images.generate(imagePrompt(ctx.production().archetype(), scene),
                                       assets.resolve("scene-" + index + "-ai.png"));
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                ctx.checkCancelled();
                ctx.emit(name(), "asset_failed", Json.createObjectBuilder().add("scene", index)
                        .add("error", e.getMessage() == null ? e.toString() : e.getMessage()).build());
                Files.deleteIfExists(assets.resolve("scene-" + index + "-ai.png"));
            }
        }
        String visualType = file != null ? "ai_image" : scene.visualType();
        if (file == null) {
            Archetype a = ctx.production().archetype();
            CardLook look = new CardLook(a.colorPalette().background(), a.colorPalette().accent(),
                                         a.colorPalette().text(), a.textCardFont(), a.mood());
            file = CardPainter.paintScene(assets, index, scene.visualType(), scene.visualPrompt(), scene.scriptLine(), look);
        }
        ctx.emit(name(), "asset", Json.createObjectBuilder().add("sceneIndex", index).add("visualType", visualType)
                .add("path", ctx.runDir().getFileName() + "/assets/" + file.getFileName()).build());
        return file;
    }

    /** The scene's description in the archetype's style (the reference's "style bible", without an LLM pass). */
    static String imagePrompt(Archetype a, Scene scene) {
        return scene.visualPrompt() + ". Style: " + a.artStyle() + " Lighting: " + a.lighting() + " Palette: "
               + String.join(", ", a.visualColorPalette()) + ". Mood: " + a.mood();
    }

    private static MusicResolver.Resolution resolveMusic(StageContext ctx, DirectorScore score) throws Exception {
        MusicResolver resolver = ctx.production().musicResolver();
        if (resolver == null) {
            return null;
        }
        Archetype a = ctx.production().archetype();
        return resolver.resolve(score.musicMood(), ctx.job().id().hashCode(),
                                () -> "Instrumental background score, " + score.musicMood().replace('_', ' ')
                                      + ", for a short video whose arc is " + score.emotionalArc() + ". " + a.mood(),
                                ctx.runDir().resolve("assets"),
                                e -> ctx.emit(StageName.VISUALS, e.type(), e.data()));
    }
}
