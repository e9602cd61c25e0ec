package org.reelflow.writer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.reelflow.catalog.Archetype;
import org.reelflow.catalog.Archetypes;
import org.reelflow.score.DirectorScore;
import org.reelflow.score.PacingTier;

/**
 * The zero-key writer: a demo that plans a well-formed video from the topic and the producer's direction alone.
 * It has no knowledge source, says so in its research, and never invents facts; its narration frames angles and
 * questions. Everything is deterministic: the only randomness is seeded from the inputs.
 */
public final class OfflineWriter implements ScriptWriter {

    private final Archetypes archetypes;

    public OfflineWriter(Archetypes archetypes) {
        this.archetypes = archetypes;
    }

    @Override
    public String provider() {
        return "offline";
    }

    @Override
    public Research research(String topic) {
        return research(topic, null);
    }

    @Override
    public Research research(String topic, String direction) {
        String clean = LineBuilder.clean(topic);
        List<String> sentences = Beats.sentences(direction);
        String summary = "Written offline from the topic \"" + clean + "\"" + (sentences.isEmpty() ? "" : " and the "
                         + "producer's direction brief") + ", without a knowledge source. Nothing was looked up, so "
                         + "these notes are angles to explore rather than verified facts.";
        List<String> facts = sentences;
        if (facts.isEmpty()) {
            String subject = LineBuilder.shortSubject(topic);
            facts = new ArrayList<>();
            for (Phrasebook.Angle angle : Phrasebook.ANGLES.subList(0, 5)) {
                facts.add(LineBuilder.fill(angle.researchAngle(), subject));
            }
        }
        String mood = chooseArchetype(topic).mood().split("[,.]")[0].strip().toLowerCase(Locale.ROOT);
        return new Research(summary, facts, mood, List.of());
    }

    /**
     * Plans the video. There is no model to correct, so {@code previousFailure} is ignored: the plan is valid by
     * construction and the same brief always gives the same plan. No ai_video scenes are planned.
     */
    @Override
    public DirectorScore direct(DirectorBrief brief, String previousFailure) {
        Archetype archetype = brief.requestedArchetype() != null ? brief.requestedArchetype()
                : chooseArchetype(brief.topic());
        PacingTier tier = brief.pacing() != null ? brief.pacing() : PacingTier.forArchetype(archetype);
        return OfflineDirector.plan(brief.topic(), brief.direction(), archetype, tier,
                                    random(brief.topic(), brief.direction(), archetype.name() + tier.key()));
    }

    @Override
    public Review critique(String topic, DirectorScore score, PacingTier tier) {
        return StructuralCritic.review(score, tier != null ? tier : tierOf(score));
    }

    /** Repairs what the critic can measure; the archetype is kept, as OpenReels forces it back after a revision. */
    @Override
    public DirectorScore revise(DirectorBrief brief, DirectorScore current, Review review) {
        Archetype archetype = archetypes.find(current.archetype())
                .orElseGet(() -> brief.requestedArchetype() != null ? brief.requestedArchetype()
                        : chooseArchetype(brief.topic()));
        PacingTier tier = brief.pacing() != null ? brief.pacing() : PacingTier.forArchetype(archetype);
        return PlanReviser.revise(current, brief.topic(), brief.direction(), archetype, tier, brief.videoEnabled(),
                                  random(brief.topic(), brief.direction(), "revise" + review.score()));
    }

    /** The archetype a topic gets when none is requested: stable for the topic, spread over all fourteen. */
    Archetype chooseArchetype(String topic) {
        List<Archetype> all = archetypes.all();
        return all.get(Math.floorMod(LineBuilder.clean(topic).hashCode(), all.size()));
    }

    private PacingTier tierOf(DirectorScore score) {
        return PacingTier.forArchetype(archetypes.find(score.archetype()).orElse(null));
    }

    /** String.hashCode is specified by the JLS and java.util.Random's algorithm by its Javadoc: stable across JVMs. */
    private static Random random(String topic, String direction, String salt) {
        return new Random(((long) String.valueOf(topic).hashCode() << 32)
                          ^ (String.valueOf(direction).hashCode() * 31L) ^ salt.hashCode());
    }
}
