package org.reelflow.score;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.reelflow.catalog.Archetype;
import org.reelflow.catalog.Archetypes;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

class PacingTierTest {

    @Test
    void referenceNumbers() {
        assertThat(List.of(PacingTier.FAST.minScenes(), PacingTier.FAST.maxScenes(), PacingTier.FAST.minWordsPerScene(),
                           PacingTier.FAST.maxWordsPerScene(), PacingTier.FAST.minTotalWords(),
                           PacingTier.FAST.maxTotalWords()), is(List.of(8, 12, 8, 12, 90, 120)));
        assertThat(PacingTier.MODERATE.describe(),
                   is("moderate pacing (7-10 scenes, 10-16 words per scene, 100-140 total words)"));
        assertThat(PacingTier.CINEMATIC.describe(),
                   is("cinematic pacing (5-8 scenes, 15-22 words per scene, 90-130 total words)"));
    }

    @Test
    void wireNames() {
        assertThat(PacingTier.keys(), is(List.of("fast", "moderate", "cinematic")));
        assertThat(PacingTier.of("cinematic").orElseThrow(), is(PacingTier.CINEMATIC));
        assertThat(PacingTier.of("slow").isPresent(), is(false));
        assertThat(PacingTier.of("FAST").isPresent(), is(false));
        assertThat(PacingTier.of(null).isPresent(), is(false));
    }

    @Test
    void archetypeDefaultsFollowTheReferenceTable() {
        Archetypes archetypes = Archetypes.load();
        List<String> fast = List.of("infographic", "bold_illustration", "comic_book");
        List<String> cinematic = List.of("cinematic_documentary", "moody_cinematic", "studio_realism",
                                         "warm_narrative", "pastoral_watercolor");
        for (Archetype a : archetypes.all()) {
            PacingTier expected = fast.contains(a.name()) ? PacingTier.FAST
                    : cinematic.contains(a.name()) ? PacingTier.CINEMATIC : PacingTier.MODERATE;
            assertThat(a.name(), PacingTier.forArchetype(a), is(expected));
        }
        assertThat(PacingTier.forArchetype(null), is(PacingTier.MODERATE));
    }
}
