package org.reelflow.score;

import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.reelflow.catalog.Archetypes;

/** The creative director's plan: the scenes plus the whole-video choices (arc, archetype, music mood). */
public record DirectorScore(String emotionalArc, String archetype, String musicMood, List<Scene> scenes) {

    public DirectorScore {
        scenes = List.copyOf(scenes);
    }

    /** Validates against OpenReels' schema (see {@link ScoreParser}); the archetype registry is checked separately. */
    public static DirectorScore parse(JsonValue json) throws ScoreValidationException {
        return ScoreParser.parse(json);
    }

    /**
     * The score's archetype when the registry does not know it (the API answers
     * {@code Score references unknown archetype: <a>}), else empty.
     */
    public static Optional<String> unknownArchetype(DirectorScore score, Archetypes archetypes) {
        return archetypes.find(score.archetype()).isPresent() ? Optional.empty() : Optional.of(score.archetype());
    }

    public DirectorScore withArchetype(String name) {
        return new DirectorScore(emotionalArc, name, musicMood, scenes);
    }

    public DirectorScore withScenes(List<Scene> newScenes) {
        return new DirectorScore(emotionalArc, archetype, musicMood, newScenes);
    }

    public int totalWords() {
        return scenes.stream().mapToInt(Scene::wordCount).sum();
    }

    /** True when no more than two consecutive scenes share a visual_type. */
    public boolean obeysGoldenRule() {
        return ScoreParser.longestRun(scenes.stream().map(Scene::visualType).toList())
               <= ScoreVocabulary.MAX_SAME_VISUAL_TYPE_RUN;
    }

    public JsonObject toJson() {
        var sceneArray = Json.createArrayBuilder();
        scenes.forEach(s -> sceneArray.add(s.toJson()));
        return Json.createObjectBuilder()
                .add("emotional_arc", emotionalArc)
                .add("archetype", archetype)
                .add("music_mood", musicMood)
                .add("scenes", sceneArray)
                .build();
    }
}
