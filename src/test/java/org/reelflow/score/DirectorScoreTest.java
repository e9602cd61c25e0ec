package org.reelflow.score;

import java.io.StringReader;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.reelflow.catalog.Archetypes;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DirectorScoreTest {

    private static final List<String> ROTATION = List.of("ai_image", "stock_image", "text_card");

    /** A valid scene as a builder, so each test breaks exactly one thing. */
    private static JsonObjectBuilder scene(String type) {
        return Json.createObjectBuilder()
                .add("visual_type", type)
                .add("visual_prompt", "a lighthouse at dusk")
                .add("motion", "zoom_in")
                .add("script_line", "The light still turns every night.")
                .addNull("transition");
    }

    private static JsonObjectBuilder score(int sceneCount) {
        JsonArrayBuilder scenes = Json.createArrayBuilder();
        for (int i = 0; i < sceneCount; i++) {
            scenes.add(scene(ROTATION.get(i % 3)));
        }
        return score(scenes);
    }

    private static JsonObjectBuilder score(JsonArrayBuilder scenes) {
        return Json.createObjectBuilder()
                .add("emotional_arc", "curiosity to wonder")
                .add("archetype", "warm_narrative")
                .add("music_mood", "warm_acoustic")
                .add("scenes", scenes);
    }

    private static ScoreValidationException invalid(JsonValue json) {
        return assertThrows(ScoreValidationException.class, () -> DirectorScore.parse(json));
    }

    @Test
    void parsesAValidScoreAndRoundTrips() throws Exception {
        JsonObject json = score(Json.createArrayBuilder()
                                        .add(scene("ai_image"))
                                        .add(scene("ai_image").add("transition", "wipe"))
                                        .add(scene("text_card").add("motion", "static"))).build();
        DirectorScore parsed = DirectorScore.parse(json);
        assertThat(parsed.archetype(), is("warm_narrative"));
        assertThat(parsed.scenes(), hasSize(3));
        assertThat(parsed.scenes().get(0).transition(), is(nullValue()));
        assertThat(parsed.scenes().get(1).transition(), is("wipe"));
        assertThat(parsed.totalWords(), is(18));
        assertThat(parsed.toJson(), is(json));
        assertThat(DirectorScore.parse(parsed.toJson()), is(parsed));
    }

    @Test
    void toJsonAlwaysWritesTransitionEvenWhenNull() {
        JsonObject json = new Scene("ai_image", "p", "static", "s", null).toJson();
        assertThat(json.containsKey("transition"), is(true));
        assertThat(json.get("transition"), is(JsonValue.NULL));
        assertThat(List.copyOf(json.keySet()),
                   is(List.of("visual_type", "visual_prompt", "motion", "script_line", "transition")));
    }

    @Test
    void missingTransitionKeyIsRejected() {
        JsonObjectBuilder noTransition = scene("text_card");
        noTransition.remove("transition");
        var e = invalid(score(Json.createArrayBuilder().add(scene("ai_image")).add(scene("stock_image"))
                                      .add(scene("ai_image")).add(noTransition)).build());
        assertThat(e.getMessage(), is("scenes[3].transition: required (use null for the archetype's default)"));
    }

    @Test
    void unknownTransitionIsRejected() {
        var e = invalid(score(Json.createArrayBuilder().add(scene("ai_image").add("transition", "dissolve"))
                                      .add(scene("stock_image")).add(scene("text_card"))).build());
        assertThat(e.getMessage(),
                   is("scenes[0].transition: must be one of none, crossfade, slide_left, slide_right, wipe, flip or null"));
    }

    @Test
    void sceneCountBounds() throws Exception {
        assertThat(DirectorScore.parse(score(3).build()).scenes(), hasSize(3));
        assertThat(DirectorScore.parse(score(16).build()).scenes(), hasSize(16));
        assertThat(invalid(score(2).build()).getMessage(), is("scenes: must have 3 to 16 scenes, got 2"));
        assertThat(invalid(score(17).build()).getMessage(), is("scenes: must have 3 to 16 scenes, got 17"));
    }

    @Test
    void goldenRuleAllowsTwoButNotThreeInARow() throws Exception {
        var two = Json.createArrayBuilder().add(scene("ai_image")).add(scene("ai_image")).add(scene("text_card"));
        assertThat(DirectorScore.parse(score(two).build()).obeysGoldenRule(), is(true));
        var three = Json.createArrayBuilder().add(scene("text_card")).add(scene("stock_image"))
                .add(scene("stock_image")).add(scene("stock_image"));
        assertThat(invalid(score(three).build()).getMessage(),
                   is("Golden rule violation: no more than 2 consecutive scenes of the same visual_type"));
    }

    @Test
    void enumMessagesListTheAllowedValues() {
        var e = invalid(score(3).add("music_mood", "happy").build());
        assertThat(e.getMessage(), is("music_mood: must be one of epic_cinematic, tense_electronic, chill_lofi, "
                                      + "uplifting_pop, mysterious_ambient, warm_acoustic, dark_cinematic, dreamy_ethereal"));
        var scenes = Json.createArrayBuilder().add(scene("hologram")).add(scene("ai_image").add("motion", "spin"))
                .add(scene("stock_video"));
        assertThat(invalid(score(scenes).build()).issues(),
                   is(List.of("scenes[0].visual_type: must be one of ai_image, ai_video, stock_image, stock_video, text_card",
                              "scenes[1].motion: must be one of zoom_in, zoom_out, pan_right, pan_left, static")));
    }

    @Test
    void requiredAndNonEmptyStrings() {
        JsonObjectBuilder root = score(3).add("emotional_arc", "").add("archetype", 7);
        root.remove("music_mood");
        var scenes = Json.createArrayBuilder().add(scene("ai_image").add("script_line", ""))
                .add(scene("text_card").addNull("visual_prompt")).add(scene("stock_image"));
        JsonObject json = root.add("scenes", scenes).build();
        assertThat(invalid(json).issues(), is(List.of("emotional_arc: must not be empty",
                                                     "archetype: expected a string",
                                                     "music_mood: required",
                                                     "scenes[0].script_line: must not be empty",
                                                     "scenes[1].visual_prompt: expected a string")));
    }

    @Test
    void collectsEveryIssueJoinedBySemicolons() {
        var scenes = Json.createArrayBuilder().add(scene("ai_image").add("motion", "spin"))
                .add(scene("ai_image")).add(scene("ai_image")).add("not a scene");
        JsonObjectBuilder root = score(scenes).add("music_mood", "loud");
        root.remove("emotional_arc");
        assertThat(invalid(root.build()).getMessage(), is(
                "emotional_arc: required; music_mood: must be one of epic_cinematic, tense_electronic, chill_lofi, "
                + "uplifting_pop, mysterious_ambient, warm_acoustic, dark_cinematic, dreamy_ethereal; "
                + "scenes[0].motion: must be one of zoom_in, zoom_out, pan_right, pan_left, static; "
                + "scenes[3]: expected an object; "
                + "Golden rule violation: no more than 2 consecutive scenes of the same visual_type"));
    }

    @Test
    void rejectsNonObjectsAndMissingScenes() {
        assertThat(invalid(Json.createArrayBuilder().build()).getMessage(), is("expected a JSON object"));
        assertThat(invalid(JsonValue.NULL).getMessage(), is("expected a JSON object"));
        JsonObjectBuilder root = score(3);
        root.remove("scenes");
        assertThat(invalid(root.build()).getMessage(), is("scenes: required"));
        assertThat(invalid(score(3).add("scenes", "many").build()).getMessage(), is("scenes: expected an array"));
    }

    @Test
    void unknownKeysAreIgnored() throws Exception {
        String text = "{\"emotional_arc\":\"a\",\"archetype\":\"x\",\"music_mood\":\"chill_lofi\",\"extra\":1,"
                      + "\"scenes\":[" + String.join(",", List.of(sceneText("ai_image"), sceneText("text_card"),
                                                                    sceneText("ai_image"))) + "]}";
        DirectorScore parsed = DirectorScore.parse(Json.createReader(new StringReader(text)).readObject());
        assertThat(parsed.toJson().containsKey("extra"), is(false));
        assertThat(parsed.scenes(), hasSize(3));
    }

    private static String sceneText(String type) {
        return "{\"visual_type\":\"" + type + "\",\"visual_prompt\":\"p\",\"motion\":\"static\","
               + "\"script_line\":\"s\",\"transition\":null,\"note\":\"ignored\"}";
    }

    @Test
    void unknownArchetypeIsARegistryCheckNotASchemaCheck() throws Exception {
        Archetypes archetypes = Archetypes.load();
        DirectorScore known = DirectorScore.parse(score(3).build());
        assertThat(DirectorScore.unknownArchetype(known, archetypes).isPresent(), is(false));
        DirectorScore unknown = DirectorScore.parse(score(3).add("archetype", "glitch").build());
        assertThat(DirectorScore.unknownArchetype(unknown, archetypes).orElseThrow(), is("glitch"));
    }
}
