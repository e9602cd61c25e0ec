package org.reelflow.writer;

import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.reelflow.catalog.Archetypes;
import org.reelflow.providers.KeyRing;
import org.reelflow.providers.Models;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.http.RetryPolicy;
import org.reelflow.providers.llm.LlmConfig;
import org.reelflow.providers.llm.LlmProviders;
import org.reelflow.providers.llm.Usage;
import org.reelflow.support.VendorDouble;
import org.reelflow.support.VendorDouble.Reply;
import org.reelflow.score.DirectorScore;
import org.reelflow.score.PacingTier;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The LLM writer end to end against an OpenAI double: its messages, schemas, feedback loops and usage. */
class LlmWriterTest {

    static final Archetypes ARCHETYPES = Archetypes.load();
    static final Research RESEARCH = new Research("Pencils are graphite and clay.",
            List.of("The pencil dates to 1564.", "Graphite is not lead."), "curious", List.of("https://example.org"));

    VendorDouble d;
    LlmWriter writer;

    @BeforeEach
    void start() throws Exception {
        d = new VendorDouble();
        RetryPolicy fast = new RetryPolicy(java.time.Duration.ofSeconds(3), 2, java.time.Duration.ofMillis(10),
                                           java.time.Duration.ofMillis(10), java.time.Duration.ofSeconds(1));
        LlmConfig config = new LlmConfig(ProviderHttp.create(), fast, fast, 4096, Map.of("openai", d.url("/v1")), null,
                                         Models.DEFAULTS);
        writer = new LlmWriter(LlmProviders.create("openai", null, null, "none",
                                                   new KeyRing(Map.of("OPENAI_API_KEY", "sk-proj-x"), n -> null), config),
                               ARCHETYPES);
    }

    @AfterEach
    void stop() {
        d.close();
    }

    static String chat(JsonObject content, int in, int out) {
        return chat(content.toString(), in, out);
    }

    static String chat(String content, int in, int out) {
        return Json.createObjectBuilder().add("id", "chatcmpl-1").add("object", "chat.completion").add("created", 1)
                .add("model", "gpt-5.4")
                .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder().add("index", 0)
                        .add("message", Json.createObjectBuilder().add("role", "assistant").add("content", content))
                        .add("finish_reason", "stop")))
                .add("usage", Json.createObjectBuilder().add("prompt_tokens", in).add("completion_tokens", out))
                .build().toString();
    }

    static JsonObject score(String archetype, String... types) {
        JsonArrayBuilder scenes = Json.createArrayBuilder();
        for (int i = 0; i < types.length; i++) {
            scenes.add(Json.createObjectBuilder().add("visual_type", types[i]).add("visual_prompt", "a pencil " + i)
                               .add("motion", "zoom_in").add("script_line", "Line number " + i + " about pencils.")
                               .addNull("transition"));
        }
        return Json.createObjectBuilder().add("emotional_arc", "curiosity to wonder").add("archetype", archetype)
                .add("music_mood", "chill_lofi").add("scenes", scenes).build();
    }

    static JsonObject validScore(String archetype) {
        return score(archetype, "ai_image", "stock_image", "text_card", "ai_image");
    }

    private String userMessage(int request) {
        var messages = d.seen.get(request).json().getJsonArray("messages");
        return messages.getJsonObject(messages.size() - 1).getString("content");
    }

    private String systemMessage(int request) {
        return d.seen.get(request).json().getJsonArray("messages").getJsonObject(0).getString("content");
    }

    private DirectorBrief brief(String archetype, PacingTier pacing, String direction) {
        return new DirectorBrief("The history of the pencil", RESEARCH,
                                 archetype == null ? null : ARCHETYPES.require(archetype), pacing, direction, false);
    }

    @Test
    void researchAsksForTheTopicAndReadsTheFindings() throws Exception {
        d.then(Reply.ok(chat(Json.createObjectBuilder().add("summary", "Graphite was found in Borrowdale.")
                                     .add("key_facts", Json.createArrayBuilder().add("Found in 1564."))
                                     .add("mood", "curious").add("sources", Json.createArrayBuilder()).build(), 100, 50)));
        Research r = writer.research("The history of the pencil");
        assertThat(r.summary(), is("Graphite was found in Borrowdale."));
        assertThat(r.keyFacts(), is(List.of("Found in 1564.")));
        assertThat(userMessage(0), is("Research this topic for a short-form video script: The history of the pencil"));
        assertThat(systemMessage(0), containsString("# Researcher"));
        assertThat(systemMessage(0), containsString("You do not have access to web search."));
        assertThat(d.seen.getFirst().json().getJsonObject("response_format").getJsonObject("json_schema")
                           .getString("name"), is("research"));
    }

    @Test
    void directTellsTheBriefAndReturnsAValidatedScore() throws Exception {
        d.then(Reply.ok(chat(validScore("infographic"), 5000, 2000)));
        DirectorScore s = writer.direct(brief("infographic", PacingTier.FAST, "Mention the eraser."), null);

        assertThat(s.archetype(), is("infographic"));
        assertThat(s.scenes().size(), is(4));
        String user = userMessage(0);
        assertThat(user, containsString("Topic: The history of the pencil"));
        assertThat(user, containsString("- Graphite is not lead."));
        assertThat(user, containsString("Mood: curious"));
        assertThat(user, containsString("Use the \"infographic\" archetype."));
        assertThat(user, containsString("Use fast pacing. Create a DirectorScore with 8-12 scenes. "
                                        + "Per-scene word budget: 8-12 words. Total narration: 90-120 words."));
        assertThat(user, containsString("Use all 4 visual types (ai_image, stock_image, stock_video, text_card)."));
        assertThat(user, containsString("## Creative Direction (from the producer)\n\nMention the eraser."));
        assertThat(user, not(containsString("PREVIOUS ATTEMPT FAILED")));
        assertThat(systemMessage(0), containsString("## Reference: Content Playbook"));
        assertThat(systemMessage(0), containsString("## Critic Rubric"));
        JsonObject schema = d.seen.getFirst().json().getJsonObject("response_format").getJsonObject("json_schema")
                .getJsonObject("schema");
        assertThat(schema.getJsonObject("properties").getJsonObject("archetype").getJsonArray("enum").size(), is(14));
        assertThat(writer.usage(), is(new Usage(5000, 2000)));
    }

    @Test
    void withoutArchetypeOrPacingTheModelChoosesFromTheTable() throws Exception {
        d.then(Reply.ok(chat(validScore("moody_cinematic"), 1, 1)));
        DirectorBrief b = new DirectorBrief("Pencils", null, null, null, null, true);
        writer.direct(b, null);
        String user = userMessage(0);
        assertThat(user, containsString("Choose from: editorial_caricature, warm_narrative"));
        assertThat(user, containsString("- fast: 8-12 scenes, 8-12 words per scene, 90-120 total words (infographic,"));
        assertThat(user, containsString("Use all 5 visual types"));
        assertThat(user, containsString("Research summary:\nTopic: Pencils"));
    }

    @Test
    void aScoreThatBreaksTheRulesFailsWithAReasonThatIsFedBack() throws Exception {
        d.then(Reply.ok(chat(score("infographic", "ai_image", "ai_image", "ai_image", "text_card"), 100, 100)),
               Reply.ok(chat(validScore("infographic"), 100, 100)));
        DirectorBrief b = brief("infographic", null, null);
        ProviderException e = assertThrows(ProviderException.class, () -> writer.direct(b, null));
        assertThat(e.getMessage(), is("openai returned output that does not match the director_score schema: "
                                      + "Golden rule violation: no more than 2 consecutive scenes of the same visual_type"));

        writer.direct(b, e.getMessage());
        assertThat(userMessage(1), containsString("\n\nPREVIOUS ATTEMPT FAILED: " + e.getMessage() + ". Fix the issue."));
        assertThat(userMessage(1), containsString("This archetype uses fast pacing."));
        assertThat("the rejected plan's tokens count too", writer.usage(), is(new Usage(200, 200)));
    }

    @Test
    void anUnknownArchetypeOrTooFewScenesIsRejected() {
        d.then(Reply.ok(chat(score("infographic", "ai_image", "text_card"), 1, 1)));
        ProviderException e = assertThrows(ProviderException.class,
                                           () -> writer.direct(brief("infographic", null, null), null));
        assertThat(e.getMessage(), containsString("scenes"));
    }

    @Test
    void critiqueSendsTheTierAndThePlanAndReadsTheReview() throws Exception {
        d.then(Reply.ok(chat(Json.createObjectBuilder().add("score", 6).add("strengths", Json.createArrayBuilder().add("Hook"))
                                     .add("weaknesses", Json.createArrayBuilder().add("Scene 3 drags"))
                                     .add("revision_needed", true).add("revision_instructions", "Cut scene 3.")
                                     .add("weakest_scene_index", 2).build(), 3000, 500)));
        DirectorScore plan = DirectorScore.parse(validScore("warm_editorial"));
        Review r = writer.critique("The history of the pencil", plan, null);
        assertThat(r.score(), is(6.0));
        assertThat(r.weakestSceneIndex(), is(2));
        assertThat(r.revisionInstructions(), is("Cut scene 3."));
        assertThat(userMessage(0), containsString(
                "This video uses **moderate** pacing (7-10 scenes, 10-16 words per scene, 100-140 total words)."));
        assertThat(userMessage(0), containsString("\"archetype\":\"warm_editorial\""));
        assertThat(userMessage(0), containsString("If it scores below 7"));
        assertThat(systemMessage(0), containsString("## Pacing Rules"));
        assertThat(systemMessage(0), containsString("## Critic Rubric"));
        assertThat(systemMessage(0), not(containsString("## Hook Patterns")));
    }

    @Test
    void aReviewMissingFieldsIsRejected() {
        d.then(Reply.ok(chat("{\"score\": \"eight\", \"strengths\": [], \"weaknesses\": [], \"revision_needed\": false}", 1, 1)));
        ProviderException e = assertThrows(ProviderException.class, () -> writer.critique(
                "t", DirectorScore.parse(validScore("infographic")), PacingTier.FAST));
        assertThat(e.getMessage(), containsString("score: expected number"));
        assertThat(e.getMessage(), containsString("revision_instructions: required"));
    }

    @Test
    void reviseKeepsTheArchetypeAndRetriesOnceWithTheReason() throws Exception {
        d.then(Reply.ok(chat("not json at all", 10, 10)), Reply.ok(chat(validScore("comic_book"), 10, 10)));
        DirectorScore current = DirectorScore.parse(validScore("infographic"));
        Review review = new Review(5, List.of("Good hook"), List.of("Weak CTA", "Flat middle"), true, null, 3);

        DirectorScore revised = writer.revise(brief(null, null, null), current, review);

        assertThat(revised.archetype(), is("infographic"));
        String first = userMessage(0);
        assertThat(first, containsString("## Current Plan (score: 5/10)"));
        assertThat(first, containsString("## Critic Feedback"));
        assertThat(first, containsString("- Weak CTA"));
        assertThat(first, containsString("Weakest scene: index 3"));
        assertThat(first, containsString("## Revision Instructions\n\nAddress these weaknesses: Weak CTA; Flat middle"));
        assertThat(first, containsString("Keep the same archetype (\"infographic\")."));
        assertThat(userMessage(1), containsString("PREVIOUS ATTEMPT FAILED: openai returned output that does not match "
                                                  + "the director_score schema: the answer was not a JSON object. Fix the issue."));
    }

    @Test
    void aRevisionThatFailsTwiceGivesUp() {
        d.then(Reply.ok(chat("{}", 1, 1)));
        DirectorScore current;
        try {
            current = DirectorScore.parse(validScore("infographic"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> writer.revise(
                brief(null, null, null), current, new Review(4, List.of(), List.of("x"), true, "Fix it", null)));
        assertThat(e.getMessage(), containsString("Revision failed after 2 attempts: "));
        assertThat(d.seen.size(), is(2));
    }

    @Test
    void theWriterIsTheClientsProvider() {
        assertThat(writer.provider(), is("openai"));
        assertThat(writer.model(), is("gpt-5.4"));
    }
}
