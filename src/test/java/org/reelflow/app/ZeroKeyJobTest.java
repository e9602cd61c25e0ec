package org.reelflow.app;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.reelflow.media.inspect.VideoProbe;
import org.reelflow.providers.tts.AudioFiles;
import org.reelflow.support.SseClient;
import org.reelflow.support.SseClient.Event;
import org.reelflow.support.TestServer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.reelflow.support.Streams.shape;

/** A whole job with no keys and no network: the real pipeline renders a playable vertical MP4. */
class ZeroKeyJobTest {

    static final Duration RENDER_WAIT = Duration.ofMinutes(4);

    @TempDir
    Path dir;

    @Test
    void aTopicBecomesAVideoWithEveryStageStreamed() throws Exception {
        try (TestServer server = TestServer.start(dir, StandardStages::create)) {
            String id = server.submit("{\"topic\":\"Why the sky is blue\",\"archetype\":\"infographic\"}");
            List<Event> events;
            try (SseClient sse = server.events(id)) {
                events = sse.readToEnd(RENDER_WAIT);
            }
            List<String> shape = shape(events);
            assertThat(shape.toString(), shape.getLast(), is("job:completed"));
            JsonObject meta = server.job(id);
            int scenes = meta.getJsonObject("score").getJsonArray("scenes").size();
            assertThat(shape.stream().filter("stage:visuals asset"::equals).count(), is((long) scenes));
            for (String expected : List.of("stage:tts complete", "stage:visuals music_resolved", "stage:assembly music",
                                           "stage:assembly rendering", "stage:assembly render_progress",
                                           "stage:assembly complete", "stage:critic review")) {
                assertThat(expected + " in " + shape, shape.contains(expected), is(true));
            }
            assertThat(shape.indexOf("stage:assembly rendering") < shape.indexOf("stage:assembly render_progress"), is(true));

            assertThat(meta.getString("videoPath"), containsString("/final.mp4"));
            assertThat(meta.getJsonArray("words").size(), greaterThan(60));
            assertThat(meta.getJsonObject("musicTrack").getString("trackId"), containsString("-0"));
            assertThat(meta.getJsonObject("criticReview").getJsonNumber("score").intValue(), greaterThan(0));
            assertThat("an offline job costs nothing, and says so",
                       meta.getJsonObject("actualCost").getJsonNumber("totalCost").doubleValue(), is(0.0));
            assertThat(meta.getJsonObject("stages").getJsonObject("tts").getString("detail"),
                       is(meta.getJsonArray("words").size() + " words"));

            Path video = dir.resolve(id).resolve(meta.getString("videoPath"));
            VideoProbe.Info info = VideoProbe.probe(video);
            assertThat(info.videoCodec(), is("h264"));
            assertThat(info.pixelFormat(), is("yuv420p"));
            assertThat(info.width(), is(1080));
            assertThat(info.height(), is(1920));
            assertThat(info.fps(), closeTo(30.0, 0.01));
            assertThat(info.audioCodec(), is("aac"));
            assertThat(info.faststart(), is(true));
            double lastWord = meta.getJsonArray("words").getJsonObject(meta.getJsonArray("words").size() - 1)
                                  .getJsonNumber("end").doubleValue();
            assertThat("the video covers the voice", info.durationSeconds(), greaterThan(lastWord));
            assertThat("and does not run on far past it", info.durationSeconds(), lessThan(lastWord + 12));

            var loudness = org.reelflow.media.audio.LoudnessMeter.measure(video);
            assertThat("integrated loudness near -14 LUFS", loudness.integratedLufs(), closeTo(-14.0, 1.0));
            assertThat("true peak at most -1 dBTP", loudness.truePeakDbtp(), lessThan(-0.9));

            var served = server.get("/api/v1/jobs/" + id + "/artifacts/" + meta.getString("videoPath"));
            assertThat(served.statusCode(), is(200));
            assertThat(served.headers().firstValue("content-type").orElse(""), is("video/mp4"));
            assertThat(Files.size(video), greaterThan(100_000L));
        }
    }

    /**
     * OpenReels' web UI names a scene's thumbnail after the plan's visual_type ({@code scene-<i>-ai.png},
     * {@code -ai-video.mp4}, {@code -stock.jpg}, {@code -stock.mp4}; none for a text card), except for a scene the
     * stream said fell back ({@code stock_fallback}, {@code video_fallback}), which it asks for as
     * {@code scene-<i>-ai.png} — and it forgets those on reload. It plays a {@code <video>} for ai_video and
     * stock_video scenes that did not fall back, an {@code <img>} otherwise.
     */
    static String openReelsThumbnail(int scene, String visualType, Set<Integer> fellBack) {
        if (fellBack.contains(scene)) {
            return "scene-" + scene + "-ai.png";
        }
        return "scene-" + scene + switch (visualType) {
            case "ai_video" -> "-ai-video.mp4";
            case "stock_image" -> "-stock.jpg";
            case "stock_video" -> "-stock.mp4";
            default -> "-ai.png";
        };
    }

    @Test
    void whatOpenReelsWebUiAsksOfAFinishedJobResolves() throws Exception {
        String score = """
                {"emotional_arc":"curious to calm","archetype":"infographic","music_mood":"chill_lofi","scenes":[
                 {"visual_type":"stock_image","visual_prompt":"red fox in snow","motion":"zoom_in","script_line":"Foxes hear mice under the snow.","transition":null},
                 {"visual_type":"stock_video","visual_prompt":"fox jumping","motion":"static","script_line":"Then they leap and dive head first.","transition":null},
                 {"visual_type":"ai_video","visual_prompt":"a fox in a winter forest at dusk","motion":"static","script_line":"Most dives catch nothing.","transition":null},
                 {"visual_type":"text_card","visual_prompt":"Follow for more","motion":"static","script_line":"Follow for more.","transition":null}]}""";
        try (TestServer server = TestServer.start(dir, StandardStages::create)) {
            // "kokoro" is what OpenReels' UI sends for its offline voice.
            String id = server.submit("{\"topic\":\"Foxes in winter\",\"providers\":{\"tts\":\"kokoro\"},\"score\":" + score + "}");
            JsonObject meta = server.awaitStatus(id, RENDER_WAIT, "completed", "failed");
            assertThat(String.valueOf(meta.get("error")), meta.getString("status"), is("completed"));
            assertThat("the record names the voice that spoke", meta.getJsonObject("providers").getString("tts"), is("local"));

            List<Event> log;
            try (SseClient sse = server.events(id, Map.of("Last-Event-ID", "0"))) {
                log = sse.readToEnd(RENDER_WAIT);
            }
            Set<Integer> fellBack = log.stream().filter(e -> e.name().equals("stage:visuals"))
                    .map(e -> TestServer.json(e.data()).asJsonObject())
                    .filter(d -> Set.of("stock_fallback", "video_fallback").contains(d.getString("type")))
                    .map(d -> d.getInt("scene")).collect(Collectors.toSet());
            assertThat("with no stock keys both stock scenes fell back", fellBack, is(Set.of(0, 1)));

            String runDir = meta.getString("runDir");
            List<JsonObject> scenes = meta.getJsonObject("score").getJsonArray("scenes").getValuesAs(JsonObject.class);
            for (int i = 0; i < scenes.size(); i++) {
                String type = scenes.get(i).getString("visual_type");
                if (type.equals("text_card")) {
                    continue;
                }
                for (Set<Integer> known : List.of(fellBack, Set.<Integer>of())) {    // live, then after a reload
                    String file = openReelsThumbnail(i, type, known);
                    boolean video = !known.contains(i) && (type.equals("ai_video") || type.equals("stock_video"));
                    var head = server.send(HttpRequest.newBuilder(server.uri("/api/v1/jobs/" + id + "/artifacts/"
                                    + runDir + "/assets/" + file)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
                    assertThat(file, head.statusCode(), is(200));
                    assertThat(file, head.headers().firstValue("content-type").orElse(""),
                               video ? is("video/mp4") : startsWith("image/"));
                }
            }
            Path assets = dir.resolve(id).resolve(runDir).resolve("assets");
            assertThat("a clip the UI can play", VideoProbe.probe(assets.resolve("scene-1-stock.mp4")).videoCodec(), is("h264"));

            var music = server.send(HttpRequest.newBuilder(server.uri("/api/v1/jobs/" + id + "/artifacts/" + runDir
                    + "/_remotion_public/music.mp3")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertThat(music.statusCode(), is(200));
            assertThat(music.headers().firstValue("content-type").orElse(""), is("audio/mpeg"));
            byte[] mp3 = Files.readAllBytes(dir.resolve(id).resolve(runDir).resolve("_remotion_public/music.mp3"));
            assertThat("really an MP3", AudioFiles.detect(mp3), is(AudioFiles.Format.MP3));
            assertThat("a whole track, not a stub", mp3.length, greaterThan(100_000));
        }
    }

    @Test
    void cancelDuringRenderLeavesNoEncoder() throws Exception {
        try (TestServer server = TestServer.start(dir, StandardStages::create)) {
            String id = server.submit("{\"topic\":\"Deep sea creatures\",\"archetype\":\"cinematic_documentary\"}");
            try (SseClient sse = server.events(id)) {
                Event e;
                do {
                    e = sse.next(RENDER_WAIT);
                } while (e != null && !e.isEof() && !(e.data() != null && e.data().contains("\"render_progress\"")));
                assertThat("rendering started", e != null && !e.isEof(), is(true));
                assertThat("ffmpeg runs while rendering", encoders(), greaterThan(0L));
                var res = server.postJson("/api/v1/jobs/" + id + "/cancel", "");
                assertThat(res.statusCode(), is(200));
                List<Event> rest = sse.readToEnd(Duration.ofSeconds(20));
                assertThat(rest.getLast().data(), is("{\"error\":\"Cancelled by user\",\"status\":\"cancelled\"}"));
            }
            assertThat("no encoder outlives the cancel", encoders(), is(0L));
            JsonObject meta = server.job(id);
            assertThat(meta.getString("status"), is("cancelled"));
            assertThat(meta.getJsonObject("stages").getJsonObject("assembly").getString("status"), is("running"));
        }
    }

    private static long encoders() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("ffmpeg")).orElse(false)).count();
    }
}
