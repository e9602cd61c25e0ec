package org.reelflow.events;

import java.util.List;

import jakarta.json.JsonObject;

/**
 * A {@code stage:<stage>} event, whose JSON is {@code {"stage":..., "type":..., ...fields}}. Each record is one
 * {@code type}; its components are the fields, in wire order. The lifecycle kinds name their stage; a progress kind
 * belongs to the one stage that sends it. Plans, estimates and reviews stay JSON here: they have their own models
 * (score/, cost/, writer/), and the stream forwards them as those models wrote them.
 */
public sealed interface StageEvent extends Event {

    StageName stage();

    /** The wire {@code type}; every record also has it as the constant {@code TYPE}. */
    String type();

    // ---------------------------------------------------------------- any stage

    record StageStarted(StageName stage) implements StageEvent {
        public static final String TYPE = "start";
        public String type() { return TYPE; }
    }

    record StageCompleted(StageName stage, String detail, double durationSec) implements StageEvent {
        public static final String TYPE = "complete";
        public String type() { return TYPE; }
    }

    record StageSkipped(StageName stage, String reason) implements StageEvent {
        public static final String TYPE = "skipped";
        public String type() { return TYPE; }
    }

    /** An error: one the stage recovers from (a retry, a fallback), or the one that fails it before {@code job:failed}. */
    record StageError(StageName stage, String error) implements StageEvent {
        public static final String TYPE = "error";
        public String type() { return TYPE; }
    }

    // ---------------------------------------------------------------- research

    record ResearchResults(String summary, List<String> keyFacts, String mood) implements StageEvent {
        public static final String TYPE = "results";
        public ResearchResults {
            keyFacts = List.copyOf(keyFacts);
        }
        public StageName stage() { return StageName.RESEARCH; }
        public String type() { return TYPE; }
    }

    // ---------------------------------------------------------------- director

    /** The plan, as {@code DirectorScore.toJson()} writes it. */
    record ScoreReady(JsonObject score) implements StageEvent {
        public static final String TYPE = "score";
        public StageName stage() { return StageName.DIRECTOR; }
        public String type() { return TYPE; }
    }

    /** The quality gate sends the plan back for another round. */
    record Revision(int round, double critiqueScore) implements StageEvent {
        public static final String TYPE = "revision";
        public StageName stage() { return StageName.DIRECTOR; }
        public String type() { return TYPE; }
    }

    /** What the job will cost, as {@code CostEstimator} writes it. */
    record CostEstimate(JsonObject estimate) implements StageEvent {
        public static final String TYPE = "cost_estimate";
        public StageName stage() { return StageName.DIRECTOR; }
        public String type() { return TYPE; }
    }

    // ---------------------------------------------------------------- visuals: music

    record MusicGenerating(String provider) implements StageEvent {
        public static final String TYPE = "music_generating";
        public StageName stage() { return StageName.VISUALS; }
        public String type() { return TYPE; }
    }

    record MusicGenerated(String provider, String prompt) implements StageEvent {
        public static final String TYPE = "music_generated";
        public StageName stage() { return StageName.VISUALS; }
        public String type() { return TYPE; }
    }

    /** Generation failed and the bundled library takes over; {@code rejectedPrompt} is null when no prompt was made. */
    record MusicFallback(String reason, String rejectedPrompt) implements StageEvent {
        public static final String TYPE = "music_fallback";
        public StageName stage() { return StageName.VISUALS; }
        public String type() { return TYPE; }
    }

    record MusicResolved(String provider, String prompt, JsonObject metadata, boolean fallback) implements StageEvent {
        public static final String TYPE = "music_resolved";
        public StageName stage() { return StageName.VISUALS; }
        public String type() { return TYPE; }
    }

    // ---------------------------------------------------------------- visuals: stock

    record StockVerified(int scene, String query, double confidence, String reason) implements StageEvent {
        public static final String TYPE = "stock_verified";
        public StageName stage() { return StageName.VISUALS; }
        public String type() { return TYPE; }
    }

    /** A candidate used without a vision verdict; the wire says {@code confidence: -1}. */
    record StockUnverified(int scene, String query, String reason) implements StageEvent {
        public static final String TYPE = "stock_unverified";
        public StageName stage() { return StageName.VISUALS; }
        public String type() { return TYPE; }
    }

    record StockRejected(int scene, String query, double confidence, String reason) implements StageEvent {
        public static final String TYPE = "stock_rejected";
        public StageName stage() { return StageName.VISUALS; }
        public String type() { return TYPE; }
    }

    /** Sent with no queries when the rewrite starts, then with the new ones. */
    record StockReformulated(int scene, List<String> queries) implements StageEvent {
        public static final String TYPE = "stock_reformulated";
        public StockReformulated {
            queries = List.copyOf(queries);
        }
        public StageName stage() { return StageName.VISUALS; }
        public String type() { return TYPE; }
    }

    record StockFallback(int scene, int attempts) implements StageEvent {
        public static final String TYPE = "stock_fallback";
        public StageName stage() { return StageName.VISUALS; }
        public String type() { return TYPE; }
    }

    // ---------------------------------------------------------------- visuals: video and assets

    record VideoImageReady(int scene) implements StageEvent {
        public static final String TYPE = "video_image_ready";
        public StageName stage() { return StageName.VISUALS; }
        public String type() { return TYPE; }
    }

    /** @param provider the role that made it ({@code primary} or {@code secondary}), as OpenReels sends it */
    record VideoGenerated(int scene, int durationSeconds, String provider) implements StageEvent {
        public static final String TYPE = "video_generated";
        public StageName stage() { return StageName.VISUALS; }
        public String type() { return TYPE; }
    }

    record VideoFallback(int scene, String reason) implements StageEvent {
        public static final String TYPE = "video_fallback";
        public StageName stage() { return StageName.VISUALS; }
        public String type() { return TYPE; }
    }

    /** A scene's asset landed; {@code path} is relative to the job's folder. */
    record Asset(int sceneIndex, String visualType, String path) implements StageEvent {
        public static final String TYPE = "asset";
        public StageName stage() { return StageName.VISUALS; }
        public String type() { return TYPE; }
    }

    record AssetFailed(int scene, String error) implements StageEvent {
        public static final String TYPE = "asset_failed";
        public StageName stage() { return StageName.VISUALS; }
        public String type() { return TYPE; }
    }

    // ---------------------------------------------------------------- assembly

    /** The track the video gets ({@code music} on the wire). */
    record MusicSelected(String track, String mood, String requestedMood, boolean fallback) implements StageEvent {
        public static final String TYPE = "music";
        public StageName stage() { return StageName.ASSEMBLY; }
        public String type() { return TYPE; }
    }

    record Rendering(int totalFrames) implements StageEvent {
        public static final String TYPE = "rendering";
        public StageName stage() { return StageName.ASSEMBLY; }
        public String type() { return TYPE; }
    }

    record RenderProgress(int frame, int totalFrames) implements StageEvent {
        public static final String TYPE = "render_progress";
        public StageName stage() { return StageName.ASSEMBLY; }
        public String type() { return TYPE; }
    }

    // ---------------------------------------------------------------- critic

    /** The critic's verdict ({@code score}, {@code strengths}, {@code weaknesses} …), sent as the payload's fields. */
    record CriticReview(JsonObject review) implements StageEvent {
        public static final String TYPE = "review";
        public StageName stage() { return StageName.CRITIC; }
        public String type() { return TYPE; }
    }
}
