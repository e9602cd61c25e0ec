package org.reelflow.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.reelflow.media.inspect.VideoProbe;
import org.reelflow.support.SseClient;
import org.reelflow.support.SseClient.Event;
import org.reelflow.support.TestServer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
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
