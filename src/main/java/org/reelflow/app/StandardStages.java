package org.reelflow.app;


import java.util.List;

import org.reelflow.cost.CostEstimator;
import org.reelflow.media.music.MusicLibrary;
import org.reelflow.media.render.VideoRenderer;
import org.reelflow.pipeline.CostGate;
import org.reelflow.pipeline.Pipeline;
import org.reelflow.pipeline.Stage;
import org.reelflow.stages.AssemblyStage;
import org.reelflow.stages.CostAccounting;
import org.reelflow.stages.CriticStage;
import org.reelflow.stages.DirectorStage;
import org.reelflow.stages.JobSetup;
import org.reelflow.stages.ResearchStage;
import org.reelflow.stages.TtsStage;
import org.reelflow.stages.VisualsStage;

/** The production pipeline: provider setup, then the six stages with the offline media engine. */
public final class StandardStages {

    /** Scenes drawn at once: the machines this targets have two cores. */
    static final int VISUALS_PARALLELISM = 2;

    private StandardStages() {
    }

    public static Pipeline create(Services services) {
        return create(services, CostGate.APPROVE);
    }

    /** The pipeline with a gate that approves each job's estimated cost before anything is spent (the CLI asks). */
    public static Pipeline create(Services services, CostGate costGate) {
        MusicLibrary music = new MusicLibrary(services.musicCache());
        List<Stage> stages = List.of(new ResearchStage(),
                                     new DirectorStage(services.archetypes(), new CostEstimator()),
                                     new TtsStage(),
                                     new VisualsStage(VISUALS_PARALLELISM),
                                     new AssemblyStage(services.platforms(), new VideoRenderer()),
                                     new CriticStage(services.platforms()));
        return new Pipeline(new JobSetup(services.archetypes(), services.env(), services.llm(), services.vendors(), music,
                                         services.video(), services.videoConcurrency(), services.stock(),
                                         services.stockOptions(), services.stockCache(), services.models(),
                                         services.modelCheck()),
                            stages, costGate, new CostAccounting());
    }
}
