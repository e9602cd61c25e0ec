package org.reelflow.jobs;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.reelflow.events.Event;
import org.reelflow.events.Event.CancelRequested;
import org.reelflow.events.Event.JobCompleted;
import org.reelflow.events.Event.JobFailed;
import org.reelflow.events.Event.JobOutput;
import org.reelflow.events.Event.JobSnapshot;
import org.reelflow.events.Event.JobStarted;
import org.reelflow.events.EventCodec;
import org.reelflow.events.JobEvent;
import org.reelflow.events.StageEvent;
import org.reelflow.events.StageEvent.Asset;
import org.reelflow.events.StageEvent.AssetFailed;
import org.reelflow.events.StageEvent.CostEstimate;
import org.reelflow.events.StageEvent.CriticReview;
import org.reelflow.events.StageEvent.MusicFallback;
import org.reelflow.events.StageEvent.MusicGenerated;
import org.reelflow.events.StageEvent.MusicGenerating;
import org.reelflow.events.StageEvent.MusicResolved;
import org.reelflow.events.StageEvent.MusicSelected;
import org.reelflow.events.StageEvent.RenderProgress;
import org.reelflow.events.StageEvent.Rendering;
import org.reelflow.events.StageEvent.ResearchResults;
import org.reelflow.events.StageEvent.Revision;
import org.reelflow.events.StageEvent.ScoreReady;
import org.reelflow.events.StageEvent.StageCompleted;
import org.reelflow.events.StageEvent.StageError;
import org.reelflow.events.StageEvent.StageSkipped;
import org.reelflow.events.StageEvent.StageStarted;
import org.reelflow.events.StageEvent.StockFallback;
import org.reelflow.events.StageEvent.StockReformulated;
import org.reelflow.events.StageEvent.StockRejected;
import org.reelflow.events.StageEvent.StockUnverified;
import org.reelflow.events.StageEvent.StockVerified;
import org.reelflow.events.StageEvent.VideoFallback;
import org.reelflow.events.StageEvent.VideoGenerated;
import org.reelflow.events.StageEvent.VideoImageReady;
import org.reelflow.events.StageName;

/**
 * A job's record — meta.json, served verbatim by {@code GET /api/v1/jobs/:id} and as the stream's snapshot.
 * Field names are OpenReels'. Unlike the reference it keeps {@code createdAt} from submission,
 * {@code pacing}, the requested and the chosen archetype, and what each stage really produced. Not thread-safe:
 * only its {@link Job} touches it, under the job's lock.
 */
public final class JobRecord {

    private final String id;
    private final String topic;
    private final String requestedArchetype;
    private final String pacing;
    private final String platform;
    private final boolean dryRun;
    private final boolean replay;
    private final String createdAt;
    private String archetype;
    private JobStatus status = JobStatus.QUEUED;
    private String startedAt;
    private String completedAt;
    private boolean cancelRequested;
    private String error;
    private final Map<StageName, StageState> stages = new EnumMap<>(StageName.class);
    /** Everything the stages add: researchData, score, costEstimate, musicTrack, criticReview, videoPath … */
    private final Map<String, JsonValue> results = new LinkedHashMap<>();

    private JobRecord(String id, String topic, String requestedArchetype, String pacing, String platform,
                      boolean dryRun, boolean replay, String createdAt) {
        this.id = id;
        this.topic = topic;
        this.requestedArchetype = requestedArchetype;
        this.archetype = requestedArchetype;
        this.pacing = pacing;
        this.platform = platform;
        this.dryRun = dryRun;
        this.replay = replay;
        this.createdAt = createdAt;
        for (StageName s : StageName.values()) {
            stages.put(s, StageState.PENDING);
        }
    }

    /** A fresh, queued record for a submission. */
    public static JobRecord create(String id, JobRequest request, Instant now) {
        return new JobRecord(id, request.topic(), request.archetype(), request.pacing(), request.platform(),
                             request.dryRun(), request.replay(), now.toString());
    }

    public String id() {
        return id;
    }

    public String topic() {
        return topic;
    }

    public JobStatus status() {
        return status;
    }

    public String createdAt() {
        return createdAt;
    }

    public boolean cancelRequested() {
        return cancelRequested;
    }

    public StageState stage(StageName stage) {
        return stages.get(stage);
    }

    public JsonValue result(String field) {
        return results.get(field);
    }

    /**
     * The record as it was submitted, before any event: what the fold of the log starts from. Its fields never change
     * after submission, so any later record of the job (its meta.json) gives them.
     */
    public JobRecord submission() {
        return new JobRecord(id, topic, requestedArchetype, pacing, platform, dryRun, replay, createdAt);
    }

    /**
     * Whether meta.json can be rebuilt from this log: every event of this version is logged with its time, and every
     * change to the record is an event. A log of an older version (its first event undated) left fields in meta.json
     * that no event carries, so for those jobs meta.json stays the truth.
     */
    public static boolean foldable(List<JobEvent> events) {
        return events.isEmpty() || events.getFirst().at() != null;
    }

    /** The submitted record with every event folded in, in order: what meta.json caches. */
    public static JobRecord fold(JobRecord submission, List<JobEvent> events) {
        JobRecord r = submission.submission();
        events.forEach(e -> r.apply(e.event(), e.at()));
        return r;
    }

    /**
     * Folds one event into the record, so the record always equals "all events so far" — which is what lets a
     * snapshot name the event id it reflects. Every change to the record is made here.
     *
     * @param at when the event happened, as logged with it (null in a log of an older version: the date stays unset)
     */
    void apply(Event event, Instant at) {
        String now = at == null ? null : at.toString();
        switch (event) {
            case JobStarted s -> {
                status = JobStatus.RUNNING;
                startedAt = now;
                results.put("runDir", Json.createValue(s.runDir()));
            }
            case JobOutput o -> {
                // An output never replaces a field of the record's own (status, stages …), whatever a log says.
                if (!CORE.contains(o.field())) {
                    results.put(o.field(), o.value());
                }
            }
            case CancelRequested c -> cancelRequested = true;
            case JobCompleted c -> {
                completedAt = now;
                status = JobStatus.COMPLETED;
            }
            case JobFailed f -> {
                completedAt = now;
                status = f.cancelled() ? JobStatus.CANCELLED : JobStatus.FAILED;
                error = f.error();
                // A stage still running when the job failed did not finish: say so instead of leaving "running".
                // A cancel is not a stage's failure: OpenReels leaves that stage as it was, and its web UI reads
                // the cancel from the job's status, so the stage keeps its last state here too.
                if (status == JobStatus.FAILED) {
                    stages.replaceAll((s, st) -> "running".equals(st.status()) ? new StageState("error", error, null) : st);
                }
            }
            case StageEvent e -> apply(e);
            // A snapshot is never logged; an unknown event (a newer version's) has no effect this version knows.
            case JobSnapshot s -> { }
            case Event.Unknown u -> { }
        }
    }

    private void apply(StageEvent event) {
        switch (event) {
            case StageStarted s -> stages.put(s.stage(), StageState.RUNNING);
            case StageCompleted c -> stages.put(c.stage(), new StageState("done", c.detail(), c.durationSec()));
            case StageSkipped s -> stages.put(s.stage(), new StageState("skipped", s.reason(), null));
            // An error leaves the stage running: a recoverable one is followed by the stage's own end, a fatal
            // one by job:failed, which marks the running stage as failed (above).
            case StageError e -> append("errors", Json.createObjectBuilder().add("stage", e.stage().key())
                    .add("error", e.error()).build());
            case ResearchResults r -> results.put("researchData", EventCodec.fields(r));
            case ScoreReady s -> {
                results.put("score", s.score());
                archetype = s.score().getString("archetype", archetype);
            }
            case Revision r -> append("revisionHistory", Json.createObjectBuilder().add("round", r.round())
                    .add("score", r.critiqueScore()).build());
            case CostEstimate c -> results.put("costEstimate", c.estimate());
            case MusicResolved m -> results.put("musicGeneration", EventCodec.fields(m));
            case MusicSelected m -> results.put("musicTrack", Json.createObjectBuilder()
                    .add("trackId", m.track()).add("mood", m.mood())
                    .add("requestedMood", m.requestedMood()).add("fallback", m.fallback()).build());
            case Asset a -> appendSceneEvent(a);
            case AssetFailed a -> appendSceneEvent(a);
            case StockFallback s -> appendSceneEvent(s);
            case VideoFallback v -> appendSceneEvent(v);
            case Rendering r -> results.put("render", Json.createObjectBuilder()
                    .add("frame", 0).add("totalFrames", r.totalFrames()).build());
            case RenderProgress r -> results.put("render", EventCodec.fields(r));
            case CriticReview r -> results.put("criticReview", r.review());
            // Stream-only progress: what a person watches happen, with no lasting effect on the record.
            case MusicGenerating m -> { }
            case MusicGenerated m -> { }
            case MusicFallback m -> { }
            case StockVerified s -> { }
            case StockUnverified s -> { }
            case StockRejected s -> { }
            case StockReformulated s -> { }
            case VideoImageReady v -> { }
            case VideoGenerated v -> { }
        }
    }

    /** The scene's history, as the web UI's storyboard reads it: {@code {type, ...fields}}. */
    private void appendSceneEvent(StageEvent e) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("type", e.type());
        EventCodec.fields(e).forEach(b::add);
        append("sceneEvents", b.build());
    }

    private void append(String field, JsonObject item) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        JsonValue current = results.get(field);
        if (current != null && current.getValueType() == JsonValue.ValueType.ARRAY) {
            current.asJsonArray().forEach(b::add);
        }
        results.put(field, b.add(item).build());
    }

    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", id).add("topic", topic);
        if (archetype != null) {
            b.add("archetype", archetype);
        }
        if (requestedArchetype != null) {
            b.add("requestedArchetype", requestedArchetype);
        }
        if (pacing != null) {
            b.add("pacing", pacing);
        }
        b.add("platform", platform).add("dryRun", dryRun);
        if (replay) {
            b.add("replay", true);
        }
        b.add("status", status.key()).add("createdAt", createdAt);
        if (startedAt != null) {
            b.add("startedAt", startedAt);
        }
        if (completedAt != null) {
            b.add("completedAt", completedAt);
        }
        if (cancelRequested) {
            b.add("cancelRequested", true);
        }
        JsonObjectBuilder st = Json.createObjectBuilder();
        stages.forEach((s, state) -> st.add(s.key(), state.toJson()));
        b.add("stages", st);
        results.forEach(b::add);
        if (error != null) {
            b.add("error", error);
        }
        return b.build();
    }

    private static final java.util.Set<String> CORE = java.util.Set.of("id", "topic", "archetype",
            "requestedArchetype", "pacing", "platform", "dryRun", "replay", "status", "createdAt", "startedAt",
            "completedAt", "cancelRequested", "stages", "error");

    /** Reads meta.json back (a restart, or a finished job's stream). */
    public static JobRecord fromJson(JsonObject o) {
        JobRecord r = new JobRecord(o.getString("id"), o.getString("topic"), o.getString("requestedArchetype", null),
                                    o.getString("pacing", null), o.getString("platform", "youtube"),
                                    o.getBoolean("dryRun", false), o.getBoolean("replay", false),
                                    o.getString("createdAt"));
        r.archetype = o.getString("archetype", null);
        r.status = JobStatus.of(o.getString("status"));
        r.startedAt = o.getString("startedAt", null);
        r.completedAt = o.getString("completedAt", null);
        r.cancelRequested = o.getBoolean("cancelRequested", false);
        r.error = o.getString("error", null);
        JsonObject st = o.getJsonObject("stages");
        if (st != null) {
            for (StageName s : StageName.values()) {
                if (st.containsKey(s.key())) {
                    r.stages.put(s, StageState.fromJson(st.getJsonObject(s.key())));
                }
            }
        }
        o.forEach((k, v) -> {
            if (!CORE.contains(k)) {
                r.results.put(k, v);
            }
        });
        return r;
    }
}
