package org.reelflow.writer;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.reelflow.catalog.Archetypes;
import org.reelflow.providers.llm.OutputSchema;
import org.reelflow.providers.llm.OutputSchema.InvalidOutputException;
import org.reelflow.score.DirectorScore;
import org.reelflow.score.ScoreValidationException;
import org.reelflow.score.ScoreVocabulary;

/**
 * The three structured outputs of the writer, OpenReels' zod schemas as JSON Schema. The director's is the
 * LLM-facing "raw" one: archetype restricted to the registry, no scene-count bounds (Gemini rejects
 * {@code minItems > 1}); the answer is then held to {@link DirectorScore#parse} (3-16 scenes, golden rule).
 */
final class WriterSchemas {

    private WriterSchemas() {
    }

    static final OutputSchema<Research> RESEARCH = new OutputSchema<>("research", object()
            .add("properties", Json.createObjectBuilder()
                    .add("summary", type("string"))
                    .add("key_facts", arrayOf(type("string")))
                    .add("mood", type("string"))
                    .add("sources", arrayOf(type("string"))))
            .add("required", strings(List.of("summary", "key_facts", "mood", "sources")))
            .build(), WriterSchemas::readResearch);

    static final OutputSchema<Review> CRITIC = new OutputSchema<>("critic_review", object()
            .add("properties", Json.createObjectBuilder()
                    .add("score", type("number"))
                    .add("strengths", arrayOf(type("string")))
                    .add("weaknesses", arrayOf(type("string")))
                    .add("revision_needed", type("boolean"))
                    .add("revision_instructions", nullable(type("string")))
                    .add("weakest_scene_index", nullable(type("integer"))))
            .add("required", strings(List.of("score", "strengths", "weaknesses", "revision_needed",
                                             "revision_instructions", "weakest_scene_index")))
            .build(), WriterSchemas::readReview);

    static OutputSchema<DirectorScore> director(Archetypes archetypes) {
        JsonObject scene = object()
                .add("properties", Json.createObjectBuilder()
                        .add("visual_type", enumOf(ScoreVocabulary.VISUAL_TYPES))
                        .add("visual_prompt", type("string"))
                        .add("motion", enumOf(ScoreVocabulary.MOTIONS))
                        .add("script_line", type("string"))
                        .add("transition", nullable(enumOf(ScoreVocabulary.TRANSITIONS))))
                .add("required", strings(List.of("visual_type", "visual_prompt", "motion", "script_line", "transition")))
                .build();
        JsonObject schema = object()
                .add("properties", Json.createObjectBuilder()
                        .add("emotional_arc", type("string"))
                        .add("archetype", enumOf(archetypes.names()))
                        .add("music_mood", enumOf(ScoreVocabulary.MUSIC_MOODS))
                        .add("scenes", Json.createObjectBuilder().add("type", "array").add("items", scene)))
                .add("required", strings(List.of("emotional_arc", "archetype", "music_mood", "scenes")))
                .build();
        return new OutputSchema<>("director_score", schema, json -> readScore(json, archetypes));
    }

    static DirectorScore readScore(JsonObject json, Archetypes archetypes) throws InvalidOutputException {
        try {
            DirectorScore score = DirectorScore.parse(json);
            var unknown = DirectorScore.unknownArchetype(score, archetypes);
            if (unknown.isPresent()) {
                throw new InvalidOutputException("archetype: unknown archetype " + unknown.get());
            }
            return score;
        } catch (ScoreValidationException e) {
            throw new InvalidOutputException(e.getMessage());
        }
    }

    private static Research readResearch(JsonObject json) throws InvalidOutputException {
        List<String> issues = new ArrayList<>();
        String summary = string(json, "summary", issues);
        List<String> facts = stringList(json, "key_facts", issues);
        String mood = string(json, "mood", issues);
        List<String> sources = stringList(json, "sources", issues);
        if (!issues.isEmpty()) {
            throw new InvalidOutputException(String.join("; ", issues));
        }
        return new Research(summary, facts, mood, sources);
    }

    private static Review readReview(JsonObject json) throws InvalidOutputException {
        List<String> issues = new ArrayList<>();
        double score = 0;
        if (json.get("score") instanceof JsonNumber n) {
            score = n.doubleValue();
        } else {
            issues.add("score: expected number");
        }
        List<String> strengths = stringList(json, "strengths", issues);
        List<String> weaknesses = stringList(json, "weaknesses", issues);
        JsonValue needed = json.get("revision_needed");
        if (needed != JsonValue.TRUE && needed != JsonValue.FALSE) {
            issues.add("revision_needed: expected boolean");
        }
        String instructions = null;
        JsonValue ri = json.get("revision_instructions");
        if (ri instanceof JsonString s) {
            instructions = s.getString();
        } else if (ri != null && ri != JsonValue.NULL) {
            issues.add("revision_instructions: expected string or null");
        } else if (ri == null) {
            issues.add("revision_instructions: required");
        }
        Integer weakest = null;
        JsonValue wi = json.get("weakest_scene_index");
        if (wi instanceof JsonNumber n && n.isIntegral()) {
            weakest = n.intValue();
        } else if (wi != null && wi != JsonValue.NULL) {
            issues.add("weakest_scene_index: expected integer or null");
        } else if (wi == null) {
            issues.add("weakest_scene_index: required");
        }
        if (!issues.isEmpty()) {
            throw new InvalidOutputException(String.join("; ", issues));
        }
        return new Review(score, strengths, weaknesses, needed == JsonValue.TRUE, instructions, weakest);
    }

    private static String string(JsonObject json, String key, List<String> issues) {
        if (json.get(key) instanceof JsonString s) {
            return s.getString();
        }
        issues.add(key + ": expected string");
        return null;
    }

    private static List<String> stringList(JsonObject json, String key, List<String> issues) {
        if (!(json.get(key) instanceof JsonArray a)) {
            issues.add(key + ": expected array");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) instanceof JsonString s) {
                out.add(s.getString());
            } else {
                issues.add(key + "[" + i + "]: expected string");
            }
        }
        return out;
    }

    private static JsonObjectBuilder object() {
        return Json.createObjectBuilder().add("type", "object").add("additionalProperties", false);
    }

    private static JsonObjectBuilder type(String t) {
        return Json.createObjectBuilder().add("type", t);
    }

    private static JsonObjectBuilder arrayOf(JsonObjectBuilder items) {
        return Json.createObjectBuilder().add("type", "array").add("items", items);
    }

    private static JsonObjectBuilder enumOf(List<String> values) {
        return Json.createObjectBuilder().add("type", "string").add("enum", strings(values));
    }

    private static JsonObjectBuilder nullable(JsonObjectBuilder schema) {
        return Json.createObjectBuilder().add("anyOf", Json.createArrayBuilder().add(schema).add(type("null")));
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        values.forEach(b::add);
        return b;
    }
}
