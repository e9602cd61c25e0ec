package org.reelflow.events;

import java.util.List;
import java.util.Objects;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

import org.reelflow.events.Event.CancelRequested;
import org.reelflow.events.Event.JobCompleted;
import org.reelflow.events.Event.JobFailed;
import org.reelflow.events.Event.JobOutput;
import org.reelflow.events.Event.JobSnapshot;
import org.reelflow.events.Event.JobStarted;
import org.reelflow.events.Event.Unknown;
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

/**
 * The one translation between {@link Event}s and the wire: an SSE event name and a one-line JSON payload, the same
 * in {@code events.jsonl}. Field names, their order and their number types are OpenReels' (clients compare them),
 * so encoding is written out field by field. Decoding never fails: what it cannot read becomes {@link Unknown}.
 */
public final class EventCodec {

    private EventCodec() {
    }

    /** The SSE event name: {@code job:completed}, {@code stage:visuals} … */
    public static String name(Event e) {
        return switch (e) {
            case JobSnapshot s -> JobSnapshot.NAME;
            case JobStarted s -> JobStarted.NAME;
            case JobOutput o -> JobOutput.NAME;
            case CancelRequested c -> CancelRequested.NAME;
            case JobCompleted c -> JobCompleted.NAME;
            case JobFailed f -> JobFailed.NAME;
            case Unknown u -> u.name();
            case StageEvent s -> s.stage().eventName();
        };
    }

    /** The SSE data: a stage event is {@code {"stage", "type", ...its fields}}. */
    public static JsonObject data(Event e) {
        return switch (e) {
            case JobSnapshot s -> s.record();
            case JobStarted s -> Json.createObjectBuilder().add("runDir", s.runDir()).build();
            case JobOutput o -> Json.createObjectBuilder().add("field", o.field()).add("value", o.value()).build();
            case CancelRequested c -> JsonObject.EMPTY_JSON_OBJECT;
            case JobCompleted c -> JsonObject.EMPTY_JSON_OBJECT;
            case JobFailed f -> {
                JsonObjectBuilder b = Json.createObjectBuilder();
                if (f.error() != null) {
                    b.add("error", f.error());
                }
                if (f.cancelled()) {
                    b.add("status", "cancelled");
                }
                yield b.build();
            }
            case Unknown u -> u.data();
            case StageEvent s -> fields(Json.createObjectBuilder().add("stage", s.stage().key()).add("type", s.type()), s)
                    .build();
        };
    }

    /** A stage event's own fields, without {@code stage} and {@code type} (what the job record keeps of some). */
    public static JsonObject fields(StageEvent e) {
        return fields(Json.createObjectBuilder(), e).build();
    }

    private static JsonObjectBuilder fields(JsonObjectBuilder b, StageEvent e) {
        switch (e) {
            case StageStarted s -> { }
            case StageCompleted c -> b.add("detail", c.detail()).add("durationSec", c.durationSec());
            case StageSkipped s -> b.add("reason", s.reason());
            case StageError err -> b.add("error", err.error());
            case ResearchResults r -> b.add("summary", r.summary()).add("key_facts", strings(r.keyFacts())).add("mood", r.mood());
            case ScoreReady s -> b.add("score", s.score());
            case Revision r -> b.add("round", r.round()).add("critiqueScore", r.critiqueScore());
            case CostEstimate c -> b.add("estimate", c.estimate());
            case MusicGenerating m -> b.add("provider", m.provider());
            case MusicGenerated m -> b.add("provider", m.provider()).add("prompt", m.prompt());
            case MusicFallback m -> optional(b.add("reason", m.reason()), "rejectedPrompt", m.rejectedPrompt());
            case MusicResolved m -> b.add("provider", m.provider()).add("prompt", m.prompt()).add("metadata", m.metadata())
                    .add("fallback", m.fallback());
            case StockVerified s -> optional(b.add("scene", s.scene()).add("query", s.query()).add("confidence", s.confidence()),
                                             "reason", s.reason());
            // An integer -1, not -1.0: "no verdict" as the reference writes it.
            case StockUnverified s -> optional(b.add("scene", s.scene()).add("query", s.query()).add("confidence", -1),
                                               "reason", s.reason());
            case StockRejected s -> optional(b.add("scene", s.scene()).add("query", s.query()).add("confidence", s.confidence()),
                                             "reason", s.reason());
            case StockReformulated s -> b.add("scene", s.scene()).add("queries", strings(s.queries()));
            case StockFallback s -> b.add("scene", s.scene()).add("attempts", s.attempts());
            case VideoImageReady v -> b.add("scene", v.scene());
            case VideoGenerated v -> b.add("scene", v.scene()).add("durationSeconds", v.durationSeconds()).add("provider", v.provider());
            case VideoFallback v -> b.add("scene", v.scene()).add("reason", v.reason());
            case Asset a -> b.add("sceneIndex", a.sceneIndex()).add("visualType", a.visualType()).add("path", a.path());
            case AssetFailed a -> b.add("scene", a.scene()).add("error", a.error());
            case MusicSelected m -> b.add("track", m.track()).add("mood", m.mood()).add("requestedMood", m.requestedMood())
                    .add("fallback", m.fallback());
            case Rendering r -> b.add("totalFrames", r.totalFrames());
            case RenderProgress r -> b.add("frame", r.frame()).add("totalFrames", r.totalFrames());
            case CriticReview r -> r.review().forEach(b::add);
        }
        return b;
    }

    /**
     * The event a name and payload stand for. A {@code stage:<s>} payload must name the same stage; a name, type or
     * field this version cannot read gives {@link Unknown} with the payload as it came.
     */
    public static Event decode(String name, JsonObject d) {
        try {
            return switch (name) {
                case JobSnapshot.NAME -> new JobSnapshot(d);
                case JobStarted.NAME -> new JobStarted(d.getString("runDir"));
                case JobOutput.NAME -> new JobOutput(d.getString("field"), Objects.requireNonNull(d.get("value")));
                case CancelRequested.NAME -> new CancelRequested();
                case JobCompleted.NAME -> new JobCompleted();
                // OpenReels may send only {"state": "failed"|"cancelled"}; Reelflow sends status with a cancel.
                case JobFailed.NAME -> new JobFailed(d.getString("error", null),
                                                     "cancelled".equals(d.getString("status", d.getString("state", null))));
                default -> {
                    StageName stage = StageName.of(d.getString("stage", "")).orElse(null);
                    StageEvent e = stage == null || !name.equals(stage.eventName()) ? null : stageEvent(stage, d);
                    yield e != null ? e : new Unknown(name, d);
                }
            };
        } catch (ClassCastException | NullPointerException | ArithmeticException | JsonException e) {
            return new Unknown(name, d);     // a known type with a field missing or of another kind
        }
    }

    private static StageEvent stageEvent(StageName stage, JsonObject d) {
        return switch (d.getString("type", "")) {
            case StageStarted.TYPE -> new StageStarted(stage);
            case StageCompleted.TYPE -> new StageCompleted(stage, d.getString("detail"), number(d, "durationSec"));
            case StageSkipped.TYPE -> new StageSkipped(stage, d.getString("reason"));
            case StageError.TYPE -> new StageError(stage, d.getString("error"));
            case ResearchResults.TYPE -> new ResearchResults(d.getString("summary"), strings(d, "key_facts"), d.getString("mood"));
            case ScoreReady.TYPE -> new ScoreReady(d.getJsonObject("score"));
            case Revision.TYPE -> new Revision(d.getInt("round"), number(d, "critiqueScore"));
            case CostEstimate.TYPE -> new CostEstimate(d.getJsonObject("estimate"));
            case MusicGenerating.TYPE -> new MusicGenerating(d.getString("provider"));
            case MusicGenerated.TYPE -> new MusicGenerated(d.getString("provider"), d.getString("prompt"));
            case MusicFallback.TYPE -> new MusicFallback(d.getString("reason"), d.getString("rejectedPrompt", null));
            case MusicResolved.TYPE -> new MusicResolved(d.getString("provider"), d.getString("prompt"),
                                                         d.getJsonObject("metadata"), d.getBoolean("fallback"));
            case StockVerified.TYPE -> new StockVerified(d.getInt("scene"), d.getString("query"), number(d, "confidence"),
                                                         d.getString("reason", null));
            case StockUnverified.TYPE -> new StockUnverified(d.getInt("scene"), d.getString("query"), d.getString("reason", null));
            case StockRejected.TYPE -> new StockRejected(d.getInt("scene"), d.getString("query"), number(d, "confidence"),
                                                         d.getString("reason", null));
            case StockReformulated.TYPE -> new StockReformulated(d.getInt("scene"), strings(d, "queries"));
            case StockFallback.TYPE -> new StockFallback(d.getInt("scene"), d.getInt("attempts"));
            case VideoImageReady.TYPE -> new VideoImageReady(d.getInt("scene"));
            case VideoGenerated.TYPE -> new VideoGenerated(d.getInt("scene"), d.getInt("durationSeconds"), d.getString("provider"));
            case VideoFallback.TYPE -> new VideoFallback(d.getInt("scene"), d.getString("reason"));
            case Asset.TYPE -> new Asset(d.getInt("sceneIndex"), d.getString("visualType"), d.getString("path"));
            case AssetFailed.TYPE -> new AssetFailed(d.getInt("scene"), d.getString("error"));
            case MusicSelected.TYPE -> new MusicSelected(d.getString("track"), d.getString("mood"), d.getString("requestedMood"),
                                                         d.getBoolean("fallback"));
            case Rendering.TYPE -> new Rendering(d.getInt("totalFrames"));
            case RenderProgress.TYPE -> new RenderProgress(d.getInt("frame"), d.getInt("totalFrames"));
            case CriticReview.TYPE -> {
                JsonObjectBuilder review = Json.createObjectBuilder(d);
                review.remove("stage");
                review.remove("type");
                yield new CriticReview(review.build());
            }
            default -> null;
        };
    }

    private static double number(JsonObject d, String key) {
        return d.getJsonNumber(key).doubleValue();
    }

    private static List<String> strings(JsonObject d, String key) {
        return d.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }

    private static JsonObjectBuilder optional(JsonObjectBuilder b, String key, String value) {
        return value == null ? b : b.add(key, value);
    }
}
