package org.reelflow.stages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;

import org.reelflow.catalog.Archetype;
import org.reelflow.jobs.StageName;
import org.reelflow.media.music.MusicLibrary;
import org.reelflow.media.music.Selection;
import org.reelflow.media.visuals.CardLook;
import org.reelflow.media.visuals.CardPainter;
import org.reelflow.pipeline.Scope;
import org.reelflow.pipeline.Stage;
import org.reelflow.pipeline.StageContext;
import org.reelflow.pipeline.StageResult;
import org.reelflow.score.DirectorScore;
import org.reelflow.score.Scene;

/**
 * One designed picture per scene, made concurrently in a child scope with bounded parallelism, each announced by
 * an {@code asset} event the moment it lands; the music is chosen beside them. With no image provider, every
 * scene gets a procedural card drawn from the archetype (never a blank frame).
 */
public final class VisualsStage implements Stage {

    private final MusicLibrary music;
    private final int parallelism;

    public VisualsStage(MusicLibrary music, int parallelism) {
        this.music = music;
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
        Archetype a = ctx.production().archetype();
        CardLook look = new CardLook(a.colorPalette().background(), a.colorPalette().accent(), a.colorPalette().text(),
                                     a.textCardFont(), a.mood());
        Path assets = ctx.runDir().resolve("assets");
        String runDir = ctx.runDir().getFileName().toString();
        List<Scope.Subtask<Path>> pictures = new ArrayList<>();
        Scope.Subtask<Selection> track;
        try (Scope scope = new Scope("job-" + ctx.job().id() + "-visuals", parallelism)) {
            track = scope.fork(() -> chooseMusic(ctx, score));
            for (int i = 0; i < score.scenes().size(); i++) {
                int index = i;
                Scene scene = score.scenes().get(i);
                pictures.add(scope.fork(() -> {
                    Path file = CardPainter.paintScene(assets, index, scene.visualType(), scene.visualPrompt(),
                                                       scene.scriptLine(), look);
                    ctx.emit(name(), "asset", Json.createObjectBuilder().add("sceneIndex", index)
                            .add("visualType", scene.visualType())
                            .add("path", runDir + "/assets/" + file.getFileName()).build());
                    return file;
                }));
            }
            scope.join();
        }
        ctx.production().sceneAssets(pictures.stream().map(Scope.Subtask::get).toList());
        Selection chosen = track.get();
        if (chosen != null) {
            ctx.emit(name(), "music_resolved", Json.createObjectBuilder().add("provider", "bundled").add("prompt", "")
                    .add("metadata", Json.createObjectBuilder().add("trackId", chosen.track().id())
                            .add("license", chosen.track().license()))
                    .add("fallback", chosen.fallback()).build());
        }
        return StageResult.complete(pictures.size() + "/" + score.scenes().size() + " assets");
    }

    /** The bundled track for the plan's mood, chosen by the job id so a re-run picks the same one. */
    private Selection chooseMusic(StageContext ctx, DirectorScore score) throws Exception {
        if (ctx.request().noMusic()) {
            return null;
        }
        Selection s = music.select(score.musicMood(), ctx.job().id().hashCode());
        if (s != null) {
            ctx.production().music(s, music.file(s.track()));
        }
        return s;
    }
}
