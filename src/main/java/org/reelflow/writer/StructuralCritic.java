package org.reelflow.writer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.reelflow.score.DirectorScore;
import org.reelflow.score.PacingTier;
import org.reelflow.score.Scene;
import org.reelflow.score.ScoreVocabulary;
import org.reelflow.score.Words;

/**
 * The checkable half of OpenReels' critic rubric. Each criterion gets 1-10 from counts alone (no judgement of
 * meaning), the overall is {@code round(Σ weight·score)}, and any pacing failure caps pacing at 5 and asks for a
 * revision, as the rubric says. Scene numbers in messages are 1-based, for people; the index field is 0-based.
 */
final class StructuralCritic {

    private static final double HOOK = 0.20;
    private static final double ARC = 0.20;
    private static final double PACING = 0.15;
    private static final double VARIETY = 0.15;
    private static final double SYNC = 0.10;
    private static final double STYLE = 0.10;
    private static final double CTA = 0.10;
    private static final double MAX_SHARE_OF_WORDS = 0.30;

    private final List<String> strengths = new ArrayList<>();
    private final List<String> weaknesses = new ArrayList<>();
    private final List<String> fixes = new ArrayList<>();
    private final int[] problems;
    private final DirectorScore plan;
    private final PacingTier tier;

    private StructuralCritic(DirectorScore plan, PacingTier tier) {
        this.plan = plan;
        this.tier = tier;
        this.problems = new int[plan.scenes().size()];
    }

    static Review review(DirectorScore plan, PacingTier tier) {
        return new StructuralCritic(plan, tier).review();
    }

    static boolean isCallToAction(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        return Phrasebook.CTA_MARKERS.stream().anyMatch(lower::contains);
    }

    private Review review() {
        List<Scene> scenes = plan.scenes();
        int pacingFailures = pacing(scenes);
        double overall = HOOK * hook(scenes.getFirst()) + ARC * arc(scenes)
                         + PACING * (pacingFailures == 0 ? 10 : Math.max(1, 6 - pacingFailures))
                         + VARIETY * variety() + SYNC * sync(scenes) + STYLE * style(scenes) + CTA * cta(scenes.getLast());
        int score = (int) Math.max(1, Math.min(10, Math.round(overall)));
        boolean revise = score < Review.PASS_THRESHOLD || pacingFailures > 0;
        Integer weakest = null;
        for (int i = 0; i < problems.length; i++) {
            if (problems[i] > 0 && (weakest == null || problems[i] > problems[weakest])) {
                weakest = i;
            }
        }
        return new Review(score, strengths, weaknesses, revise, revise ? String.join(" ", fixes) : null,
                          revise ? weakest : null);
    }

    private void weakness(String message, String fix, int sceneIndex) {
        weaknesses.add(message);
        fixes.add(fix);
        if (sceneIndex >= 0) {
            problems[sceneIndex]++;
        }
    }

    /** Returns the number of failed pacing checks. */
    private int pacing(List<Scene> scenes) {
        int failures = 0;
        String budget = tier.key() + " budget is " + tier.minWordsPerScene() + "-" + tier.maxWordsPerScene();
        if (scenes.size() < tier.minScenes() || scenes.size() > tier.maxScenes()) {
            failures++;
            weakness(scenes.size() + " scenes; " + tier.key() + " pacing uses " + tier.minScenes() + "-"
                     + tier.maxScenes(), "Use " + tier.minScenes() + "-" + tier.maxScenes() + " scenes.", -1);
        }
        int total = plan.totalWords();
        boolean perSceneOk = true;
        for (int i = 0; i < scenes.size(); i++) {
            int words = scenes.get(i).wordCount();
            if (words < tier.minWordsPerScene() || words > tier.maxWordsPerScene()) {
                perSceneOk = false;
                weakness("Scene " + (i + 1) + " has " + words + " words; the " + budget,
                         "Bring scene " + (i + 1) + " to " + tier.minWordsPerScene() + "-" + tier.maxWordsPerScene()
                         + " words.", i);
            }
            if (total > 0 && words > MAX_SHARE_OF_WORDS * total) {
                perSceneOk = false;
                weakness("Scene " + (i + 1) + " carries " + Math.round(100.0 * words / total)
                         + "% of all words; keep every scene under 30%", "Split or trim scene " + (i + 1) + ".", i);
            }
        }
        failures += perSceneOk ? 0 : 1;
        if (total < tier.minTotalWords() || total > tier.maxTotalWords()) {
            failures++;
            weakness("Total is " + total + " words; " + tier.key() + " pacing allows " + tier.minTotalWords() + "-"
                     + tier.maxTotalWords(), "Bring the total to " + tier.minTotalWords() + "-"
                                             + tier.maxTotalWords() + " words.", -1);
        }
        int hookWords = scenes.getFirst().wordCount();
        if (hookWords > OfflineDirector.HOOK_CTA_MAX_WORDS) {
            failures++;
            weakness("The hook has " + hookWords + " words; keep it to 15 or fewer", "Cut the hook to 8-15 words.", 0);
        }
        if (failures == 0) {
            strengths.add("Pacing fits " + tier.describe() + ": " + scenes.size() + " scenes, " + total + " words");
        }
        return failures;
    }

    private int hook(Scene first) {
        int words = first.wordCount();
        if (words >= OfflineDirector.HOOK_CTA_MIN_WORDS && words <= OfflineDirector.HOOK_CTA_MAX_WORDS) {
            strengths.add("The hook is " + words + " words, inside the 8-15 word window");
            return first.scriptLine().contains("?") || first.scriptLine().toLowerCase(Locale.ROOT).contains("you")
                    ? 10 : 9;
        }
        if (words < OfflineDirector.HOOK_CTA_MIN_WORDS) {
            weakness("The hook has only " + words + " words; give it 8-15", "Expand the hook to 8-15 words.", 0);
            return 5;
        }
        return 3;
    }

    /** Only repetition is checkable without reading for meaning: a repeated line stalls the story. */
    private int arc(List<Scene> scenes) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < scenes.size(); i++) {
            if (!seen.add(scenes.get(i).scriptLine().strip().toLowerCase(Locale.ROOT))) {
                weakness("Scene " + (i + 1) + " repeats an earlier line", "Give scene " + (i + 1) + " a new idea.", i);
                return 5;
            }
        }
        return 8;
    }

    private int variety() {
        List<Scene> scenes = plan.scenes();
        long kinds = scenes.stream().map(Scene::visualType).distinct().count();
        if (!plan.obeysGoldenRule()) {
            for (int i = 2; i < scenes.size(); i++) {
                String t = scenes.get(i).visualType();
                if (t.equals(scenes.get(i - 1).visualType()) && t.equals(scenes.get(i - 2).visualType())) {
                    weakness("Scenes " + (i - 1) + "-" + (i + 1) + " are all " + t + "; no more than 2 in a row",
                             "Change the visual type of scene " + (i + 1) + ".", i);
                }
            }
            return 3;
        }
        if (kinds < 2) {
            weakness("Only one visual type is used", "Mix AI images, stock footage and text cards.", -1);
            return 3;
        }
        strengths.add(kinds + " visual types with no more than 2 of a kind in a row");
        return kinds >= 3 ? 10 : 7;
    }

    /** Prompts shaped for their type: stock = a 3-5 word search, text card = a short headline. */
    private int sync(List<Scene> scenes) {
        int bad = 0;
        for (int i = 0; i < scenes.size(); i++) {
            Scene s = scenes.get(i);
            int words = Words.count(s.visualPrompt());
            boolean stock = s.visualType().startsWith("stock_");
            if (stock && (words < 3 || words > 5)) {
                bad++;
                weakness("Scene " + (i + 1) + "'s stock query has " + words + " words; use a 3-5 word search",
                         "Rewrite scene " + (i + 1) + "'s stock query as 3-5 words.", i);
            } else if (ScoreVocabulary.TEXT_CARD.equals(s.visualType()) && words > 8) {
                bad++;
                weakness("Scene " + (i + 1) + "'s text card has " + words + " words; use a short headline",
                         "Shorten scene " + (i + 1) + "'s headline.", i);
            }
        }
        return Math.max(1, 10 - 3 * bad);
    }

    private int style(List<Scene> scenes) {
        int score = 10;
        for (int i = 0; i < scenes.size(); i++) {
            if (scenes.get(i).scriptLine().contains("\u2014")) {
                weakness("Scene " + (i + 1) + " uses an em dash", "Replace the em dash in scene " + (i + 1) + ".", i);
                score -= 3;
            }
        }
        if (scenes.stream().map(Scene::motion).distinct().count() < 2) {
            weakness("Every scene uses the same motion", "Vary the camera motion.", -1);
            score -= 3;
        }
        return Math.max(1, score);
    }

    private int cta(Scene last) {
        int words = last.wordCount();
        if (!isCallToAction(last.scriptLine())) {
            weakness("The last scene is not a call to action", "End on a call to action of 8-15 words.",
                     plan.scenes().size() - 1);
            return 2;
        }
        if (words < OfflineDirector.HOOK_CTA_MIN_WORDS || words > OfflineDirector.HOOK_CTA_MAX_WORDS) {
            weakness("The call to action has " + words + " words; give it 8-15", "Fit the call to action to 8-15 words.",
                     plan.scenes().size() - 1);
            return 6;
        }
        strengths.add("Ends on a " + words + "-word call to action");
        return 10;
    }
}
