package org.reelflow.jobs;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.reelflow.events.FileEventLog;
import org.reelflow.events.JobEvent;
import org.reelflow.support.FakeStages;
import org.reelflow.support.SseClient;
import org.reelflow.support.TestServer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.reelflow.support.Streams.WAIT;
import static org.reelflow.support.Streams.shape;

/**
 * A job folder written by the version before every change was an event (resources/old-job/1, the shape that version
 * wrote): its meta.json has runDir, providers, words, voiceover and videoPath, which no event of its log carries, and
 * its log lines are undated. After an upgrade it must still list, stream and download, with meta.json as it was.
 */
class OldJobFolderTest {

    @TempDir
    Path dir;

    @Test
    void anOldJobFolderListsStreamsAndDownloadsWithItsRecordKept() throws Exception {
        copyOldJob();
        Path folder = dir.resolve("1");
        String metaBefore = Files.readString(folder.resolve("meta.json"));
        JsonObject meta = TestServer.json(metaBefore).asJsonObject();
        try (TestServer server = TestServer.start(dir, c -> FakeStages.create().pipeline())) {
            assertThat("served as it was written", server.job("1"), is(meta));
            JsonObject listed = TestServer.json(server.get("/api/v1/jobs").body()).asJsonObject()
                    .getJsonArray("jobs").getJsonObject(0);
            assertThat(listed.getString("status"), is("completed"));
            assertThat(listed.getString("videoPath"), is("2026-01-05-101500-black-holes/final.mp4"));
            try (SseClient sse = server.events("1")) {
                List<SseClient.Event> events = sse.readToEnd(WAIT);
                assertThat(shape(events), is(List.of("job:snapshot", "job:completed")));
                assertThat(TestServer.json(events.getFirst().data()).asJsonObject(), is(meta));
            }
            try (SseClient sse = server.events("1", Map.of("Last-Event-ID", "0"))) {
                List<String> replay = shape(sse.readToEnd(WAIT));
                assertThat(replay.size(), is(14));
                assertThat(replay.getLast(), is("job:completed"));
            }
            var video = server.get("/api/v1/jobs/1/artifacts/2026-01-05-101500-black-holes/final.mp4");
            assertThat(video.statusCode(), is(200));
            assertThat(video.body(), is("not really an mp4, but bytes to download"));
        }
        assertThat("start-up did not rebuild it from a log that cannot give it",
                   Files.readString(folder.resolve("meta.json")), is(metaBefore));
    }

    /** Why such a folder is exempt from "meta.json is the fold of its log": the fold loses what no event carried. */
    @Test
    void theFoldOfAnOldLogLacksTheFieldsNoEventCarried() throws Exception {
        copyOldJob();
        JsonObject meta = TestServer.json(Files.readString(dir.resolve("1/meta.json"))).asJsonObject();
        List<JobEvent> events = new FileEventLog(dir::resolve).read("1");
        assertThat("an old log is recognised", JobRecord.foldable(events), is(false));
        JsonObject folded = JobRecord.fold(JobRecord.fromJson(meta), events).toJson();
        for (String field : List.of("startedAt", "completedAt", "runDir", "providers", "words", "voiceover", "videoPath")) {
            assertThat(field + " is in meta.json only", meta.containsKey(field) && !folded.containsKey(field), is(true));
        }
    }

    private void copyOldJob() throws URISyntaxException, java.io.IOException {
        Path source = Path.of(OldJobFolderTest.class.getResource("/old-job").toURI());
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = dir.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
