package org.reelflow.writer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.reelflow.catalog.Archetype;
import org.reelflow.catalog.Archetypes;
import org.reelflow.score.DirectorScore;
import org.reelflow.score.PacingTier;
import org.reelflow.score.Scene;
import org.reelflow.score.ScoreVocabulary;
import org.reelflow.score.Words;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

class OfflineWriterTest {

    private static final Archetypes ARCHETYPES = Archetypes.load();
    private static final OfflineWriter WRITER = new OfflineWriter(ARCHETYPES);
    private static final String DIRECTION = "Focus on the people who make them by hand. Keep the tone playful. "
                                            + "Every region has its own style. Mention the tools of the trade.";
    private static final List<String> TOPICS = List.of(
            "Black holes explained",
            "Why do cats purr?",
            "東京の歴史 と 未来",
            "Café culture in Zürich — a love story",
            "The surprising history of the humble pencil and the people who sharpened it, ".repeat(7)
                    .substring(0, 500));

    private static DirectorBrief brief(String topic, Archetype archetype, PacingTier tier, String direction) {
        return new DirectorBrief(topic, WRITER.research(topic, direction), archetype, tier, direction, false);
    }

    @Test
    void isTheOfflineProvider() {
        assertThat(WRITER.provider(), is("offline"));
    }

    @Test
    void sameInputSamePlan() {
        DirectorBrief brief = brief("Black holes explained", null, null, DIRECTION);
        assertThat(WRITER.direct(brief, null), is(WRITER.direct(brief, "PREVIOUS ATTEMPT FAILED: x")));
        assertThat(new OfflineWriter(Archetypes.load()).direct(brief, null), is(WRITER.direct(brief, null)));
        assertThat(WRITER.research("Black holes explained", DIRECTION), is(WRITER.research("Black holes explained", DIRECTION)));
        assertThat(WRITER.direct(brief("Deep sea vents", null, null, null), null),
                   is(not(WRITER.direct(brief("Volcanoes of Iceland", null, null, null), null))));
    }

    @Test
    void researchSaysWhatItIsAndInventsNothing() {
        Research plain = WRITER.research("The surprising history of the humble pencil");
        assertThat(plain.summary(), containsString("Written offline from the topic"));
        assertThat(plain.summary(), containsString("without a knowledge source"));
        assertThat(plain.keyFacts(), hasItem("Where the humble pencil comes from"));
        assertThat(plain.keyFacts(), everyItem(not(containsString("1"))));
        assertThat(plain.sources(), is(empty()));
        assertThat(plain.mood(), not(isEmptyOrNullString()));

        Research directed = WRITER.research("Pottery", DIRECTION);
        assertThat(directed.summary(), containsString("direction brief"));
        assertThat(directed.keyFacts(), is(List.of("Focus on the people who make them by hand.",
                                                   "Keep the tone playful.", "Every region has its own style.",
                                                   "Mention the tools of the trade.")));
    }

    @Test
    void unrequestedArchetypeIsSpreadOverAllFourteen() {
        Set<String> chosen = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            chosen.add(WRITER.direct(brief("topic number " + i, null, null, null), null).archetype());
        }
        assertThat(chosen, hasSize(14));
    }

    @Test
    void defaultsToTheArchetypesOwnTier() {
        DirectorScore plan = WRITER.direct(brief("Black holes", ARCHETYPES.require("infographic"), null, null), null);
        assertThat(plan.scenes().size(), allOf(greaterThanOrEqualTo(8), lessThanOrEqualTo(12)));
        DirectorScore slow = WRITER.direct(brief("Black holes", ARCHETYPES.require("warm_narrative"), null, null), null);
        assertThat(slow.scenes().size(), allOf(greaterThanOrEqualTo(5), lessThanOrEqualTo(8)));
    }

    @Test
    void directionShapesTheNarration() {
        DirectorScore plan = WRITER.direct(brief("Pottery", ARCHETYPES.require("warm_editorial"), null, DIRECTION), null);
        String script = String.join(" ", plan.scenes().stream().map(Scene::scriptLine).toList());
        assertThat(script, containsString("the people who make them by hand"));
        assertThat(script, containsString("Every region has its own style."));
        assertThat(script, not(containsString("playful")));
    }

    /** Every archetype × every tier × every topic, with and without a direction brief. */
    @Test
    void everyPlanIsValidInsideItsTierAndPassesItsOwnCritic() throws Exception {
        int plans = 0;
        for (Archetype archetype : ARCHETYPES.all()) {
            for (PacingTier tier : PacingTier.values()) {
                for (String topic : TOPICS) {
                    for (String direction : new String[] {null, DIRECTION}) {
                        DirectorScore plan = WRITER.direct(brief(topic, archetype, tier, direction), null);
                        String where = archetype.name() + "/" + tier.key() + "/" + topic.substring(0, 8) + ": " + plan;
                        assertThat(where, DirectorScore.parse(plan.toJson()), is(plan));
                        assertInsideTier(where, plan, tier);
                        assertThat(where, plan.archetype(), is(archetype.name()));
                        Review review = WRITER.critique(topic, plan, tier);
                        assertThat(where + review, review.score(), greaterThanOrEqualTo(7.0));
                        assertThat(where + review, review.revisionNeeded(), is(false));
                        assertThat(where + review, review.weaknesses(), is(empty()));
                        plans++;
                    }
                }
            }
        }
        assertThat(plans, is(14 * 3 * TOPICS.size() * 2));
    }

    static void assertInsideTier(String where, DirectorScore plan, PacingTier tier) {
        List<Scene> scenes = plan.scenes();
        assertThat(where, scenes.size(), allOf(greaterThanOrEqualTo(tier.minScenes()), lessThanOrEqualTo(tier.maxScenes())));
        assertThat(where, plan.totalWords(),
                   allOf(greaterThanOrEqualTo(tier.minTotalWords()), lessThanOrEqualTo(tier.maxTotalWords())));
        for (Scene s : scenes) {
            assertThat(where, s.wordCount(),
                       allOf(greaterThanOrEqualTo(tier.minWordsPerScene()), lessThanOrEqualTo(tier.maxWordsPerScene())));
            assertThat(where, s.scriptLine(), not(containsString("\u2014")));
            assertThat(where, s.visualType(), isIn(List.of("ai_image", "stock_image", "text_card")));
        }
        assertThat(where, scenes.getFirst().wordCount(), allOf(greaterThanOrEqualTo(8), lessThanOrEqualTo(15)));
        assertThat(where, scenes.getLast().wordCount(), allOf(greaterThanOrEqualTo(8), lessThanOrEqualTo(15)));
        assertThat(where, StructuralCritic.isCallToAction(scenes.getLast().scriptLine()), is(true));
        assertThat(where, plan.obeysGoldenRule(), is(true));
        assertThat(where, plan.musicMood(), isIn(ScoreVocabulary.MUSIC_MOODS));
    }

    /** A cinematic plan with a bloated scene, a long hook, three stock scenes in a row and no call to action. */
    private static DirectorScore broken(DirectorScore plan) {
        List<Scene> scenes = new ArrayList<>(plan.scenes());
        scenes.set(0, scenes.get(0).withScriptLine("Have you ever wondered why the night sky looks the way it does "
                                                   + "when you stand outside on a clear night?"));
        for (int i = 1; i <= 3; i++) {
            scenes.set(i, scenes.get(i).withVisual("stock_image", "night sky stars"));
        }
        scenes.set(3, scenes.get(3).withScriptLine("word ".repeat(27).strip() + "."));
        scenes.set(scenes.size() - 1, scenes.getLast().withScriptLine(
                "And that is how the stars keep turning above us every single night of the year."));
        return plan.withScenes(scenes);
    }

    @Test
    void criticFailsABrokenPlanAndSaysWhy() {
        DirectorBrief brief = brief("The night sky", ARCHETYPES.require("moody_cinematic"), null, null);
        Review review = WRITER.critique("The night sky", broken(WRITER.direct(brief, null)), PacingTier.CINEMATIC);
        assertThat(review.score(), lessThan(7.0));
        assertThat(review.revisionNeeded(), is(true));
        assertThat(review.weaknesses(), hasItems("Scene 4 has 27 words; the cinematic budget is 15-22",
                                                 "The hook has 21 words; keep it to 15 or fewer",
                                                 "Scenes 2-4 are all stock_image; no more than 2 in a row",
                                                 "The last scene is not a call to action"));
        assertThat(review.weakestSceneIndex(), is(3));
        assertThat(review.revisionInstructions(), containsString("Bring scene 4 to 15-22 words."));
    }

    @Test
    void criticFlagsSceneCountAndTotalAgainstTheGivenTier() {
        DirectorScore fastPlan = WRITER.direct(brief("Black holes", ARCHETYPES.require("infographic"),
                                                     PacingTier.FAST, null), null);
        Review asCinematic = WRITER.critique("Black holes", fastPlan, PacingTier.CINEMATIC);
        assertThat(asCinematic.revisionNeeded(), is(true));
        assertThat(asCinematic.weaknesses(), hasItem(startsWith(fastPlan.scenes().size()
                                                                + " scenes; cinematic pacing uses 5-8")));
        assertThat(asCinematic.toEventJson().getInt("score"), is((int) asCinematic.score()));
    }

    @Test
    void revisionRepairsBrokenPlansAndKeepsTheArchetype() throws Exception {
        for (Archetype archetype : ARCHETYPES.all()) {
            for (PacingTier tier : PacingTier.values()) {
                DirectorBrief brief = brief("The night sky", archetype, tier, null);
                DirectorScore bad = broken(WRITER.direct(brief, null));
                List<Scene> padded = new ArrayList<>(bad.scenes());
                padded.addAll(1, bad.scenes().subList(1, 4));
                for (DirectorScore plan : List.of(bad, bad.withScenes(padded))) {
                    DirectorScore revised = WRITER.revise(brief, plan, WRITER.critique("The night sky", plan, tier));
                    String where = archetype.name() + "/" + tier.key() + ": " + revised;
                    assertThat(where, DirectorScore.parse(revised.toJson()), is(revised));
                    assertThat(where, revised.archetype(), is(archetype.name()));
                    Review after = WRITER.critique("The night sky", revised, tier);
                    assertThat(where + after, after.score(), greaterThanOrEqualTo(7.0));
                    assertThat(where + after, after.revisionNeeded(), is(false));
                    assertThat(where, Words.count(revised.scenes().getFirst().scriptLine()), lessThanOrEqualTo(15));
                }
            }
        }
    }

    @Test
    void revisionSplitsALongSceneInsteadOfLosingIt() {
        DirectorBrief brief = brief("The night sky", ARCHETYPES.require("moody_cinematic"), null, null);
        DirectorScore plan = WRITER.direct(brief, null);
        List<Scene> scenes = new ArrayList<>(plan.scenes().subList(0, 5));
        scenes.add(plan.scenes().getLast());
        scenes.set(2, scenes.get(2).withScriptLine("The sky is a dome of light and dark, with stars that burn far "
                                                   + "away. Some of them are already gone. We still see their light "
                                                   + "tonight, though."));
        DirectorScore bad = plan.withScenes(scenes);
        DirectorScore revised = WRITER.revise(brief, bad, WRITER.critique("The night sky", bad, null));
        String script = String.join(" ", revised.scenes().stream().map(Scene::scriptLine).toList());
        assertThat(script, containsString("with stars that burn far away."));
        assertThat(script, containsString("We still see their light tonight, though."));
        assertThat(revised.scenes(), hasSize(7));
        assertThat(WRITER.critique("The night sky", revised, null).revisionNeeded(), is(false));
    }

    @Test
    void reviewJsonUsesTheCriticsFieldNames() {
        Review review = new Review(6, List.of("a"), List.of("b"), true, "fix b", 2);
        assertThat(review.toJson().toString(), is("{\"score\":6,\"strengths\":[\"a\"],\"weaknesses\":[\"b\"],"
                                                  + "\"revision_needed\":true,\"revision_instructions\":\"fix b\","
                                                  + "\"weakest_scene_index\":2}"));
        assertThat(new Review(7.5, List.of(), List.of(), false, null, null).toEventJson().toString(),
                   is("{\"score\":7.5,\"strengths\":[],\"weaknesses\":[]}"));
    }
}
