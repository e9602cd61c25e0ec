package org.reelflow.writer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.reelflow.catalog.Archetype;
import org.reelflow.score.DirectorScore;
import org.reelflow.score.PacingTier;
import org.reelflow.score.Scene;
import org.reelflow.score.ScoreVocabulary;
import org.reelflow.score.Words;

/**
 * Repairs the structural problems {@link StructuralCritic} reports while keeping as much of the plan as it can:
 * the CTA goes last, the scene count and every line's length are brought into the tier, repeated visual types are
 * broken up and misshapen prompts rewritten. The archetype never changes.
 */
final class PlanReviser {

    private static final String SENTENCE_END = "(?<=[.!?])\\s+";

    private PlanReviser() {
    }

    static DirectorScore revise(DirectorScore current, String topic, String direction, Archetype archetype,
                                PacingTier tier, boolean videoEnabled, Random random) {
        Composer composer = new Composer(random);
        List<Beats.Beat> beats = Beats.forPlan(LineBuilder.shortSubject(topic), LineBuilder.imageSubject(topic),
                                               direction, tier.maxScenes());
        List<Scene> scenes = new ArrayList<>();
        for (Scene s : current.scenes()) {
            String type = !videoEnabled && ScoreVocabulary.AI_VIDEO.equals(s.visualType())
                    ? ScoreVocabulary.AI_IMAGE : s.visualType();
            String line = s.scriptLine().replace("\u2014", ",").replace(" ,", ",");
            scenes.add(new Scene(type, s.visualPrompt(), s.motion(), line, s.transition()));
        }
        splitLongScenes(scenes, tier);
        endOnCallToAction(scenes, tier, composer);
        while (scenes.size() > tier.maxScenes()) {
            scenes.remove(scenes.size() - 2);
        }
        for (int b = scenes.size() - 2; scenes.size() < tier.minScenes(); b++) {
            Beats.Beat beat = beats.get(b % beats.size());
            String line = composer.compose(beat.cores(), Phrasebook.BODY_FILLERS, tier.minWordsPerScene());
            scenes.add(scenes.size() - 1, new Scene(ScoreVocabulary.STOCK_IMAGE, OfflineDirector.stockQuery(
                    beat.imageSubject()), "pan_left", line, null));
        }

        int[] targets = targets(scenes, tier);
        for (int i = 0; i < scenes.size(); i++) {
            boolean last = i == scenes.size() - 1;
            Map<Integer, List<String>> fillers = i == 0 ? Phrasebook.HOOK_FILLERS
                    : last ? Phrasebook.CTA_FILLERS : Phrasebook.BODY_FILLERS;
            List<String> rewrite = i == 0 ? OfflineDirector.hookCores(topic, random)
                    : last ? Phrasebook.CTA_CORES : beats.get((i - 1) % beats.size()).cores();
            scenes.set(i, scenes.get(i).withScriptLine(
                    fit(scenes.get(i).scriptLine(), targets[i], fillers, rewrite, composer)));
        }
        fixVisuals(scenes, topic, archetype);
        return new DirectorScore(current.emotionalArc(), current.archetype(), current.musicMood(), scenes);
    }

    private static void endOnCallToAction(List<Scene> scenes, PacingTier tier, Composer composer) {
        if (StructuralCritic.isCallToAction(scenes.getLast().scriptLine())) {
            return;
        }
        String cta = composer.compose(Phrasebook.CTA_CORES, Phrasebook.CTA_FILLERS, 12);
        Scene ctaScene = new Scene(ScoreVocabulary.TEXT_CARD, Phrasebook.CTA_HEADLINE, "static", cta, null);
        if (scenes.size() < tier.maxScenes()) {
            scenes.add(ctaScene);
        } else {
            scenes.set(scenes.size() - 1, ctaScene);
        }
    }

    /** A body line over budget with several sentences becomes two scenes (same visual), while the tier has room. */
    private static void splitLongScenes(List<Scene> scenes, PacingTier tier) {
        for (int i = 1; i < scenes.size() - 1 && scenes.size() < tier.maxScenes(); i++) {
            Scene s = scenes.get(i);
            String[] sentences = s.scriptLine().strip().split(SENTENCE_END);
            if (s.wordCount() <= tier.maxWordsPerScene() || sentences.length < 2) {
                continue;
            }
            int cut = 1;
            while (cut < sentences.length - 1
                   && Words.count(String.join(" ", List.of(sentences).subList(0, cut))) < s.wordCount() / 2) {
                cut++;
            }
            scenes.set(i, s.withScriptLine(String.join(" ", List.of(sentences).subList(0, cut))));
            scenes.add(i + 1, new Scene(s.visualType(), s.visualPrompt(), s.motion(),
                                        String.join(" ", List.of(sentences).subList(cut, sentences.length)), null));
        }
    }

    /**
     * Each line's current length clamped to its range, then nudged until the total fits. With every line in range
     * and the total at least the tier's minimum, no scene can reach 30% of the words.
     */
    private static int[] targets(List<Scene> scenes, PacingTier tier) {
        int n = scenes.size();
        int[] lo = new int[n];
        int[] hi = new int[n];
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            boolean edge = i == 0 || i == n - 1;
            lo[i] = edge ? Math.max(tier.minWordsPerScene(), OfflineDirector.HOOK_CTA_MIN_WORDS) : tier.minWordsPerScene();
            hi[i] = edge ? Math.min(tier.maxWordsPerScene(), OfflineDirector.HOOK_CTA_MAX_WORDS) : tier.maxWordsPerScene();
            t[i] = Math.max(lo[i], Math.min(hi[i], scenes.get(i).wordCount()));
        }
        int total = java.util.Arrays.stream(t).sum();
        for (int i = 0; total < tier.minTotalWords() && i < 10 * n; i++) {
            if (t[i % n] < hi[i % n]) {
                t[i % n]++;
                total++;
            }
        }
        for (int i = 0; total > tier.maxTotalWords() && i < 10 * n; i++) {
            if (t[i % n] > lo[i % n]) {
                t[i % n]--;
                total--;
            }
        }
        return t;
    }

    /**
     * Brings a line to exactly {@code words}: keeps the whole sentences (else the leading clauses of the first one)
     * that fit and pads them with fillers; a line with nothing that fits is rewritten from {@code rewrite}.
     */
    static String fit(String line, int words, Map<Integer, List<String>> fillers, List<String> rewrite,
                      Composer composer) {
        if (Words.count(line) == words) {
            return line;
        }
        String[] sentences = line.strip().split(SENTENCE_END);
        String kept = longestPrefix(sentences, words);
        if (kept.isEmpty()) {
            kept = longestPrefix(sentences[0].split("(?<=,)\\s+"), words).replaceAll(",$", ".");
        }
        return kept.isEmpty() ? composer.compose(rewrite, fillers, words)
                : composer.compose(List.of(kept), fillers, words);
    }

    private static String longestPrefix(String[] parts, int words) {
        String kept = "";
        for (String part : parts) {
            String longer = kept.isEmpty() ? part : kept + " " + part;
            if (Words.count(longer) > words) {
                break;
            }
            kept = longer;
        }
        return kept;
    }

    private static void fixVisuals(List<Scene> scenes, String topic, Archetype archetype) {
        for (int i = 0; i < scenes.size(); i++) {
            Scene s = scenes.get(i);
            String type = s.visualType();
            if (i >= 2 && type.equals(scenes.get(i - 1).visualType()) && type.equals(scenes.get(i - 2).visualType())) {
                String next = i + 1 < scenes.size() ? scenes.get(i + 1).visualType() : null;
                type = OfflineDirector.STILL_TYPES.stream()
                        .filter(t -> !t.equals(s.visualType()) && !t.equals(next)).findFirst().orElseThrow();
            }
            int promptWords = Words.count(s.visualPrompt());
            boolean badStock = type.startsWith("stock_") && (promptWords < 3 || promptWords > 5);
            boolean badCard = ScoreVocabulary.TEXT_CARD.equals(type) && (promptWords > 8
                    || i < scenes.size() - 1 && Phrasebook.CTA_HEADLINE.equals(s.visualPrompt()));
            if (!type.equals(s.visualType()) || badStock || badCard) {
                String headline = i == scenes.size() - 1 ? Phrasebook.CTA_HEADLINE
                        : LineBuilder.titleCase(LineBuilder.shortSubject(topic));
                String prompt = OfflineDirector.visualPrompt(type, i, headline, LineBuilder.imageSubject(topic), archetype);
                scenes.set(i, s.withVisual(type, prompt));
            }
        }
        if (scenes.stream().map(Scene::motion).distinct().count() < 2) {
            List<String> motions = List.of("zoom_in", "pan_right", "zoom_out", "pan_left");
            for (int i = 0; i < scenes.size(); i++) {
                Scene s = scenes.get(i);
                scenes.set(i, new Scene(s.visualType(), s.visualPrompt(), motions.get(i % 4), s.scriptLine(),
                                        s.transition()));
            }
        }
    }
}
