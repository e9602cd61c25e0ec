package org.reelflow.score;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * OpenReels' {@code DirectorScore} zod schema, by hand. Unlike zod's first-failure refinements it collects every
 * issue, so a caller fixing a hand-written score sees all problems at once. Unknown keys are ignored.
 */
final class ScoreParser {

    private final List<String> issues = new ArrayList<>();

    private ScoreParser() {
    }

    static DirectorScore parse(JsonValue json) throws ScoreValidationException {
        return new ScoreParser().score(json);
    }

    private DirectorScore score(JsonValue json) throws ScoreValidationException {
        if (!(json instanceof JsonObject root)) {
            throw new ScoreValidationException(List.of("expected a JSON object"));
        }
        String arc = text(root, "emotional_arc", "emotional_arc");
        String archetype = text(root, "archetype", "archetype");
        String mood = choice(root, "music_mood", "music_mood", ScoreVocabulary.MUSIC_MOODS);
        List<Scene> scenes = scenes(root);
        if (!issues.isEmpty()) {
            throw new ScoreValidationException(issues);
        }
        return new DirectorScore(arc, archetype, mood, scenes);
    }

    private List<Scene> scenes(JsonObject root) {
        JsonValue value = root.get("scenes");
        if (value == null) {
            issues.add("scenes: required");
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            issues.add("scenes: expected an array");
            return List.of();
        }
        if (array.size() < ScoreVocabulary.MIN_SCENES || array.size() > ScoreVocabulary.MAX_SCENES) {
            issues.add("scenes: must have " + ScoreVocabulary.MIN_SCENES + " to " + ScoreVocabulary.MAX_SCENES
                       + " scenes, got " + array.size());
        }
        List<Scene> scenes = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "scenes[" + i + "]";
            if (!(array.get(i) instanceof JsonObject s)) {
                issues.add(path + ": expected an object");
                types.add(null);
                continue;
            }
            String type = choice(s, "visual_type", path + ".visual_type", ScoreVocabulary.VISUAL_TYPES);
            types.add(type);
            scenes.add(new Scene(type,
                                 text(s, "visual_prompt", path + ".visual_prompt"),
                                 choice(s, "motion", path + ".motion", ScoreVocabulary.MOTIONS),
                                 text(s, "script_line", path + ".script_line"),
                                 transition(s, path + ".transition")));
        }
        // Checked even when other fields failed, on the scenes whose visual_type was readable.
        if (longestRun(types) > ScoreVocabulary.MAX_SAME_VISUAL_TYPE_RUN) {
            issues.add(ScoreVocabulary.GOLDEN_RULE_MESSAGE);
        }
        return scenes;
    }

    /** A required string of at least one character. */
    private String text(JsonObject o, String key, String path) {
        JsonValue v = o.get(key);
        if (v == null) {
            issues.add(path + ": required");
            return null;
        }
        if (!(v instanceof JsonString s)) {
            issues.add(path + ": expected a string");
            return null;
        }
        if (s.getString().isEmpty()) {
            issues.add(path + ": must not be empty");
            return null;
        }
        return s.getString();
    }

    private String choice(JsonObject o, String key, String path, List<String> allowed) {
        JsonValue v = o.get(key);
        if (v == null) {
            issues.add(path + ": required");
            return null;
        }
        if (!(v instanceof JsonString s) || !allowed.contains(s.getString())) {
            issues.add(path + ": must be one of " + String.join(", ", allowed));
            return null;
        }
        return s.getString();
    }

    /** The key must be present (zod: nullable, not optional); JSON null means "archetype default". */
    private String transition(JsonObject o, String path) {
        JsonValue v = o.get("transition");
        if (v == null) {
            issues.add(path + ": required (use null for the archetype's default)");
            return null;
        }
        if (v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(v instanceof JsonString s) || !ScoreVocabulary.TRANSITIONS.contains(s.getString())) {
            issues.add(path + ": must be one of " + String.join(", ", ScoreVocabulary.TRANSITIONS) + " or null");
            return null;
        }
        return s.getString();
    }

    /** Longest run of equal, non-null visual types. */
    static int longestRun(List<String> types) {
        int longest = 0;
        int run = 0;
        String previous = null;
        for (String type : types) {
            run = type != null && type.equals(previous) ? run + 1 : (type == null ? 0 : 1);
            previous = type;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
