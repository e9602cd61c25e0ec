package org.reelflow.writer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.reelflow.catalog.Archetype;
import org.reelflow.score.DirectorScore;
import org.reelflow.score.PacingTier;
import org.reelflow.score.Scene;
import org.reelflow.score.ScoreVocabulary;

/**
 * Builds a plan by rule: hook, body beats, call to action, each line exactly on a word budget that fits the tier.
 * Visual types rotate among the three kinds that need no video provider, so the golden rule holds by construction.
 */
final class OfflineDirector {

    /** Hooks and calls to action are 8-15 words whatever the tier (OpenReels' director prompt). */
    static final int HOOK_CTA_MIN_WORDS = 8;
    static final int HOOK_CTA_MAX_WORDS = 15;
    static final List<String> STILL_TYPES =
            List.of(ScoreVocabulary.AI_IMAGE, ScoreVocabulary.STOCK_IMAGE, ScoreVocabulary.TEXT_CARD);
    private static final List<String> MOVING = List.of("zoom_in", "pan_right", "zoom_out", "pan_left");
    private static final List<String> ACCENT_TRANSITIONS = List.of("crossfade", "wipe", "slide_right", "flip");

    private OfflineDirector() {
    }

    static DirectorScore plan(String topic, String direction, Archetype archetype, PacingTier tier, Random random) {
        String shortSubject = LineBuilder.shortSubject(topic);
        Composer composer = new Composer(random);
        int sceneCount = tier.minScenes() + 1 + random.nextInt(tier.maxScenes() - tier.minScenes() - 1);
        int[] budgets = budgets(tier, sceneCount, random);
        String pictured = LineBuilder.imageSubject(topic);
        List<Beats.Beat> beats = Beats.forPlan(shortSubject, pictured, direction, sceneCount - 2);
        List<String> types = visualTypes(sceneCount, random);
        int motion = random.nextInt(MOVING.size());

        List<Scene> scenes = new ArrayList<>();
        for (int i = 0; i < sceneCount; i++) {
            String line;
            String headline;
            String imageSubject = pictured;
            if (i == 0) {
                line = composer.compose(hookCores(topic, random), Phrasebook.HOOK_FILLERS, budgets[0]);
                headline = LineBuilder.titleCase(shortSubject);
            } else if (i == sceneCount - 1) {
                line = composer.compose(rotate(Phrasebook.CTA_CORES, random), Phrasebook.CTA_FILLERS, budgets[i]);
                headline = Phrasebook.CTA_HEADLINE;
            } else {
                Beats.Beat beat = beats.get(i - 1);
                line = composer.compose(beat.cores(), Phrasebook.BODY_FILLERS, budgets[i]);
                headline = beat.headline();
                imageSubject = beat.imageSubject();
            }
            String type = types.get(i);
            String move = ScoreVocabulary.TEXT_CARD.equals(type) ? "static" : MOVING.get(motion++ % MOVING.size());
            scenes.add(new Scene(type, visualPrompt(type, i, headline, imageSubject, archetype), move, line, null));
        }
        // One accent transition at the turn of the story; every other cut uses the archetype's default.
        int turn = sceneCount / 2;
        List<String> accents = ACCENT_TRANSITIONS.stream().filter(t -> !t.equals(archetype.defaultTransition())).toList();
        Scene pivot = scenes.get(turn);
        scenes.set(turn, new Scene(pivot.visualType(), pivot.visualPrompt(), pivot.motion(), pivot.scriptLine(),
                                   accents.get(random.nextInt(accents.size()))));

        String arc = Phrasebook.EMOTIONAL_ARCS.get(random.nextInt(Phrasebook.EMOTIONAL_ARCS.size()));
        return new DirectorScore(arc, archetype.name(), musicMood(archetype), scenes);
    }

    /** Per-scene word budgets: each inside its range, the total inside the tier's window, near its middle. */
    static int[] budgets(PacingTier tier, int sceneCount, Random random) {
        int[] lo = new int[sceneCount];
        int[] hi = new int[sceneCount];
        for (int i = 0; i < sceneCount; i++) {
            boolean edge = i == 0 || i == sceneCount - 1;
            lo[i] = edge ? Math.max(tier.minWordsPerScene(), HOOK_CTA_MIN_WORDS) : tier.minWordsPerScene();
            hi[i] = edge ? Math.min(tier.maxWordsPerScene(), HOOK_CTA_MAX_WORDS) : tier.maxWordsPerScene();
        }
        int low = Math.max(tier.minTotalWords(), sum(lo));
        int high = Math.min(tier.maxTotalWords(), sum(hi));
        int total = (low + high) / 2 + random.nextInt(5) - 2;
        total = Math.max(low, Math.min(high, total));
        int[] budget = lo.clone();
        for (int extra = total - sum(lo); extra > 0; ) {
            int i = random.nextInt(sceneCount);
            if (budget[i] < hi[i]) {
                budget[i]++;
                extra--;
            }
        }
        return budget;
    }

    /**
     * Types that never repeat three times running (the golden rule), never put two text cards together (the last
     * scene is one), and take the least-used kind first, so all three appear.
     */
    static List<String> visualTypes(int sceneCount, Random random) {
        List<String> types = new ArrayList<>(List.of(ScoreVocabulary.AI_IMAGE));
        int[] used = {1, 0, 0};
        for (int i = 1; i < sceneCount - 1; i++) {
            int best = -1;
            for (int k : rotateIndexes(random)) {
                String candidate = STILL_TYPES.get(k);
                boolean third = i >= 2 && candidate.equals(types.get(i - 1)) && candidate.equals(types.get(i - 2));
                boolean cardNextToCard = ScoreVocabulary.TEXT_CARD.equals(candidate)
                                         && (i == sceneCount - 2 || ScoreVocabulary.TEXT_CARD.equals(types.get(i - 1)));
                if (!third && !cardNextToCard && (best < 0 || used[k] < used[best])) {
                    best = k;
                }
            }
            types.add(STILL_TYPES.get(best));
            used[best]++;
        }
        types.add(ScoreVocabulary.TEXT_CARD);
        return types;
    }

    static String visualPrompt(String type, int index, String headline, String imageSubject, Archetype archetype) {
        return switch (type) {
            case ScoreVocabulary.TEXT_CARD -> headline;
            case ScoreVocabulary.STOCK_IMAGE -> stockQuery(imageSubject);
            default -> (index == 0 ? "A striking opening image of " + imageSubject
                    : "A scene about " + imageSubject + ", on the theme of " + headline.toLowerCase(Locale.ROOT))
                       + ". " + firstSentence(archetype.artStyle()) + " Palette: "
                       + String.join(", ", archetype.visualColorPalette()) + ". " + firstSentence(archetype.lighting());
        };
    }

    /** A 3-5 word stock search: the subject's content words, padded with generic photo words. */
    static String stockQuery(String imageSubject) {
        List<String> words = LineBuilder.keywords(imageSubject).stream().limit(4).toList();
        if (words.isEmpty()) {
            return "abstract background texture";
        }
        String query = String.join(" ", words);
        return words.size() >= 3 ? query : query + " " + Phrasebook.STOCK_PADDING.get(words.size());
    }

    static String musicMood(Archetype archetype) {
        for (String word : archetype.mood().toLowerCase(Locale.ROOT).split("[,.\\s]+")) {
            String mood = Phrasebook.MUSIC_BY_MOOD_WORD.get(word);
            if (mood != null) {
                return mood;
            }
        }
        return Phrasebook.DEFAULT_MUSIC;
    }

    /** A question topic opens with the question itself when it fits the hook budget. */
    static List<String> hookCores(String topic, Random random) {
        List<String> cores = new ArrayList<>();
        if (LineBuilder.isQuestion(topic)) {
            cores.add(LineBuilder.clean(topic) + "?");
        }
        String subject = LineBuilder.subject(topic);
        rotate(Phrasebook.HOOK_CORES, random).forEach(t -> cores.add(LineBuilder.fill(t, subject)));
        cores.add(Phrasebook.HOOK_FALLBACK);
        return cores;
    }

    private static List<String> rotate(List<String> items, Random random) {
        int start = random.nextInt(items.size());
        List<String> out = new ArrayList<>(items.subList(start, items.size()));
        out.addAll(items.subList(0, start));
        return out;
    }

    private static int[] rotateIndexes(Random random) {
        int start = random.nextInt(3);
        return new int[] {start, (start + 1) % 3, (start + 2) % 3};
    }

    private static String firstSentence(String prose) {
        int end = prose.indexOf(". ");
        return end < 0 ? prose : prose.substring(0, end + 1);
    }

    private static int sum(int[] values) {
        int s = 0;
        for (int v : values) {
            s += v;
        }
        return s;
    }
}
