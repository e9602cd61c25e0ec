package org.reelflow.jobs;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.reelflow.events.JobEvent;

/**
 * A job's record — meta.json, served verbatim by {@code GET /api/v1/jobs/:id} and as the stream's snapshot.
 * Field names are OpenReels' (inventory §1.6). Unlike the reference it keeps {@code createdAt} from submission,
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

    void markRunning(Instant now) {
        status = JobStatus.RUNNING;
        startedAt = now.toString();
    }

    void requestCancel() {
        cancelRequested = true;
    }

    /** Sets a result field that no event carries (runDir, videoPath, actualCost, words …). */
    void putResult(String field, JsonValue value) {
        results.put(field, value);
    }

    /**
     * Folds one event into the record, so the record always equals "all events so far" — which is what lets a
     * snapshot name the event id it reflects.
     */
    void apply(JobEvent event, Instant now) {
        JsonObject d = event.data();
        if (event.terminal()) {
            completedAt = now.toString();
            if (JobEvent.COMPLETED.equals(event.name())) {
                status = JobStatus.COMPLETED;
            } else {
                status = "cancelled".equals(d.getString("status", null)) ? JobStatus.CANCELLED : JobStatus.FAILED;
                error = d.getString("error", null);
                // A stage still running when the job failed did not finish: say so instead of leaving "running".
                // A cancel is not a stage's failure: OpenReels leaves that stage as it was, and its web UI reads
                // the cancel from the job's status, so the stage keeps its last state here too.
                if (status == JobStatus.FAILED) {
                    stages.replaceAll((s, st) -> "running".equals(st.status()) ? new StageState("error", error, null) : st);
                }
            }
            return;
        }
        StageName stage = StageName.of(d.getString("stage", "")).orElse(null);
        if (stage == null) {
            return;
        }
        switch (d.getString("type", "")) {
            case "start" -> stages.put(stage, StageState.RUNNING);
            case "complete" -> stages.put(stage, new StageState("done", d.getString("detail", null),
                                                                 d.getJsonNumber("durationSec").doubleValue()));
            case "skipped" -> stages.put(stage, new StageState("skipped", d.getString("reason", null), null));
            // An error leaves the stage running: a recoverable one is followed by the stage's own end, a fatal
            // one by job:failed, which marks the running stage as failed (above).
            case "error" -> append("errors", Json.createObjectBuilder().add("stage", stage.key())
                    .add("error", d.getString("error", "")).build());
            case "results" -> results.put("researchData", without(d, "stage", "type"));
            case "score" -> {
                JsonObject score = d.getJsonObject("score");
                results.put("score", score);
                archetype = score.getString("archetype", archetype);
            }
            case "revision" -> append("revisionHistory", Json.createObjectBuilder().add("round", d.get("round"))
                    .add("score", d.get("critiqueScore")).build());
            case "cost_estimate" -> results.put("costEstimate", d.get("estimate"));
            case "music_resolved" -> results.put("musicGeneration", without(d, "stage", "type"));
            case "music" -> results.put("musicTrack", Json.createObjectBuilder()
                    .add("trackId", d.get("track")).add("mood", d.get("mood"))
                    .add("requestedMood", d.get("requestedMood")).add("fallback", d.get("fallback")).build());
            case "asset", "asset_failed", "stock_fallback", "video_fallback" ->
                    append("sceneEvents", without(d, "stage"));
            case "rendering" -> results.put("render", Json.createObjectBuilder()
                    .add("frame", 0).add("totalFrames", d.get("totalFrames")).build());
            case "render_progress" -> results.put("render", without(d, "stage", "type"));
            case "review" -> results.put("criticReview", without(d, "stage", "type"));
            default -> {
                // Other progress types are stream-only; the record keeps their lasting effects above.
            }
        }
    }

    private void append(String field, JsonObject item) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        JsonValue current = results.get(field);
        if (current != null && current.getValueType() == JsonValue.ValueType.ARRAY) {
            current.asJsonArray().forEach(b::add);
        }
        results.put(field, b.add(item).build());
    }

    private static JsonObject without(JsonObject o, String... keys) {
        JsonObjectBuilder b = Json.createObjectBuilder(o);
        for (String k : keys) {
            b.remove(k);
        }
        return b.build();
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
