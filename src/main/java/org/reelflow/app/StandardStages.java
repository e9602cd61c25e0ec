package org.reelflow.app;

import java.util.List;

import org.reelflow.cost.CostEstimator;
import org.reelflow.jobs.StageName;
import org.reelflow.pipeline.Pipeline;
import org.reelflow.pipeline.Stage;
import org.reelflow.stages.CriticStage;
import org.reelflow.stages.DirectorStage;
import org.reelflow.stages.JobSetup;
import org.reelflow.stages.ResearchStage;
import org.reelflow.stages.UnavailableMediaStage;

/** The production pipeline: provider setup, then the six stages. */
public final class StandardStages {

    static final String NO_MEDIA = "This build has no media engine yet (voice, visuals, assembly): "
                                   + "submit with \"dryRun\": true to get the plan";

    private StandardStages() {
    }

    public static Pipeline create(Reelflow.Catalog catalog) {
        List<Stage> stages = List.of(new ResearchStage(),
                                     new DirectorStage(catalog.archetypes(), new CostEstimator()),
                                     new UnavailableMediaStage(StageName.TTS, NO_MEDIA),
                                     new UnavailableMediaStage(StageName.VISUALS, NO_MEDIA),
                                     new UnavailableMediaStage(StageName.ASSEMBLY, NO_MEDIA),
                                     new CriticStage());
        return new Pipeline(new JobSetup(catalog.archetypes(), catalog.keys()), stages);
    }
}
