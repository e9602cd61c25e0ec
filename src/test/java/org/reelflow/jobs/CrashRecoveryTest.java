package org.reelflow.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.reelflow.events.Event;
import org.reelflow.events.EventLog;
import org.reelflow.events.FileEventLog;
import org.reelflow.events.JobEvent;
import org.reelflow.events.StageEvent;
import org.reelflow.events.StageName;
import org.reelflow.events.ListenerRegistry;
import org.reelflow.events.Subscription;
import org.reelflow.support.FakeStages;
import org.reelflow.support.LogCapture;
import org.reelflow.support.SseClient;
import org.reelflow.support.TestServer;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.reelflow.support.Streams.WAIT;
import static org.reelflow.support.Streams.shape;

/**
 * A process killed between two writes of a job, then a server started on what it left. The folders are produced
 * by the real {@link Job}, {@link FileJobStore} and {@link FileEventLog}; the "kill" is the write that fails, and
 * nothing runs after it but the restart.
 */
class CrashRecoveryTest {

    @TempDir
    Path dir;

    private static final JobRequest REQUEST =
            new JobRequest("crash", null, null, "youtube", false, false, false, null, null, null, null, null);

    /** The files of the real store, with saves that stop working when the process "dies". */
    private static final class DyingStore implements JobStore {
        final FileJobStore files;
        volatile boolean dead;

        DyingStore(Path root) throws IOException {
            files = new FileJobStore(root);
        }

        @Override
        public void save(JobRecord record) throws IOException {
            if (dead) {
                throw new IOException("killed before meta.json was saved");
            }
            files.save(record);
        }

        @Override
        public String nextId() throws IOException {
            return files.nextId();
        }

        @Override
        public Path jobDir(String id) {
            return files.jobDir(id);
        }

        @Override
        public Optional<JobRecord> load(String id) throws IOException {
            return files.load(id);
        }

        @Override
        public void saveRequest(String id, JobRequest request) throws IOException {
            files.saveRequest(id, request);
        }

        @Override
        public Optional<JobRequest> loadRequest(String id) throws IOException {
            return files.loadRequest(id);
        }

        @Override
        public List<String> ids() throws IOException {
            return files.ids();
        }

        @Override
        public void delete(String id) throws IOException {
            files.delete(id);
        }
    }

    /** The real event log, whose appends can fail (the process "dies") or wait for the test. */
    private static final class DyingLog implements EventLog {
        final FileEventLog files;
        volatile boolean dead;
        volatile CountDownLatch gate;
        final CountDownLatch appending = new CountDownLatch(1);

        DyingLog(DyingStore store) {
            files = new FileEventLog(store::jobDir);
        }

        @Override
        public void append(String jobId, JobEvent event) throws IOException {
            if (dead) {
                throw new IOException("killed before the event reached events.jsonl");
            }
            CountDownLatch g = gate;
            if (g != null) {
                appending.countDown();
                try {
                    g.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            files.append(jobId, event);
        }

        @Override
        public List<JobEvent> read(String jobId) throws IOException {
            return files.read(jobId);
        }

        @Override
        public void delete(String jobId) throws IOException {
            files.delete(jobId);
        }
    }

    private DyingStore store;
    private DyingLog log;
    private ListenerRegistry registry;

    /** A submitted job that has started and run every stage, persisted as the server would. */
    private Job runningJobWithEveryStageDone() throws IOException {
        store = new DyingStore(dir);
        log = new DyingLog(store);
        registry = new ListenerRegistry(64);
        JobService service = new JobService(store, log, registry, new FifoJobQueue(), Clock.systemUTC(), 0,
                                            Duration.ofSeconds(1));
        Job job = service.submit(REQUEST);
        job.start("run");
        for (StageName s : StageName.values()) {
            job.emit(new StageEvent.StageStarted(s));
            job.emit(new StageEvent.StageCompleted(s, "ok", 0.1));
        }
        return job;
    }

    private static TestServer restart(Path dir) throws IOException {
        return TestServer.start(dir, c -> FakeStages.create().pipeline());
    }

    private static JsonObject readJson(Path file) throws IOException {
        return TestServer.json(Files.readString(file)).asJsonObject();
    }

    @Test
    void aJobKilledAfterItsLogEndedButBeforeItsRecordWasSavedComesBackCompleted() throws Exception {
        Job job = runningJobWithEveryStageDone();
        store.dead = true;
        assertThrows(UncheckedIOException.class, () -> job.complete());
        Path folder = dir.resolve(job.id());
        List<String> lines = Files.readAllLines(folder.resolve(FileEventLog.FILE_NAME));
        assertThat("the crash window: the log ended", lines.getLast(), startsWith("{\"id\":14,\"event\":\"job:completed\""));
        assertThat("… the record did not", readJson(folder.resolve("meta.json")).getString("status"), is("running"));
        String ended = TestServer.json(lines.getLast()).asJsonObject().getString("at");

        try (LogCapture logs = LogCapture.start(); TestServer server = restart(dir)) {
            JsonObject record = server.job(job.id());
            assertThat(record.getString("status"), is("completed"));
            assertThat("the job ended when its terminal event was logged, not at the restart", record.getString("completedAt"),
                       is(ended));
            assertThat(record.getJsonObject("stages").getJsonObject("critic").getString("status"), is("done"));
            assertThat("saved, not only fixed in memory", readJson(folder.resolve("meta.json")).getString("status"),
                       is("completed"));
            assertThat(logs.records(), hasItem(org.hamcrest.Matchers.containsString(
                    "Job 1: meta.json was behind its event log")));
            JsonObject stats = TestServer.json(server.get("/api/v1/stats").body()).asJsonObject();
            assertThat(stats.getInt("activeJobs"), is(0));
            assertThat(stats.getInt("completedJobs"), is(1));
            assertThat("cancel", server.postJson("/api/v1/jobs/1/cancel", "").statusCode(), is(409));
            try (SseClient sse = server.events(job.id())) {
                assertThat(shape(sse.readToEnd(WAIT)), contains("job:snapshot", "job:completed"));
            }
            assertThat("delete", server.delete("/api/v1/jobs/1").statusCode(), is(200));
        }
    }

    @Test
    void anEventAClientSawButTheLogLostStillLeadsAResumeToTheEnd() throws Exception {
        Job job = runningJobWithEveryStageDone();
        Subscription watcher = registry.subscribe(job.id());
        log.dead = true;
        assertThrows(UncheckedIOException.class, () -> job.emit(
                new StageEvent.CriticReview(JsonObject.EMPTY_JSON_OBJECT)));
        JobEvent seen = null;
        for (JobEvent e; (e = watcher.poll(0, TimeUnit.MILLISECONDS)) != null; ) {
            seen = e;
        }
        assertThat("the client was shown event 14, which never reached the log", seen.id(), is(14L));

        try (TestServer server = restart(dir)) {
            assertThat(server.job(job.id()).getString("status"), is("failed"));
            try (SseClient sse = server.events(job.id(), Map.of("Last-Event-ID", "14"))) {
                assertThat(shape(sse.readToEnd(WAIT)), contains("job:failed"));
            }
            try (SseClient sse = server.events(job.id(), Map.of("Last-Event-ID", "13"))) {
                assertThat(shape(sse.readToEnd(WAIT)), contains("job:failed"));
            }
        }
    }

    @Test
    void theEndReachesWatchersOnlyOnceItIsInTheLog() throws Exception {
        Job job = runningJobWithEveryStageDone();
        Subscription watcher = registry.subscribe(job.id());
        log.gate = new CountDownLatch(1);
        CompletableFuture<Void> emitting = CompletableFuture.runAsync(job::complete);
        assertThat(log.appending.await(10, TimeUnit.SECONDS), is(true));
        assertThat("not before it is persisted", watcher.poll(200, TimeUnit.MILLISECONDS), is(nullValue()));
        log.gate.countDown();
        assertThat(watcher.poll(10, TimeUnit.SECONDS).event(), is(new Event.JobCompleted()));
        emitting.get(10, TimeUnit.SECONDS);
    }

    @Test
    void anEventAppendedAfterATornLineIsNotLostWithIt() throws Exception {
        Job job = runningJobWithEveryStageDone();
        Path events = dir.resolve(job.id()).resolve(FileEventLog.FILE_NAME);
        // The machine died inside the append of event 14: half a line, no newline.
        Files.writeString(events, "{\"id\":14,\"event\":\"stage:cri", StandardOpenOption.APPEND);
        try (TestServer server = restart(dir)) {
            assertThat(server.job(job.id()).getString("status"), is("failed"));
        }
        try (TestServer again = restart(dir)) {
            try (SseClient sse = again.events(job.id())) {
                assertThat("the job:failed of the first restart survived the second",
                           shape(sse.readToEnd(WAIT)), contains("job:snapshot", "job:failed"));
            }
        }
    }

    @Test
    void aSubmissionKilledBeforeItsRecordWasSavedIsNotAJob() throws Exception {
        store = new DyingStore(dir);
        log = new DyingLog(store);
        JobService service = new JobService(store, log, new ListenerRegistry(4), new FifoJobQueue(),
                                            Clock.systemUTC(), 0, Duration.ofSeconds(1));
        store.dead = true;
        assertThrows(IOException.class, () -> service.submit(REQUEST));
        assertThat("request.json was written first", Files.exists(dir.resolve("1").resolve("request.json")), is(true));
        try (TestServer server = restart(dir)) {
            JsonObject list = TestServer.json(server.get("/api/v1/jobs").body()).asJsonObject();
            assertThat("nobody was given id 1: it is not listed", list.getInt("total"), is(0));
            assertThat("nor ever reused", server.submit("{\"topic\":\"next\"}"), is("2"));
        }
    }
}
