package org.reelflow.stages;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.reelflow.app.StandardStages;
import org.reelflow.media.ExternalProcess;
import org.reelflow.support.VendorDouble;
import org.reelflow.support.SseClient;
import org.reelflow.support.SseClient.Event;
import org.reelflow.support.TestServer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.reelflow.support.VendorDouble.bytes;
import static org.reelflow.support.VendorDouble.json;

/**
 * The visuals stage wired to every provider kind through the real pipeline and server, each vendor a local double:
 * an LLM (OpenAI wire) that optimises prompts, judges stock pictures it is shown and rewrites queries; Pexels;
 * Gemini images and Veo; fal. One rendered job covers a verified stock scene, a rejected one that is reformulated
 * and falls back to an AI picture, an ai_video scene whose primary fails and secondary succeeds, and one whose whole
 * chain fails to the still frame.
 */
class VisualsWiringTest {

    static final String VEO_SUBMIT = "/v1beta/models/veo-3.1-lite-generate-001:predictLongRunning";
    static final String IMAGE = "/v1beta/models/gemini-3.1-flash-image:generateContent";
    static final String REQ = "764cabcf-b745-4b3e-ae38-1200304cf45b";
    static final String FAL_SUBMIT = "/fal-ai/kling-video/v2.6/pro/image-to-video";
    static final String FAL_STATUS = "/fal-ai/kling-video/requests/" + REQ + "/status";
    static final String FAL_RESULT = "/fal-ai/kling-video/requests/" + REQ;

    static final String SCORE = """
            {"emotional_arc":"wonder","archetype":"infographic","music_mood":"epic_cinematic","scenes":[
             {"visual_type":"stock_image","visual_prompt":"red fox in snow","motion":"static","script_line":"Foxes hunt in snow.","transition":null},
             {"visual_type":"stock_image","visual_prompt":"crowded stadium at night","motion":"zoom_in","script_line":"Crowds roar at night.","transition":null},
             {"visual_type":"ai_video","visual_prompt":"a lighthouse at dawn","motion":"pan_left","script_line":"Light guides ships home.","transition":null},
             {"visual_type":"ai_video","visual_prompt":"a storm over the sea CLIPFAILS","motion":"zoom_out","script_line":"Storms test every sailor.","transition":null}]}""";

    @TempDir
    Path dir;
    VendorDouble llm;
    VendorDouble pexels;
    VendorDouble google;
    VendorDouble fal;

    @BeforeEach
    void doubles() throws Exception {
        llm = new VendorDouble();
        pexels = new VendorDouble();
        google = new VendorDouble();
        fal = new VendorDouble();
        byte[] clip = realMp4(dir.resolve("clip.mp4"));

        llm.on("POST", "/v1/chat/completions", (ex, s) -> json(ex, 200, chat(llmAnswer(s.text()))));

        pexels.on("GET", "/v1/search", (ex, s) -> {
            String q = s.query().get("query");
            String photos = q.contains("fox") ? photo(101) : q.equals("crowded stadium at night") ? photo(201) : "";
            json(ex, 200, "{\"total_results\":1,\"page\":1,\"per_page\":5,\"photos\":[" + photos + "]}");
        });
        for (int id : new int[] {101, 201}) {
            pexels.on("GET", "/photos/" + id + "/pexels-photo-" + id + ".jpeg",
                      (ex, s) -> bytes(ex, 200, jpeg(id == 101 ? 0xC04010 : 0x303030), Map.of("Content-Type", "image/jpeg")));
        }

        google.on("POST", IMAGE, (ex, s) -> json(ex, 200, s.text().contains("SAFETYTRIP") && !s.text().contains("safety grounds")
                ? "{\"promptFeedback\":{\"blockReason\":\"SAFETY\",\"safetyRatings\":[]}}" : Json.createObjectBuilder().add("candidates", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("content", Json.createObjectBuilder().add("role", "model")
                        .add("parts", Json.createArrayBuilder().add(Json.createObjectBuilder().add("inlineData",
                                Json.createObjectBuilder().add("mimeType", "image/png")
                                        .add("data", Base64.getEncoder().encodeToString(org.reelflow.support.VendorWire.png(90, 160)))))))
                        .add("finishReason", "STOP"))).build().toString()));
        google.on("POST", VEO_SUBMIT, (ex, s) -> json(ex, 400,
                "{\"error\":{\"code\":400,\"message\":\"Image aspect ratio not supported.\",\"status\":\"INVALID_ARGUMENT\"}}"));

        fal.on("POST", "/storage/upload/initiate", (ex, s) -> json(ex, 200, "{\"upload_url\":\"" + fal.url()
                + "/files/upload/frame.png?signature=abc\",\"file_url\":\"https://v3.fal.media/files/rabbit/frame.png\"}"));
        fal.on("PUT", "/files/upload/frame.png", (ex, s) -> json(ex, 200, "{}"));
        fal.on("POST", FAL_SUBMIT, (ex, s) -> {
            if (s.text().contains("CLIPFAILS")) {
                json(ex, 422, "{\"detail\":[{\"loc\":[\"body\",\"prompt\"],\"msg\":\"prompt flagged\",\"type\":\"value_error\"}]}");
            } else {
                json(ex, 200, "{\"status\":\"IN_QUEUE\",\"request_id\":\"" + REQ + "\",\"response_url\":\"" + fal.url() + FAL_RESULT
                              + "\",\"status_url\":\"" + fal.url() + FAL_STATUS + "\",\"cancel_url\":\"" + fal.url() + FAL_RESULT
                              + "/cancel\",\"queue_position\":0}");
            }
        });
        fal.on("GET", FAL_STATUS, (ex, s) -> json(ex, 200, "{\"status\":\"COMPLETED\",\"request_id\":\"" + REQ
                                                             + "\",\"response_url\":\"" + fal.url() + FAL_RESULT + "\",\"logs\":null}"));
        fal.on("GET", FAL_RESULT, (ex, s) -> json(ex, 200, "{\"video\":{\"url\":\"" + fal.url() + "/cdn/out.mp4\","
                                                             + "\"content_type\":\"video/mp4\",\"file_name\":\"out.mp4\",\"file_size\":"
                                                             + clip.length + "}}"));
        fal.on("GET", "/cdn/out.mp4", (ex, s) -> bytes(ex, 200, clip, Map.of("Content-Type", "video/mp4")));
    }

    @AfterEach
    void stop() {
        llm.close();
        pexels.close();
        google.close();
        fal.close();
    }

    /** What the LLM says, by the schema it was asked for. */
    static String llmAnswer(String body) {
        if (body.contains("strict visual relevance judge")) {
            return body.contains("Requested visual: red fox in snow")
                    ? "{\"relevant\":true,\"confidence\":0.91,\"reason\":\"A red fox standing in snow\"}"
                    : "{\"relevant\":false,\"confidence\":0.2,\"reason\":\"An empty car park, no crowd\"}";
        }
        if (body.contains("You write stock footage search queries")) {
            return "{\"queries\":[\"floodlit arena evening\",\"sports fans cheering\"]}";
        }
        Matcher m = Pattern.compile("Visual description: ([^\\\\]+)").matcher(body);
        return "{\"optimized_prompt\":\"Optimised: " + (m.find() ? m.group(1) : "?") + "\"}";
    }

    static String chat(String content) {
        return Json.createObjectBuilder().add("id", "chatcmpl-1").add("object", "chat.completion").add("created", 1741569952)
                .add("model", "gpt-5.4")
                .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder().add("index", 0)
                        .add("message", Json.createObjectBuilder().add("role", "assistant").add("content", content))
                        .add("finish_reason", "stop")))
                .add("usage", Json.createObjectBuilder().add("prompt_tokens", 100).add("completion_tokens", 20).add("total_tokens", 120))
                .build().toString();
    }

    String photo(int id) {
        String img = pexels.url() + "/photos/" + id + "/pexels-photo-" + id + ".jpeg";
        return "{\"id\":" + id + ",\"width\":3648,\"height\":5472,\"url\":\"https://www.pexels.com/photo/x-" + id + "/\","
               + "\"photographer\":\"Ana Ribeiro\",\"src\":{\"original\":\"" + img + "\",\"large2x\":\"" + img + "\"},\"alt\":\"x\"}";
    }

    static byte[] jpeg(int rgb) throws Exception {
        var img = new java.awt.image.BufferedImage(72, 128, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 128; y++) {
            for (int x = 0; x < 72; x++) {
                img.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return out.toByteArray();
    }

    /** A real (decodable) vertical H.264 clip, as a video vendor returns. */
    static byte[] realMp4(Path file) throws Exception {
        var r = ExternalProcess.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                                            "testsrc=size=180x320:rate=30:duration=5", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                                            file.toString()), null, null);
        assertThat(r.output(), r.ok(), is(true));
        return Files.readAllBytes(file);
    }

    Map<String, String> config() {
        Map<String, String> c = new HashMap<>();
        c.put("llm.base-urls.openai", llm.url() + "/v1");
        c.put("providers.gemini-image.base-url", google.url());
        c.put("providers.video.google-base-url", google.url());
        c.put("providers.video.fal-queue-url", fal.url());
        c.put("providers.video.fal-rest-url", fal.url());
        c.put("providers.video.poll-interval", "PT0.05S");
        c.put("providers.stock.pexels-base-url", pexels.url());
        c.put("providers.stock.cache-dir", dir.resolve("stock-cache").toString());
        return c;
    }

    static final Map<String, String> ENV = Map.of("OPENAI_API_KEY", "sk-proj-test", "GOOGLE_API_KEY", "AIzaSy-test",
                                                  "FAL_API_KEY", "fal-test", "PEXELS_API_KEY", "pexels-test");

    /** {@code stage:visuals} events of one scene, as {@code type} (and the visual type of its asset). */
    static List<String> sceneShape(List<Event> log, int scene) {
        return log.stream().filter(e -> e.name().equals("stage:visuals")).map(e -> TestServer.json(e.data()).asJsonObject())
                .filter(d -> d.getInt("scene", d.getInt("sceneIndex", -1)) == scene)
                .map(d -> d.getString("type") + (d.containsKey("visualType") ? " " + d.getString("visualType") : ""))
                .toList();
    }

    static JsonObject visuals(List<Event> log, int scene, String type) {
        return log.stream().filter(e -> e.name().equals("stage:visuals")).map(e -> TestServer.json(e.data()).asJsonObject())
                .filter(d -> d.getString("type").equals(type) && d.getInt("scene", d.getInt("sceneIndex", -1)) == scene)
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " for scene " + scene));
    }

    @Test
    void everySceneKindResolvesThroughItsProvidersAndTheJobRendersTheMix() throws Exception {
        try (TestServer server = TestServer.start(dir.resolve("jobs"), StandardStages::create, config(), ENV)) {
            String id = server.submit("{\"topic\":\"Night and weather\",\"noMusic\":true,"
                                      + "\"providers\":{\"llm\":\"openai\",\"image\":\"gemini\"},\"score\":" + SCORE + "}");
            JsonObject meta = server.awaitStatus(id, Duration.ofSeconds(180), "completed", "failed");
            List<Event> log;
            try (SseClient sse = server.events(id, Map.of("Last-Event-ID", "0"))) {
                log = sse.readToEnd(Duration.ofSeconds(20));
            }
            assertThat(String.valueOf(meta.get("error")), meta.getString("status"), is("completed"));
            assertThat(log.getLast().name(), is("job:completed"));

            // A stock photo the judge accepted.
            assertThat(sceneShape(log, 0), contains("stock_verified", "asset stock_image"));
            assertThat(visuals(log, 0, "stock_verified").getJsonNumber("confidence").doubleValue(), is(0.91));
            assertThat(visuals(log, 0, "asset").getString("path"), endsWith("/assets/scene-0-stock.jpg"));

            // Rejected, rewritten twice-announced, nothing more found: an AI picture told what was rejected.
            assertThat(sceneShape(log, 1), contains("stock_rejected", "stock_reformulated", "stock_reformulated",
                                                    "stock_fallback", "asset ai_image"));
            assertThat(visuals(log, 1, "stock_rejected").getString("reason"), is("An empty car park, no crowd"));
            assertThat(log.stream().filter(e -> e.data().contains("\"stock_reformulated\"") && e.data().contains("floodlit arena evening"))
                               .count(), is(1L));
            assertThat(visuals(log, 1, "stock_fallback").getInt("attempts"), is(3));
            assertThat(visuals(log, 1, "asset").getString("path"), endsWith("/assets/scene-1-ai.png"));
            assertThat("the fallback's prompt carries the rejection", llm.requests("POST", "/v1/chat/completions").stream()
                    .anyMatch(r -> r.text().contains("prompt writer for text-to-image") && r.text().contains("An empty car park")), is(true));

            // ai_video: image, then Veo fails and fal makes the clip.
            assertThat(sceneShape(log, 2), contains("video_image_ready", "video_generated", "asset ai_video"));
            assertThat(visuals(log, 2, "video_generated").getString("provider"), is("secondary"));
            assertThat(visuals(log, 2, "asset").getString("path"), endsWith("/assets/scene-2-ai-video.mp4"));

            // ai_video whose whole chain fails: the still first frame.
            assertThat(sceneShape(log, 3), contains("video_image_ready", "video_fallback", "asset ai_image"));
            assertThat(visuals(log, 3, "video_fallback").getString("reason"), containsString("fal"));
            assertThat(visuals(log, 3, "asset").getString("path"), endsWith("/assets/scene-3-ai.png"));

            // The judge was shown the pictures, inline.
            var judged = llm.requests("POST", "/v1/chat/completions").stream().filter(r -> r.text().contains("strict visual relevance judge")).toList();
            assertThat(judged.size(), is(2));
            judged.forEach(r -> assertThat(r.text(), containsString("data:image/jpeg;base64,")));
            assertThat("one failed Veo call per video scene", google.requests("POST", VEO_SUBMIT).size(), is(2));
            assertThat(pexels.requests("GET", "/v1/search").size(), is(4));

            // The record: one asset per scene plus the fallbacks, the providers really used, a real video.
            JsonObject record = server.job(id);
            List<String> sceneEvents = record.getJsonArray("sceneEvents").getValuesAs(JsonObject.class).stream()
                    .map(e -> e.getString("type") + " " + e.getInt("scene", e.getInt("sceneIndex", -1))).toList();
            assertThat(sceneEvents.stream().filter(s -> s.startsWith("asset ")).count(), is(4L));
            assertThat(sceneEvents, hasItem("stock_fallback 1"));
            assertThat(sceneEvents, hasItem("video_fallback 3"));
            assertThat(sceneEvents, not(hasItem("asset_failed 0")));
            assertThat(record.getJsonObject("providers").getString("stock"), is("pexels"));
            assertThat(record.getJsonObject("providers").getString("video"), is("gemini"));
            Path video = dir.resolve("jobs").resolve(id).resolve(record.getString("videoPath"));
            assertThat(Files.size(video), greaterThan(10_000L));
            assertThat(record.getJsonObject("stages").getJsonObject("visuals").getString("detail"), is("4/4 assets"));
            assertThat("the one generated clip is in the actual cost",
                       record.getJsonObject("actualCost").getJsonObject("details").getInt("aiVideos"), is(1));
        }
    }

    @Test
    void withTheOfflineWriterStockIsUnverifiedAndARefusedPictureIsReprompedOnce() throws Exception {
        String score = """
                {"emotional_arc":"calm","archetype":"infographic","music_mood":"epic_cinematic","scenes":[
                 {"visual_type":"stock_image","visual_prompt":"red fox in snow","motion":"static","script_line":"Foxes hunt in snow.","transition":null},
                 {"visual_type":"ai_image","visual_prompt":"a battlefield SAFETYTRIP","motion":"zoom_in","script_line":"History remembers.","transition":null},
                 {"visual_type":"text_card","visual_prompt":"The end","motion":"static","script_line":"Follow for more.","transition":null}]}""";
        Map<String, String> env = Map.of("GOOGLE_API_KEY", "AIzaSy-test", "PEXELS_API_KEY", "pexels-test");
        try (TestServer server = TestServer.start(dir.resolve("jobs"), StandardStages::create, config(), env)) {
            String id = server.submit("{\"topic\":\"Offline\",\"noMusic\":true,\"noVideo\":true,"
                                      + "\"providers\":{\"image\":\"gemini\"},\"score\":" + score + "}");
            JsonObject meta = server.awaitStatus(id, Duration.ofSeconds(180), "completed", "failed");
            List<Event> log;
            try (SseClient sse = server.events(id, Map.of("Last-Event-ID", "0"))) {
                log = sse.readToEnd(Duration.ofSeconds(20));
            }
            assertThat(String.valueOf(meta.get("error")), meta.getString("status"), is("completed"));

            // No LLM to judge or rewrite: the first candidate, honestly reported as unverified.
            assertThat(sceneShape(log, 0), contains("stock_unverified", "asset stock_image"));
            assertThat(visuals(log, 0, "stock_unverified").getInt("confidence"), is(-1));
            assertThat(llm.requests().size(), is(0));
            assertThat(pexels.requests("GET", "/v1/search").size(), is(1));

            // Refused once on safety grounds, re-prompted with a sanitising context, painted.
            assertThat(sceneShape(log, 1), contains("asset ai_image"));
            var images = google.requests("POST", IMAGE).stream().filter(r -> r.text().contains("SAFETYTRIP")).toList();
            assertThat(images.size(), is(2));
            assertThat(images.get(1).text(), containsString("safety grounds"));

            assertThat(sceneShape(log, 2), contains("asset text_card"));
            assertThat("noVideo: no video provider recorded", server.job(id).getJsonObject("providers").containsKey("video"), is(false));
        }
    }

    @Test
    void aChosenVideoProviderWithoutItsKeyFailsTheJobBeforeAnyStage() throws Exception {
        try (TestServer server = TestServer.start(dir.resolve("jobs"), StandardStages::create, config(), Map.of())) {
            String id = server.submit("{\"topic\":\"Clips\",\"providers\":{\"video\":\"fal\"}}");
            JsonObject meta = server.awaitStatus(id, Duration.ofSeconds(30), "failed");
            assertThat(meta.getString("error"), is("FAL_API_KEY is required"));
            assertThat(meta.getJsonObject("stages").getJsonObject("research").getString("status"), is("pending"));
        }
    }
}
