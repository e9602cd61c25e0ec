package org.reelflow.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

class EventCodecTest {

    private static final JsonObject PLAN = Json.createObjectBuilder().add("archetype", "infographic").build();

    /** One of every kind; {@link #everyKindHasASample()} keeps the list complete. */
    static final List<Event> SAMPLES = List.of(
            new Event.JobSnapshot(Json.createObjectBuilder().add("id", "1").add("status", "running").build()),
            new Event.JobStarted("2026-01-02-030405-boats"),
            new Event.JobOutput("words", Json.createArrayBuilder().add(Json.createObjectBuilder().add("word", "hi")).build()),
            new Event.CancelRequested(),
            new Event.JobCompleted(),
            new Event.JobFailed("boom", false),
            new StageEvent.StageStarted(StageName.RESEARCH),
            new StageEvent.StageCompleted(StageName.DIRECTOR, "3 scenes, infographic", 0.25),
            new StageEvent.StageSkipped(StageName.CRITIC, "Dry run mode"),
            new StageEvent.StageError(StageName.VISUALS, "Rate limit exceeded"),
            new StageEvent.ResearchResults("s", List.of("a", "b"), "epic_cinematic"),
            new StageEvent.ScoreReady(PLAN),
            new StageEvent.Revision(1, 6.5),
            new StageEvent.CostEstimate(Json.createObjectBuilder().add("totalCost", 0.12).build()),
            new StageEvent.MusicGenerating("lyria"),
            new StageEvent.MusicGenerated("lyria", "warm piano"),
            new StageEvent.MusicFallback("no key", "warm piano"),
            new StageEvent.MusicResolved("bundled", "", Json.createObjectBuilder().add("trackId", "t1").build(), true),
            new StageEvent.StockVerified(2, "boats", 0.8, "fits"),
            new StageEvent.StockUnverified(2, "boats", null),
            new StageEvent.StockRejected(2, "boats", 0.55, "off topic"),
            new StageEvent.StockReformulated(2, List.of("harbour", "fleet")),
            new StageEvent.StockFallback(2, 8),
            new StageEvent.VideoImageReady(3),
            new StageEvent.VideoGenerated(3, 6, "primary"),
            new StageEvent.VideoFallback(3, "no video provider configured"),
            new StageEvent.Asset(0, "ai_image", "run/assets/scene-0-ai.png"),
            new StageEvent.AssetFailed(1, "safety"),
            new StageEvent.MusicSelected("epic-01", "epic_cinematic", "epic_cinematic", false),
            new StageEvent.Rendering(600),
            new StageEvent.RenderProgress(300, 600),
            new StageEvent.CriticReview(Json.createObjectBuilder().add("score", 8.5).add("strengths", Json.createArrayBuilder()).build()));

    /** Every record of the sealed hierarchy (Unknown included). */
    static List<Class<?>> kinds(Class<?> sealed) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            if (c.isSealed()) {
                out.addAll(kinds(c));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    @Test
    void everyKindHasASample() {
        Set<Class<?>> sampled = SAMPLES.stream().map(Object::getClass).collect(Collectors.toSet());
        for (Class<?> kind : kinds(Event.class)) {
            assertThat(kind.getSimpleName() + " has a sample", sampled.contains(kind) || kind == Event.Unknown.class, is(true));
        }
    }

    @Test
    void everyKindReadsBackAsItself() {
        for (Event e : SAMPLES) {
            assertThat(EventCodec.decode(EventCodec.name(e), EventCodec.data(e)), is(e));
        }
    }

    @Test
    void theWireKeepsOpenReelsNamesOrderAndNumberTypes() {
        assertThat(wire(new StageEvent.StageCompleted(StageName.RESEARCH, "5 key facts", 4.2)),
                   is("stage:research {\"stage\":\"research\",\"type\":\"complete\",\"detail\":\"5 key facts\",\"durationSec\":4.2}"));
        assertThat(wire(new StageEvent.ResearchResults("s", List.of("f"), "epic")),
                   is("stage:research {\"stage\":\"research\",\"type\":\"results\",\"summary\":\"s\",\"key_facts\":[\"f\"],\"mood\":\"epic\"}"));
        assertThat(wire(new StageEvent.StockUnverified(0, "q", "verification disabled")),
                   is("stage:visuals {\"stage\":\"visuals\",\"type\":\"stock_unverified\",\"scene\":0,\"query\":\"q\",\"confidence\":-1,"
                      + "\"reason\":\"verification disabled\"}"));
        assertThat(wire(new StageEvent.MusicFallback("no key", null)),
                   is("stage:visuals {\"stage\":\"visuals\",\"type\":\"music_fallback\",\"reason\":\"no key\"}"));
        assertThat(wire(new StageEvent.MusicSelected("t", "calm", "epic", true)),
                   is("stage:assembly {\"stage\":\"assembly\",\"type\":\"music\",\"track\":\"t\",\"mood\":\"calm\",\"requestedMood\":\"epic\",\"fallback\":true}"));
        assertThat(wire(new Event.JobFailed("Cancelled by user", true)),
                   is("job:failed {\"error\":\"Cancelled by user\",\"status\":\"cancelled\"}"));
        assertThat(wire(new Event.JobCompleted()), is("job:completed {}"));
    }

    @Test
    void whatThisVersionCannotReadIsKeptAsItCame() {
        JsonObject newType = Json.createObjectBuilder().add("stage", "visuals").add("type", "hologram").add("n", 1).build();
        JsonObject missingField = Json.createObjectBuilder().add("stage", "visuals").add("type", "asset").add("sceneIndex", 1).build();
        JsonObject wrongKind = Json.createObjectBuilder().add("stage", "assembly").add("type", "rendering").add("totalFrames", "many").build();
        JsonObject otherStage = Json.createObjectBuilder().add("stage", "tts").add("type", "start").build();
        JsonObject noStage = Json.createObjectBuilder().add("type", "start").build();
        for (var c : List.of(List.of("stage:visuals", newType), List.of("stage:visuals", missingField),
                             List.of("stage:assembly", wrongKind), List.of("stage:visuals", otherStage),
                             List.of("stage:tts", noStage), List.of("job:paused", JsonObject.EMPTY_JSON_OBJECT))) {
            String name = (String) c.get(0);
            JsonObject data = (JsonObject) c.get(1);
            Event e = EventCodec.decode(name, data);
            assertThat(name + " " + data, e, is(new Event.Unknown(name, data)));
            assertThat(EventCodec.name(e) + " " + EventCodec.data(e), is(name + " " + data));
        }
    }

    @Test
    void openReelsTerminalStatesAreRead() {
        assertThat(EventCodec.decode("job:failed", Json.createObjectBuilder().add("state", "cancelled").build()),
                   is(new Event.JobFailed(null, true)));
        assertThat(EventCodec.decode("job:failed", Json.createObjectBuilder().add("error", "x").build()),
                   is(new Event.JobFailed("x", false)));
        assertThat(EventCodec.decode("job:completed", Json.createObjectBuilder().add("state", "completed").build()),
                   instanceOf(Event.JobCompleted.class));
    }

    private static String wire(Event e) {
        return EventCodec.name(e) + " " + EventCodec.data(e);
    }
}
