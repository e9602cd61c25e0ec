package org.reelflow.writer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.reelflow.catalog.Archetype;
import org.reelflow.catalog.Archetypes;
import org.reelflow.providers.llm.LlmClient;
import org.reelflow.providers.llm.OutputSchema;
import org.reelflow.providers.llm.Usage;
import org.reelflow.score.DirectorScore;
import org.reelflow.score.PacingTier;

/**
 * The LLM-backed writer: each role is one structured call on the job's {@link LlmClient}, with OpenReels' prompts
 * and messages (researcher, creative director with the playbook, critic with the pacing rules and rubric). The
 * director's retry loop is the caller's (it passes the last failure back); a revision is tried twice here, since
 * the quality gate calls {@link #revise} once per round. Every token spent, rejected answers included, is summed
 * in {@link #usage()} for the job's actual cost.
 */
public final class LlmWriter implements ScriptWriter {

    /** OpenReels' {@code reviseDirectorScore}: two attempts, the failure fed back. */
    public static final int REVISION_ATTEMPTS = 2;

    static final String NO_VIDEO_TYPES = "Use all 4 visual types (ai_image, stock_image, stock_video, text_card).";
    static final String VIDEO_TYPES = "Use all 5 visual types (ai_image, ai_video, stock_image, stock_video, text_card).";
    static final String VIDEO_GUIDANCE = "Plan 1-3 ai_video scenes where motion matters most (about $0.30 each "
            + "against $0.04 for an image). Keep each ai_video script_line to 18 words or fewer and its motion \"static\".";
    static final String RULES = "Rules: never use the same visual_type more than 2 scenes in a row. Every scene "
            + "needs a script_line. The first scene must be a strong hook. If over budget, cut a scene rather than "
            + "cramming.";

    private final LlmClient client;
    private final Archetypes archetypes;
    private final OutputSchema<DirectorScore> directorSchema;

    public LlmWriter(LlmClient client, Archetypes archetypes) {
        this.client = client;
        this.archetypes = archetypes;
        this.directorSchema = WriterSchemas.director(archetypes);
    }

    @Override
    public String provider() {
        return client.provider();
    }

    public String model() {
        return client.model();
    }

    /** Tokens of every call this writer's client made (one client per job), for the actual LLM cost. */
    public Usage usage() {
        return client.usage();
    }

    @Override
    public Research research(String topic) throws Exception {
        return client.generate(Prompts.load("researcher"),
                               "Research this topic for a short-form video script: " + topic,
                               WriterSchemas.RESEARCH, true).value();
    }

    @Override
    public DirectorScore direct(DirectorBrief brief, String previousFailure) throws Exception {
        return client.generate(directorSystem(), directorMessage(brief) + feedback(previousFailure), directorSchema,
                               false).value();
    }

    @Override
    public Review critique(String topic, DirectorScore score, PacingTier tier) throws Exception {
        return client.generate(criticSystem(), criticMessage(topic, score, tier != null ? tier : tierOf(score)),
                               WriterSchemas.CRITIC, false).value();
    }

    @Override
    public DirectorScore revise(DirectorBrief brief, DirectorScore current, Review review) throws Exception {
        String message = revisionMessage(brief, current, review);
        String failure = null;
        for (int attempt = 1; attempt <= REVISION_ATTEMPTS; attempt++) {
            try {
                DirectorScore revised = client.generate(directorSystem(), message + feedback(failure), directorSchema,
                                                        false).value();
                return revised.withArchetype(current.archetype());
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                failure = e.getMessage();
            }
        }
        throw new IllegalStateException("Revision failed after " + REVISION_ATTEMPTS + " attempts: " + failure);
    }

    // --- prompts ---

    static String directorSystem() {
        return Prompts.load("creative-director") + "\n\n## Reference: Content Playbook\n\n" + Prompts.load("playbook");
    }

    static String criticSystem() {
        return Prompts.load("critic") + "\n\n" + Prompts.section("playbook", "Pacing Rules") + "\n\n"
               + Prompts.section("playbook", "Critic Rubric");
    }

    static String feedback(String previousFailure) {
        return previousFailure == null || previousFailure.isBlank() ? ""
                : "\n\nPREVIOUS ATTEMPT FAILED: " + previousFailure + ". Fix the issue.";
    }

    String directorMessage(DirectorBrief brief) {
        StringBuilder m = new StringBuilder();
        m.append("Topic: ").append(brief.topic()).append("\n\n");
        Research r = brief.research() != null ? brief.research() : Research.fallback(brief.topic());
        m.append("Research summary:\n").append(r.summary()).append("\n\n");
        if (!r.keyFacts().isEmpty()) {
            m.append("Key facts:\n");
            r.keyFacts().forEach(f -> m.append("- ").append(f).append('\n'));
            m.append('\n');
        }
        m.append("Mood: ").append(r.mood()).append("\n\n");
        Archetype a = brief.requestedArchetype();
        m.append(a != null ? "Use the \"" + a.name() + "\" archetype."
                : "Choose the archetype that best fits the topic. Choose from: " + String.join(", ", archetypes.names()))
                .append("\n\n");
        m.append(pacingInstruction(a, brief.pacing())).append("\n\n");
        m.append(brief.videoEnabled() ? VIDEO_TYPES + " " + VIDEO_GUIDANCE : NO_VIDEO_TYPES).append("\n\n");
        if (brief.direction() != null && !brief.direction().isBlank()) {
            m.append("## Creative Direction (from the producer)\n\n").append(brief.direction().strip()).append("\n\n");
        }
        m.append(RULES);
        return m.toString();
    }

    /** OpenReels' {@code buildPacingInstruction}: explicit tier, else the archetype's, else the whole table. */
    String pacingInstruction(Archetype archetype, PacingTier pacing) {
        if (pacing != null) {
            return "Use " + pacing.key() + " pacing. " + budget(pacing);
        }
        if (archetype != null) {
            PacingTier tier = PacingTier.forArchetype(archetype);
            return "This archetype uses " + tier.key() + " pacing. " + budget(tier);
        }
        Map<PacingTier, List<String>> byTier = new LinkedHashMap<>();
        for (PacingTier t : PacingTier.values()) {
            byTier.put(t, new ArrayList<>());
        }
        archetypes.all().forEach(x -> byTier.get(PacingTier.forArchetype(x)).add(x.name()));
        StringBuilder s = new StringBuilder("Use the pacing tier of the archetype you choose:\n");
        byTier.forEach((t, names) -> s.append("- ").append(t.key()).append(": ").append(t.minScenes()).append('-')
                .append(t.maxScenes()).append(" scenes, ").append(t.minWordsPerScene()).append('-')
                .append(t.maxWordsPerScene()).append(" words per scene, ").append(t.minTotalWords()).append('-')
                .append(t.maxTotalWords()).append(" total words (").append(String.join(", ", names)).append(")\n"));
        return s.toString().strip();
    }

    private static String budget(PacingTier t) {
        return "Create a DirectorScore with " + t.minScenes() + "-" + t.maxScenes() + " scenes. Per-scene word budget: "
               + t.minWordsPerScene() + "-" + t.maxWordsPerScene() + " words. Total narration: " + t.minTotalWords()
               + "-" + t.maxTotalWords() + " words.";
    }

    static String criticMessage(String topic, DirectorScore score, PacingTier tier) {
        return "Topic: " + topic + "\n\n"
               + "This video uses **" + tier.key() + "** pacing (" + tier.minScenes() + "-" + tier.maxScenes()
               + " scenes, " + tier.minWordsPerScene() + "-" + tier.maxWordsPerScene() + " words per scene, "
               + tier.minTotalWords() + "-" + tier.maxTotalWords() + " total words).\n\n"
               + "## DirectorScore\n\n```json\n" + score.toJson() + "\n```\n\n"
               + "Score it 1-10. If it scores below " + Review.PASS_THRESHOLD + ", identify the weakest scene "
               + "(weakest_scene_index, 0-based) and give specific revision instructions.";
    }

    String revisionMessage(DirectorBrief brief, DirectorScore current, Review review) {
        StringBuilder m = new StringBuilder(directorMessage(brief));
        m.append("\n\n## Current Plan (score: ").append(formatScore(review.score())).append("/10)\n\n```json\n")
                .append(current.toJson()).append("\n```\n\n## Critic Feedback\n\n");
        if (!review.strengths().isEmpty()) {
            m.append("Strengths:\n");
            review.strengths().forEach(s -> m.append("- ").append(s).append('\n'));
        }
        if (!review.weaknesses().isEmpty()) {
            m.append("Weaknesses:\n");
            review.weaknesses().forEach(s -> m.append("- ").append(s).append('\n'));
        }
        if (review.weakestSceneIndex() != null) {
            m.append("Weakest scene: index ").append(review.weakestSceneIndex()).append('\n');
        }
        String instructions = review.revisionInstructions() != null && !review.revisionInstructions().isBlank()
                ? review.revisionInstructions()
                : "Address these weaknesses: " + String.join("; ", review.weaknesses());
        m.append("\n## Revision Instructions\n\n").append(instructions).append("\n\n")
                .append("Keep the same archetype (\"").append(current.archetype()).append("\").");
        return m.toString();
    }

    private PacingTier tierOf(DirectorScore score) {
        return PacingTier.forArchetype(archetypes.find(score.archetype()).orElse(null));
    }

    private static String formatScore(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }
}
