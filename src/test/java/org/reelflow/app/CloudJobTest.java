package org.reelflow.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.reelflow.media.inspect.VideoProbe;
import org.reelflow.media.voice.RequiredTools;
import org.reelflow.support.LogCapture;
import org.reelflow.support.ServedModels;
import org.reelflow.support.SseClient;
import org.reelflow.support.SseClient.Event;
import org.reelflow.support.TestServer;
import org.reelflow.support.VendorDouble;
import org.reelflow.support.VendorDouble.Seen;
import org.reelflow.support.VendorWire;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.reelflow.support.Streams.shape;

/**
 * Whole jobs through the server with every cloud provider pointed at a local double speaking its vendor's wire
 * format: the LLM writes the research, plan and review, ElevenLabs speaks (real Festival audio with character
 * timings), Gemini draws the pictures, Lyria scores it — and the offline media engine renders a real MP4. Each
 * double serves its vendor's current models, lists them as the vendor does and refuses others the vendor's way.
 * Also the failure paths end to end: a bad LLM key, a rate limit, Lyria refusing, a model the vendor does not
 * serve (found before anything is paid for, or refused mid-run).
 */
class CloudJobTest {

    static final Duration RENDER_WAIT = Duration.ofMinutes(4);

    static final String ANTHROPIC_KEY = "sk-ant-api03-e2eSecretAAAA";
    static final String ELEVENLABS_KEY = "sk_el_e2eSecretBBBB";
    static final String GOOGLE_KEY = "AIzaSy-e2eSecretCCCC";
    static final String OPENAI_KEY = "sk-proj-e2eSecretDDDD";

    static final String MESSAGES = "/v1/messages";
    static final String GEMINI_CHAT = "/v1beta/models/gemini-3.8-flash:generateContent";
    static final String SPEECH = "/v1/text-to-speech/JBFqnCBsd6RMkjVDRZzb/with-timestamps";
    static final String IMAGE = "/v1beta/models/gemini-3.1-flash-image:generateContent";
    static final String LYRIA = "/v1beta/models/lyria-3.5:generateContent";
    static final String OPENAI_CHAT = "/v1/chat/completions";
    static final String OPENAI_SEARCH = "/v1/responses";
    static final String OPENAI_SPEECH = "/v1/audio/speech";
    static final String OPENAI_IMAGE = "/v1/images/generations";

    /** Five short scenes (cinematic pacing) keep the render near 15 s of video. */
    static final List<String> LINES = List.of(
            "Honey never spoils when the jar is sealed well.",
            "Jars found in old tombs were still good to eat.",
            "Bees fan their wings to dry the nectar.",
            "Sugar and acid keep every microbe away.",
            "So your honey may outlive you.");
    static final List<String> TYPES = List.of("ai_image", "ai_image", "text_card", "stock_image", "ai_image");

    static byte[] musicBed;
    static byte[] picture;

    @TempDir
    Path dir;
    @TempDir
    Path work;

    VendorDouble anthropic;
    VendorDouble elevenlabs;
    VendorDouble google;
    VendorDouble openai;

    @BeforeAll
    static void media(@TempDir Path tmp) throws Exception {
        RequiredTools.require("festival", "ffmpeg", "ffprobe", "pocketsphinx_continuous");
        musicBed = VendorWire.musicMp3(tmp, 40);
        picture = VendorWire.png(270, 480);
    }

    @BeforeEach
    void doubles() throws Exception {
        anthropic = new VendorDouble().serving(ServedModels.anthropic("claude-sonnet-4-6", "claude-opus-4-8",
                                                                      "claude-haiku-4-5"));
        elevenlabs = new VendorDouble().serving(ServedModels.elevenlabs("JBFqnCBsd6RMkjVDRZzb", "21m00Tcm4TlvDq8ikWAM"));
        google = new VendorDouble().serving(ServedModels.google("gemini-3.8-flash", "gemini-3.5-flash",
                "gemini-3.8-flash-tts", "gemini-3.1-flash-image", "lyria-3.5", "veo-3.1-lite-generate-001"));
        openai = new VendorDouble().serving(ServedModels.openai("gpt-5.4", "gpt-4o-mini-tts", "gpt-image-1.5"));
    }

    @AfterEach
    void stop() {
        anthropic.close();
        elevenlabs.close();
        google.close();
        openai.close();
    }

    /** Every base URL at the doubles: LLMs through {@code llm.base-urls}, the rest through {@code providers.*}. */
    private Map<String, String> config() {
        Map<String, String> c = new HashMap<>();
        c.put("llm.base-urls.anthropic", anthropic.url("/v1/"));
        c.put("llm.base-urls.gemini", google.url("/v1beta"));
        c.put("llm.base-urls.openai", openai.url("/v1"));
        c.put("providers.openai-tts.base-url", openai.url(""));
        c.put("providers.openai-image.base-url", openai.url(""));
        c.put("providers.elevenlabs.base-url", elevenlabs.url(""));
        c.put("providers.gemini-image.base-url", google.url(""));
        c.put("providers.lyria.base-url", google.url(""));
        c.put("providers.gemini-tts.base-url", google.url(""));
        c.put("providers.video.google-base-url", google.url(""));
        return c;
    }

    // ---- the writer's three answers -------------------------------------------------------------------------

    static JsonObject research() {
        return Json.createObjectBuilder().add("summary", "Honey keeps for millennia: little water, much sugar, some acid.")
                .add("key_facts", Json.createArrayBuilder().add("Edible honey was found in Egyptian tombs.")
                        .add("Bees evaporate nectar to under 20% water.").add("Honey's pH is about 3.9."))
                .add("mood", "curious").add("sources", Json.createArrayBuilder().add("https://example.org/honey"))
                .build();
    }

    static JsonObject plan() {
        JsonArrayBuilder scenes = Json.createArrayBuilder();
        for (int i = 0; i < LINES.size(); i++) {
            scenes.add(Json.createObjectBuilder().add("visual_type", TYPES.get(i))
                    .add("visual_prompt", "a jar of golden honey, shot " + i).add("motion", i % 2 == 0 ? "zoom_in" : "pan_left")
                    .add("script_line", LINES.get(i)).addNull("transition"));
        }
        return Json.createObjectBuilder().add("emotional_arc", "curiosity to wonder").add("archetype", "moody_cinematic")
                .add("music_mood", "chill_lofi").add("scenes", scenes).build();
    }

    static JsonObject review() {
        return Json.createObjectBuilder().add("score", 8).add("strengths", Json.createArrayBuilder().add("Strong hook"))
                .add("weaknesses", Json.createArrayBuilder().add("Scene 4 is abstract")).add("revision_needed", false)
                .addNull("revision_instructions").addNull("weakest_scene_index").build();
    }

    /** The last user message of an Anthropic or Gemini request. */
    static String userText(Seen s) {
        JsonObject body = s.json();
        if (body.containsKey("messages")) {
            JsonArray messages = body.getJsonArray("messages");
            JsonValue content = messages.getJsonObject(messages.size() - 1).get("content");
            if (content.getValueType() == JsonValue.ValueType.STRING) {
                return ((jakarta.json.JsonString) content).getString();
            }
            StringBuilder b = new StringBuilder();
            content.asJsonArray().forEach(part -> b.append(part.asJsonObject().getString("text", "")));
            return b.toString();
        }
        JsonArray contents = body.getJsonArray("contents");
        return contents.getJsonObject(contents.size() - 1).getJsonArray("parts").getJsonObject(0).getString("text");
    }

    enum Role { RESEARCH, DIRECTOR, CRITIC, IMAGE_PROMPT }

    static Role role(Seen s) {
        String user = userText(s);
        if (user.startsWith("Research this topic")) {
            return Role.RESEARCH;
        }
        if (user.startsWith("Scene ") && user.contains("\nVisual description: ")) {
            return Role.IMAGE_PROMPT;                    // the visuals stage's image prompter
        }
        return user.contains("## DirectorScore") ? Role.CRITIC : Role.DIRECTOR;
    }

    /** The writer's calls in order, without the visuals stage's image prompts (which interleave by scene). */
    static List<Role> writerRoles(List<Seen> requests) {
        return requests.stream().map(CloudJobTest::role).filter(r -> r != Role.IMAGE_PROMPT).toList();
    }

    static long imagePrompts(List<Seen> requests) {
        return requests.stream().filter(r -> role(r) == Role.IMAGE_PROMPT).count();
    }

    /** An LLM that answers each role in {@code wire}'s format (text, input tokens, output tokens). */
    static VendorDouble.Reply writer(Wire wire) {
        return (ex, seen) -> {
            JsonObject answer = switch (role(seen)) {
                case RESEARCH -> research();
                case DIRECTOR -> plan();
                case CRITIC -> review();
                case IMAGE_PROMPT -> Json.createObjectBuilder()
                        .add("optimized_prompt", "A luminous jar of honey on a dark wooden table, vertical frame").build();
            };
            VendorDouble.send(ex, 200, wire.answer(answer.toString(), 1200, 400), Map.of());
        };
    }

    @FunctionalInterface
    interface Wire {
        String answer(String text, int in, int out);
    }

    private void speakAndDraw() {
        elevenlabs.on("POST", SPEECH, VendorWire.elevenLabsSpeaking(work));
        google.on("POST", IMAGE, VendorDouble.json(200, VendorWire.geminiInline("Here is your image.", "image/png", picture)));
    }

    // ---- tests --------------------------------------------------------------------------------------------

    @Test
    void anthropicElevenLabsGeminiAndLyriaMakeARealShortWithByokKeys() throws Exception {
        anthropic.on("POST", MESSAGES, writer(VendorWire::anthropicMessage));
        speakAndDraw();
        google.on("POST", LYRIA, VendorDouble.json(200, VendorWire.geminiInline(
                "[0:00-0:40] Lo-fi piano over soft vinyl crackle, 80 BPM", "audio/mpeg", musicBed)));

        LogCapture logs = LogCapture.start();
        try (logs; TestServer server = TestServer.start(dir, StandardStages::create, config(), Map.of())) {
            String id = server.submit("{\"topic\":\"Why honey never spoils\",\"archetype\":\"moody_cinematic\","
                    + "\"pacing\":\"cinematic\",\"providers\":{\"llm\":\"anthropic\",\"tts\":\"elevenlabs\","
                    + "\"image\":\"gemini\",\"music\":\"lyria\"},\"keys\":{\"ANTHROPIC_API_KEY\":\"" + ANTHROPIC_KEY
                    + "\",\"ELEVENLABS_API_KEY\":\"" + ELEVENLABS_KEY + "\",\"GOOGLE_API_KEY\":\"" + GOOGLE_KEY + "\"}}");
            long t0 = System.nanoTime();
            List<Event> events;
            try (SseClient sse = everyEvent(server, id)) {
                events = sse.readToEnd(RENDER_WAIT);
            }
            System.out.printf("anthropic job rendered in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            List<String> shape = shape(events);
            assertThat(shape.toString(), shape.getLast(), is("job:completed"));
            assertThat(shape.toString(), shape.stream().filter(s -> s.endsWith(" error")).toList(), is(List.of()));
            assertStageOrder(shape);
            assertThat(shape.stream().filter("stage:visuals asset"::equals).count(), is((long) LINES.size()));
            assertThat(shape, not(hasItem("stage:visuals asset_failed")));
            assertThat(shape, hasItem("stage:visuals music_generating"));
            assertThat(shape, hasItem("stage:visuals music_generated"));
            assertThat(shape, not(hasItem("stage:visuals music_fallback")));

            JsonObject results = data(events, "stage:research", "results");
            assertThat(results.getString("summary"), is(research().getString("summary")));
            assertThat(results.getJsonArray("key_facts").size(), is(3));
            JsonObject estimate = data(events, "stage:director", "cost_estimate").getJsonObject("estimate");
            assertThat(estimate.toString(), estimate.isEmpty(), is(false));
            assertThat(data(events, "stage:visuals", "music_resolved").getString("provider"), is("lyria"));
            JsonObject music = data(events, "stage:assembly", "music");
            assertThat(music.getString("track"), is("lyria-generated"));
            assertThat(music.getBoolean("fallback"), is(false));
            for (Event e : events) {
                if (e.name().equals("stage:visuals") && e.data().contains("\"type\":\"asset\"")) {
                    JsonObject a = TestServer.json(e.data()).asJsonObject();
                    String expected = TYPES.get(a.getInt("sceneIndex")).equals("text_card") ? "text_card" : "ai_image";
                    assertThat(a.toString(), a.getString("visualType"), is(expected));
                }
            }

            JsonObject meta = server.job(id);
            assertThat(meta.getString("status"), is("completed"));
            JsonObject providers = meta.getJsonObject("providers");
            assertThat(providers.getString("llm"), is("anthropic"));
            assertThat(providers.getString("tts"), is("elevenlabs"));
            assertThat(providers.getString("image"), is("gemini"));
            assertThat(providers.getString("music"), is("lyria"));
            assertThat(meta.getJsonObject("researchData").getString("mood"), is("curious"));
            assertThat(meta.getString("archetype"), is("moody_cinematic"));
            assertThat(meta.getJsonObject("score").getJsonArray("scenes").size(), is(LINES.size()));
            assertThat(meta.getJsonObject("musicGeneration").getString("provider"), is("lyria"));
            assertThat(meta.getJsonObject("musicGeneration").getJsonObject("metadata").getString("lyriaResponse"),
                       containsString("Lo-fi piano"));
            assertThat(meta.getJsonObject("musicTrack").getString("trackId"), is("lyria-generated"));
            Path lyriaTrack = dir.resolve(id).resolve(meta.getString("runDir")).resolve("assets/music-lyria.mp3");
            assertThat("Lyria's bytes are the track that was mixed",
                       java.util.Arrays.equals(Files.readAllBytes(lyriaTrack), musicBed), is(true));
            assertThat(meta.getJsonObject("criticReview").getJsonNumber("score").intValue(), greaterThan(0));
            List<String> spoken = meta.getJsonArray("words").stream()
                    .map(w -> w.asJsonObject().getString("word")).toList();
            assertThat(spoken, is(List.of(String.join(" ", LINES).split(" "))));

            assertAnthropicSaw();
            assertListedBeforeAnyCall(anthropic, elevenlabs, google);
            Seen speech = only(elevenlabs.withoutModelLists());
            assertThat(speech.path(), is(SPEECH));
            assertThat(speech.header("xi-api-key"), is(ELEVENLABS_KEY));
            assertThat(speech.json().getString("text"), is(String.join(" ", LINES)));
            assertThat(speech.json().getString("model_id"), is("eleven_multilingual_v2"));
            List<Seen> images = google.requests("POST", IMAGE);
            assertThat("one picture per non-card scene", images.size(), is(4));
            for (Seen image : images) {
                assertThat(image.header("x-goog-api-key"), is(GOOGLE_KEY));
                assertThat("the image prompter's prompt reaches the image provider", userText(image),
                           containsString("A luminous jar of honey on a dark wooden table"));
                assertThat(userText(image), containsString("Vertical 9:16 aspect ratio"));
            }
            Seen lyria = only(google.requests("POST", LYRIA));
            assertThat(lyria.header("x-goog-api-key"), is(GOOGLE_KEY));
            assertThat(userText(lyria), containsString("chill lofi"));
            assertThat(google.withoutModelLists().size(), is(5));

            Path video = dir.resolve(id).resolve(meta.getString("videoPath"));
            assertPlayableShort(video, meta);
        }
        assertThat("the server logged while the job ran", logs.records().isEmpty(), is(false));
        for (String line : logs.records()) {
            for (String key : List.of(ANTHROPIC_KEY, ELEVENLABS_KEY, GOOGLE_KEY)) {
                assertThat("a log record holds a BYOK key: " + line, line.contains(key), is(false));
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String key : List.of(ANTHROPIC_KEY, ELEVENLABS_KEY, GOOGLE_KEY)) {
                    assertThat(f + " holds a BYOK key", content.contains(key), is(false));
                }
            }
        }
    }

    @Test
    void geminiRateLimitedOnceRecoversAndLyriaRefusingFallsBackToBundledMusic() throws Exception {
        google.on("POST", GEMINI_CHAT,
                  VendorDouble.json(429, VendorWire.geminiError(429, "Resource has been exhausted"), Map.of("Retry-After", "1")),
                  writer(VendorWire::geminiText));
        speakAndDraw();
        google.on("POST", LYRIA, VendorDouble.json(200,
                "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[]},\"finishReason\":\"OTHER\"}]}"));
        Map<String, String> env = Map.of("GOOGLE_API_KEY", GOOGLE_KEY, "ELEVENLABS_API_KEY", ELEVENLABS_KEY);

        try (TestServer server = TestServer.start(dir, StandardStages::create, config(), env)) {
            String id = server.submit("{\"topic\":\"Why honey never spoils\",\"archetype\":\"moody_cinematic\","
                    + "\"pacing\":\"cinematic\",\"providers\":{\"llm\":\"gemini\",\"tts\":\"elevenlabs\","
                    + "\"image\":\"gemini\",\"music\":\"lyria\"}}");
            long t0 = System.nanoTime();
            List<Event> events;
            try (SseClient sse = everyEvent(server, id)) {
                events = sse.readToEnd(RENDER_WAIT);
            }
            System.out.printf("gemini job rendered in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            List<String> shape = shape(events);
            assertThat(shape.toString(), shape.getLast(), is("job:completed"));
            assertStageOrder(shape);

            // The 429 is reported on the running stage, then the retry succeeds and research goes on.
            int error = shape.indexOf("stage:research error");
            assertThat(shape.toString(), error, greaterThan(shape.indexOf("stage:research start")));
            assertThat(error, lessThan(shape.indexOf("stage:research results")));
            assertThat(data(events, "stage:research", "error").getString("error"), is("Rate limit exceeded (gemini)"));
            assertThat(shape.stream().filter(s -> s.endsWith(" error")).count(), is(1L));
            List<Seen> chats = google.requests("POST", GEMINI_CHAT);
            assertThat("search turn twice (429, then ok), research notes, plan, review", writerRoles(chats),
                       contains(Role.RESEARCH, Role.RESEARCH, Role.RESEARCH, Role.DIRECTOR, Role.CRITIC));
            assertThat("the retry repeats the same request", chats.get(1).text(), is(chats.get(0).text()));
            for (Seen chat : chats) {
                assertThat(chat.header("x-goog-api-key") != null || chat.query().containsKey("key"), is(true));
                assertThat(chat.text(), not(containsString("\"key\"")));
            }

            // Lyria's empty answer falls back to the bundled library, and the job still completes with music.
            assertThat(shape, hasItem("stage:visuals music_generating"));
            JsonObject fallback = data(events, "stage:visuals", "music_fallback");
            assertThat(fallback.getString("reason"), is("lyria returned no content (finishReason OTHER)"));
            assertThat(shape.indexOf("stage:visuals music_fallback"), lessThan(shape.indexOf("stage:visuals music_resolved")));
            JsonObject meta = server.job(id);
            assertThat(meta.getJsonObject("providers").getString("llm"), is("gemini"));
            assertThat(meta.getJsonObject("musicGeneration").getString("provider"), is("bundled"));
            assertThat(meta.getJsonObject("musicGeneration").getBoolean("fallback"), is(true));
            JsonObject track = meta.getJsonObject("musicTrack");
            assertThat(track.getBoolean("fallback"), is(true));
            assertThat(track.getString("trackId"), startsWith("chill-lofi-"));
            assertThat(track.getString("mood"), is("chill_lofi"));
            assertThat(track.getString("requestedMood"), is("chill_lofi"));
            assertThat(meta.getJsonArray("errors").size(), is(1));
            assertThat(only(google.requests("POST", LYRIA)).header("x-goog-api-key"), is(GOOGLE_KEY));

            assertPlayableShort(dir.resolve(id).resolve(meta.getString("videoPath")), meta);
        }
    }

    @Test
    void anAllOpenAiJobIsForceAlignedAndScoredWithBundledMusic() throws Exception {
        openai.on("POST", OPENAI_SEARCH, VendorDouble.json(200, VendorWire.openAiResponse(
                "Honey is low in water and acidic; jars from Egyptian tombs were still edible.", "https://example.org/honey")));
        openai.on("POST", OPENAI_CHAT, writer(VendorWire::openAiChat));
        openai.on("POST", OPENAI_SPEECH, VendorWire.openAiSpeaking(work));
        openai.on("POST", OPENAI_IMAGE, VendorDouble.json(200, VendorWire.openAiImage(picture)));

        try (TestServer server = TestServer.start(dir, StandardStages::create, config(), Map.of("OPENAI_API_KEY", OPENAI_KEY))) {
            String id = server.submit("{\"topic\":\"Why honey never spoils\",\"archetype\":\"moody_cinematic\","
                    + "\"pacing\":\"cinematic\",\"providers\":{\"llm\":\"openai\",\"tts\":\"openai-tts\","
                    + "\"image\":\"openai\"}}");
            long t0 = System.nanoTime();
            List<Event> events;
            try (SseClient sse = everyEvent(server, id)) {
                events = sse.readToEnd(RENDER_WAIT);
            }
            System.out.printf("openai job rendered in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            List<String> shape = shape(events);
            assertThat(shape.toString(), shape.getLast(), is("job:completed"));
            assertThat(shape.toString(), shape.stream().filter(s -> s.endsWith(" error")).toList(), is(List.of()));
            assertStageOrder(shape);
            assertThat("bundled music needs no generation", shape, not(hasItem("stage:visuals music_generating")));

            JsonObject meta = server.job(id);
            JsonObject providers = meta.getJsonObject("providers");
            assertThat(providers.getString("llm"), is("openai"));
            assertThat(providers.getString("tts"), is("openai-tts"));
            assertThat(providers.getString("image"), is("openai"));
            assertThat(meta.getJsonObject("musicGeneration").getString("provider"), is("bundled"));
            assertThat(meta.getJsonObject("musicTrack").getBoolean("fallback"), is(false));
            List<String> spoken = meta.getJsonArray("words").stream()
                    .map(w -> w.asJsonObject().getString("word")).toList();
            assertThat("forced alignment gives every script word a time", spoken,
                       is(List.of(String.join(" ", LINES).split(" "))));

            Seen search = only(openai.requests("POST", OPENAI_SEARCH));
            assertThat(search.json().getJsonArray("tools").getJsonObject(0).getString("type"), is("web_search"));
            assertThat(search.json().getString("model"), is("gpt-5.4"));
            List<Seen> chats = openai.requests("POST", OPENAI_CHAT);
            assertThat(writerRoles(chats), contains(Role.RESEARCH, Role.DIRECTOR, Role.CRITIC));
            assertThat(userText(chats.getFirst()), containsString("https://example.org/honey"));
            for (Seen chat : chats) {
                assertThat(chat.json().getString("model"), is("gpt-5.4"));
                assertThat(chat.json().getJsonObject("response_format").getString("type"), is("json_schema"));
            }
            Seen speech = only(openai.requests("POST", OPENAI_SPEECH));
            assertThat(speech.json().getString("model"), is("gpt-4o-mini-tts"));
            assertThat(speech.json().getString("response_format"), is("wav"));
            List<Seen> images = openai.requests("POST", OPENAI_IMAGE);
            assertThat(images.size(), is(4));
            assertThat(images.getFirst().json().getString("model"), is("gpt-image-1.5"));
            for (Seen s : openai.requests()) {
                assertThat(s + " authorised", s.header("Authorization"), is("Bearer " + OPENAI_KEY));
            }
            assertThat("search, research/plan/review, speech, 4 image prompts, 4 images",
                       openai.withoutModelLists().size(), is(1 + 3 + 1 + 4 + 4));
            assertListedBeforeAnyCall(openai);
            assertThat(anthropic.requests().size() + google.requests().size() + elevenlabs.requests().size(), is(0));

            assertPlayableShort(dir.resolve(id).resolve(meta.getString("videoPath")), meta);
        }
    }

    /**
     * A bad key is not a failed search and no retry can fix it: research stops the job at once with the vendor's
     * reason, after exactly one request, before any voice, picture or music is asked for.
     */
    @Test
    void anInvalidLlmKeyFailsTheJobBeforeAnyMediaWork() throws Exception {
        // Anthropic answers a bad key's list with 401 too: a list that cannot be had lets the job go on, and the
        // first paid call says what is wrong.
        anthropic.serving(null).on("GET", "/v1/models", VendorDouble.json(401, VendorWire.anthropicError(401, "invalid x-api-key")));
        anthropic.on("POST", MESSAGES, VendorDouble.json(401, VendorWire.anthropicError(401, "invalid x-api-key")));
        speakAndDraw();
        Map<String, String> env = Map.of("ANTHROPIC_API_KEY", ANTHROPIC_KEY, "ELEVENLABS_API_KEY", ELEVENLABS_KEY,
                                         "GOOGLE_API_KEY", GOOGLE_KEY);
        try (TestServer server = TestServer.start(dir, StandardStages::create, config(), env)) {
            String id = server.submit("{\"topic\":\"Why honey never spoils\",\"archetype\":\"moody_cinematic\","
                    + "\"pacing\":\"cinematic\",\"providers\":{\"llm\":\"anthropic\",\"tts\":\"elevenlabs\","
                    + "\"image\":\"gemini\",\"music\":\"lyria\"}}");
            List<Event> events;
            try (SseClient sse = everyEvent(server, id)) {
                events = sse.readToEnd(Duration.ofSeconds(60));
            }
            List<String> shape = shape(events);
            assertThat(shape.toString(), shape.getLast(), is("job:failed"));
            String error = TestServer.json(events.getLast().data()).asJsonObject().getString("error");
            assertThat(error, is("Invalid API key for anthropic (HTTP 401)"));
            assertThat(shape, contains("job:started", "job:output", "stage:research start", "stage:research error", "job:failed"));
            assertThat("one request: the key is not retried", anthropic.withoutModelLists().size(), is(1));
            assertThat(error, not(containsString(ANTHROPIC_KEY)));
            assertThat("no media stage started: " + shape, shape.stream().noneMatch(s ->
                    s.startsWith("stage:tts") || s.startsWith("stage:visuals") || s.startsWith("stage:assembly")), is(true));
            assertThat(elevenlabs.withoutModelLists(), is(List.of()));
            assertThat(google.withoutModelLists(), is(List.of()));
            assertThat(anthropic.requests().stream().map(s -> s.header("x-api-key")).toList(), everyItem(is(ANTHROPIC_KEY)));
            JsonObject meta = server.job(id);
            assertThat(meta.getString("status"), is("failed"));
            assertThat(meta.containsKey("videoPath"), is(false));
        }
    }

    /**
     * The cap is checked before each paid call, not only against the estimate: stock scenes are free in the estimate,
     * but with no stock key one falls back to an AI image, which would pass the cap — so it gets a designed card, and
     * an error event says why. (Offline writer, replayed score: the only paid calls are images.)
     */
    @Test
    void aPaidCallThatWouldPassTheCapTakesTheFreeFallbackAndSaysSo() throws Exception {
        google.on("POST", IMAGE, VendorDouble.json(200, VendorWire.geminiInline("Here is your image.", "image/png", picture)));
        String score = """
                {"emotional_arc":"calm","archetype":"infographic","music_mood":"chill_lofi","scenes":[
                 {"visual_type":"ai_image","visual_prompt":"a jar of honey","motion":"zoom_in","script_line":"Honey never spoils.","transition":null},
                 {"visual_type":"stock_image","visual_prompt":"honey jar","motion":"pan_left","script_line":"Bees make it last.","transition":null},
                 {"visual_type":"text_card","visual_prompt":"Follow for more","motion":"static","script_line":"Follow for more facts.","transition":null}]}""";
        try (TestServer server = TestServer.start(dir, StandardStages::create, config(), Map.of())) {
            String id = server.submit("{\"topic\":\"Honey\",\"maxCostUsd\":0.15,\"score\":" + score
                    + ",\"providers\":{\"image\":\"gemini\"},\"keys\":{\"GOOGLE_API_KEY\":\"" + GOOGLE_KEY + "\"}}");
            JsonObject meta = server.awaitStatus(id, Duration.ofSeconds(180), "completed", "failed");
            assertThat(meta.toString(), meta.getString("status"), is("completed"));
            assertThat("the estimate ($0.101: one AI image) fits the cap",
                       meta.getJsonObject("costEstimate").getJsonNumber("totalCost").doubleValue(), is(0.101));
            assertThat("one image made, the second refused", google.requests("POST", IMAGE).size(), is(1));
            List<String> errors = meta.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                    .map(e -> e.getString("error")).toList();
            assertThat(errors.toString(), errors.stream().anyMatch(e -> e.startsWith("Scene 2's gemini image ($0.101) would "
                    + "pass this job's cap of $0.15") && e.endsWith("it gets a designed card instead")), is(true));
            assertThat(meta.getJsonObject("actualCost").getJsonNumber("totalCost").doubleValue(), is(0.101));
        }
    }

    // ---- models the vendors do not serve ----------------------------------------------------------------------

    /** A whole job's events, the failure's message last. */
    private static List<Event> eventsOf(TestServer server, String id) throws Exception {
        try (SseClient sse = everyEvent(server, id)) {
            return sse.readToEnd(Duration.ofSeconds(60));
        }
    }

    private static String failure(List<Event> events) {
        return TestServer.json(events.getLast().data()).asJsonObject().getString("error");
    }

    /**
     * Lyria's model is not in Google's list: the job fails before any stage, naming the model and its setting, and
     * no vendor was asked for anything but its list — no words written, no voice, no picture, no track paid for.
     */
    @Test
    void aModelTheVendorDoesNotListFailsTheJobBeforeAnyPaidCall() throws Exception {
        google.serving(ServedModels.google("gemini-3.1-flash-image", "veo-3.1-lite-generate-001", "lyria-3-clip-preview"));
        anthropic.on("POST", MESSAGES, writer(VendorWire::anthropicMessage));
        speakAndDraw();
        try (TestServer server = TestServer.start(dir, StandardStages::create, config(), Map.of())) {
            String id = server.submit("{\"topic\":\"Why honey never spoils\",\"providers\":{\"llm\":\"anthropic\","
                    + "\"tts\":\"elevenlabs\",\"image\":\"gemini\",\"music\":\"lyria\"},\"keys\":{\"ANTHROPIC_API_KEY\":\""
                    + ANTHROPIC_KEY + "\",\"ELEVENLABS_API_KEY\":\"" + ELEVENLABS_KEY + "\",\"GOOGLE_API_KEY\":\"" + GOOGLE_KEY
                    + "\"}}");
            List<Event> events = eventsOf(server, id);
            assertThat("refused before its providers are recorded", shape(events), contains("job:started", "job:failed"));
            assertThat(failure(events), is("lyria does not serve the model lyria-3.5 (GET /v1beta/models does not list "
                                           + "it). Change providers.models.music.lyria (PROVIDERS_MODELS_MUSIC_LYRIA)."));
            assertThat(server.job(id).getString("status"), is("failed"));
            assertThat(anthropic.requests().stream().map(Seen::toString).toList(), contains("GET /v1/models?limit=1000"));
            assertThat(elevenlabs.requests().stream().map(Seen::toString).toList(), contains("GET /v1/voices"));
            assertThat(google.requests().stream().map(Seen::toString).toList(),
                       contains("GET /v1beta/models?pageSize=1000"));
            assertThat(google.only().header("x-goog-api-key"), is(GOOGLE_KEY));
        }
    }

    /**
     * The job's own llmModel, or videoModel (for its first video provider), is not listed: the error names the
     * request field to change, not a server setting.
     */
    @Test
    void aJobsOwnModelTheVendorDoesNotListIsNamedByItsField() throws Exception {
        google.on("POST", GEMINI_CHAT, writer(VendorWire::geminiText));
        try (TestServer server = TestServer.start(dir, StandardStages::create, config(), Map.of("GOOGLE_API_KEY", GOOGLE_KEY))) {
            String id = server.submit("{\"topic\":\"Honey\",\"dryRun\":true,\"providers\":{\"llm\":\"gemini\","
                                      + "\"llmModel\":\"gemini-0.9-gone\"}}");
            List<Event> events = eventsOf(server, id);
            assertThat("refused before its providers are recorded", shape(events), contains("job:started", "job:failed"));
            assertThat(failure(events), is("gemini does not serve the model gemini-0.9-gone (GET /v1beta/models does not "
                                           + "list it; it lists the current gemini-3.8-flash). Change the job's "
                                           + "providers.llmModel."));

            String video = server.submit("{\"topic\":\"Honey\",\"providers\":{\"video\":\"gemini\","
                                         + "\"videoModel\":\"veo-2.0-gone\"}}");
            assertThat(failure(eventsOf(server, video)), is("gemini does not serve the model veo-2.0-gone (GET "
                    + "/v1beta/models does not list it; it lists the current veo-3.1-lite-generate-001). Change the job's "
                    + "providers.videoModel."));
            assertThat(google.withoutModelLists(), is(List.of()));
        }
    }

    /** With fallback on, an unlisted configured model is replaced by the vendor's current one, and the job says so. */
    @Test
    void withFallbackTheJobRunsOnTheVendorsCurrentModelAndSaysSo() throws Exception {
        anthropic.on("POST", MESSAGES, writer(VendorWire::anthropicMessage));
        Map<String, String> config = new HashMap<>(config());
        config.put("providers.models.check.fallback", "true");
        config.put("providers.models.llm.anthropic", "claude-opus-0-gone");
        try (TestServer server = TestServer.start(dir, StandardStages::create, config, Map.of("ANTHROPIC_API_KEY", ANTHROPIC_KEY))) {
            String id = server.submit("{\"topic\":\"Honey\",\"dryRun\":true,\"providers\":{\"llm\":\"anthropic\"}}");
            List<Event> events = eventsOf(server, id);
            assertThat(shape(events).toString(), shape(events).getLast(), is("job:completed"));
            assertThat(data(events, "stage:research", "error").getString("error"),
                       is("anthropic does not serve the model claude-opus-0-gone (GET /v1/models does not list it); "
                          + "using its current model claude-sonnet-4-6 instead. Change providers.models.llm.anthropic "
                          + "(PROVIDERS_MODELS_LLM_ANTHROPIC)."));
            List<Seen> calls = anthropic.withoutModelLists();
            assertThat(calls.isEmpty(), is(false));
            assertThat(calls.stream().map(c -> c.json().getString("model")).distinct().toList(), contains("claude-sonnet-4-6"));
        }
    }

    /**
     * With the check off, the vendor's own refusal mid-run (Google's 404 NOT_FOUND) names the model and its setting:
     * research stops the job there, after one request, instead of failing the search and retrying the director.
     */
    @Test
    void aModelRefusedMidRunIsReportedWithItsSetting() throws Exception {
        Map<String, String> config = new HashMap<>(config());
        config.put("providers.models.check.enabled", "false");
        config.put("providers.models.llm.gemini", "gemini-0.9-gone");
        try (TestServer server = TestServer.start(dir, StandardStages::create, config, Map.of("GOOGLE_API_KEY", GOOGLE_KEY))) {
            String id = server.submit("{\"topic\":\"Honey\",\"dryRun\":true,\"providers\":{\"llm\":\"gemini\"}}");
            List<Event> events = eventsOf(server, id);
            assertThat(shape(events), contains("job:started", "job:output", "stage:research start", "stage:research error", "job:failed"));
            assertThat(failure(events), is("gemini does not serve the model gemini-0.9-gone (HTTP 404). Change "
                                           + "providers.models.llm.gemini (PROVIDERS_MODELS_LLM_GEMINI)."));
            assertThat(only(google.requests()).path(), is("/v1beta/models/gemini-0.9-gone:generateContent"));
        }
    }

    /**
     * GET /api/v1/providers: each provider's ids with whether its vendor lists them — true, false, or null when
     * unknown (no key, or a vendor with no list to ask) — asked with the server's keys, once per cache period.
     */
    @Test
    void theProvidersListingSaysWhichIdsEachVendorLists() throws Exception {
        google.serving(ServedModels.google("gemini-3.8-flash", "gemini-3.1-flash-image", "veo-3.1-lite-generate-001"));
        Map<String, String> env = Map.of("ANTHROPIC_API_KEY", ANTHROPIC_KEY, "GOOGLE_API_KEY", GOOGLE_KEY,
                                         "ELEVENLABS_API_KEY", ELEVENLABS_KEY);
        try (TestServer server = TestServer.start(dir, StandardStages::create, config(), env)) {
            JsonObject providers = TestServer.json(server.get("/api/v1/providers").body()).asJsonObject();
            assertThat(models(providers, "llm", "anthropic"), is("[{\"id\":\"claude-sonnet-4-6\",\"role\":\"llm\",\"listed\":true}]"));
            assertThat(models(providers, "llm", "gemini"), is("[{\"id\":\"gemini-3.8-flash\",\"role\":\"llm\",\"listed\":true}]"));
            assertThat("no OpenAI key: unknown", models(providers, "llm", "openai"),
                       is("[{\"id\":\"gpt-5.4\",\"role\":\"llm\",\"listed\":null}]"));
            assertThat(models(providers, "llm", "offline"), is("[]"));
            assertThat(models(providers, "tts", "elevenlabs"), is("[{\"id\":\"eleven_multilingual_v2\",\"role\":\"tts\","
                    + "\"listed\":null},{\"id\":\"JBFqnCBsd6RMkjVDRZzb\",\"role\":\"voice\",\"listed\":true}]"));
            assertThat(models(providers, "tts", "gemini-tts"), is("[{\"id\":\"gemini-3.8-flash-tts\",\"role\":\"tts\","
                    + "\"listed\":false},{\"id\":\"Kore\",\"role\":\"voice\",\"listed\":null}]"));
            assertThat(models(providers, "image", "gemini"),
                       is("[{\"id\":\"gemini-3.1-flash-image\",\"role\":\"image\",\"listed\":true}]"));
            assertThat(models(providers, "video", "gemini"),
                       is("[{\"id\":\"veo-3.1-lite-generate-001\",\"role\":\"video\",\"listed\":true}]"));
            assertThat(models(providers, "music", "lyria"), is("[{\"id\":\"lyria-3.5\",\"role\":\"music\",\"listed\":false}]"));
            assertThat(models(providers, "video", "fal"), is("[{\"id\":\"fal-ai/kling-video/v2.6/pro/image-to-video\","
                    + "\"role\":\"video\",\"listed\":null}]"));

            server.get("/api/v1/providers");
            assertThat("each list asked once, then kept", google.requests().size() + anthropic.requests().size()
                                                          + elevenlabs.requests().size(), is(3));
            assertThat(openai.requests(), is(List.of()));
        }
    }

    private static String models(JsonObject providers, String kind, String key) {
        return providers.getJsonArray(kind).getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("key").equals(key)).findFirst().orElseThrow().getJsonArray("models").toString();
    }

    // ---- shared assertions --------------------------------------------------------------------------------

    /** Each double was asked for its vendor's list before anything else: no call was paid for an unchecked model. */
    private static void assertListedBeforeAnyCall(VendorDouble... doubles) {
        for (VendorDouble d : doubles) {
            List<Seen> all = d.requests();
            assertThat(all.toString(), all.isEmpty() || d.withoutModelLists().contains(all.getFirst()), is(false));
        }
    }

    /**
     * Each stage starts, completes and says what it made, in pipeline order (as OpenReels, a stage's results follow
     * its {@code complete}: research results, director score then cost_estimate, critic review).
     */
    private static void assertStageOrder(List<String> shape) {
        List<String> milestones = List.of("stage:research start", "stage:research complete", "stage:research results",
                "stage:director start", "stage:director complete", "stage:director score", "stage:director cost_estimate",
                "stage:tts start", "stage:tts complete", "stage:visuals start", "stage:visuals asset",
                "stage:visuals music_resolved", "stage:visuals complete", "stage:assembly start", "stage:assembly music",
                "stage:assembly rendering", "stage:assembly render_progress", "stage:assembly complete",
                "stage:critic start", "stage:critic complete", "stage:critic review", "job:completed");
        int last = -1;
        for (String m : milestones) {
            int at = shape.indexOf(m);
            assertThat(m + " after the one before it in " + shape, at, greaterThan(last));
            last = at;
        }
    }

    /**
     * Research with native search is two calls (the search turn with the vendor's web_search tool, then the notes
     * turned into the research schema), then one plan and one review: each with the key, the version and the model.
     */
    private void assertAnthropicSaw() {
        List<Seen> seen = anthropic.withoutModelLists();
        assertThat(writerRoles(seen), contains(Role.RESEARCH, Role.RESEARCH, Role.DIRECTOR, Role.CRITIC));
        assertThat("the image prompter writes each generated picture's prompt", imagePrompts(seen), greaterThan(0L));
        for (Seen s : seen) {
            assertThat(s.method(), is("POST"));
            assertThat(s.path(), is(MESSAGES));
            assertThat(s.header("x-api-key"), is(ANTHROPIC_KEY));
            assertThat(s.header("anthropic-version"), is("2023-06-01"));
            assertThat(s.json().getString("model"), is("claude-sonnet-4-6"));
        }
        assertThat(seen.getFirst().json().getJsonArray("tools").getJsonObject(0).getString("name"), is("web_search"));
        assertThat(userText(seen.get(1)), containsString("## Research notes"));
        for (Seen s : seen.subList(1, 4)) {
            assertThat(s.json().getJsonObject("output_config").getJsonObject("format").getString("type"),
                       is("json_schema"));
        }
    }

    private static void assertPlayableShort(Path video, JsonObject meta) throws Exception {
        VideoProbe.Info info = VideoProbe.probe(video);
        assertThat(info.videoCodec(), is("h264"));
        assertThat(info.pixelFormat(), is("yuv420p"));
        assertThat(info.width(), is(1080));
        assertThat(info.height(), is(1920));
        assertThat(info.fps(), closeTo(30.0, 0.01));
        assertThat(info.audioCodec(), is("aac"));
        assertThat(info.faststart(), is(true));
        JsonArray words = meta.getJsonArray("words");
        double lastWord = words.getJsonObject(words.size() - 1).getJsonNumber("end").doubleValue();
        assertThat("the video covers the voice", info.durationSeconds(), greaterThan(lastWord));
        assertThat("and does not run on far past it", info.durationSeconds(), lessThan(lastWord + 12));
    }

    /**
     * The job's whole stream from its first event ({@code Last-Event-ID: 0} replays the log, then goes live), so
     * the assertions do not depend on how much of the job a snapshot would already have folded in.
     */
    private static SseClient everyEvent(TestServer server, String id) throws java.io.IOException {
        return server.events(id, Map.of("Last-Event-ID", "0"));
    }

    private static JsonObject data(List<Event> events, String name, String type) {
        for (Event e : events) {
            if (e.name().equals(name)) {
                JsonObject d = TestServer.json(e.data()).asJsonObject();
                if (type.equals(d.getString("type", ""))) {
                    return d;
                }
            }
        }
        throw new AssertionError("no " + name + " " + type + " event");
    }

    private static Seen only(List<Seen> seen) {
        assertThat(seen.toString(), seen.size(), is(1));
        return seen.getFirst();
    }
}
