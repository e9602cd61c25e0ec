package org.reelflow.providers.video;

import java.nio.file.Path;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.reelflow.events.StageEvent;
import org.reelflow.providers.ProviderException;

/**
 * What {@link VideoResolver} did for one {@code ai_video} scene: a clip, or the still first frame with the reason.
 * {@link #event()} is the {@code stage:visuals} event OpenReels emits for it;
 * {@link #toLogJson()} is its {@code log.json} {@code videoResolutions[]} entry.
 */
public sealed interface VideoOutcome {

    int scene();

    /** Every provider tried, in order. */
    List<Attempt> attempts();

    /** What the scene shows: the clip, or the still image. */
    Path asset();

    StageEvent event();

    JsonObject toLogJson();

    /**
     * One provider's try.
     *
     * @param role   {@code primary} or {@code secondary}
     * @param kind   why it failed, when the failure was a {@link ProviderException}; null on success or other errors
     * @param millis wall time of the try
     */
    record Attempt(String role, String provider, int durationSeconds, boolean succeeded, String error,
                   ProviderException.Kind kind, long millis) {
    }

    /** A provider made the clip: {@code video_generated {scene, durationSeconds, provider}}. */
    record Generated(int scene, Path video, int durationSeconds, String role, String provider, List<Attempt> attempts,
                     String motionPrompt, String negativePrompt) implements VideoOutcome {
        public Generated {
            attempts = List.copyOf(attempts);
        }

        @Override
        public Path asset() {
            return video;
        }

        @Override
        public StageEvent event() {
            return new StageEvent.VideoGenerated(scene, durationSeconds, role);
        }

        @Override
        public JsonObject toLogJson() {
            return log("image_to_video", role, durationSeconds, null, attempts, motionPrompt, negativePrompt);
        }
    }

    /** Every provider failed (or none is configured): {@code video_fallback {scene, reason}}; the frame is used. */
    record StillImage(int scene, Path image, String reason, List<Attempt> attempts, String motionPrompt,
                      String negativePrompt) implements VideoOutcome {
        public StillImage {
            attempts = List.copyOf(attempts);
        }

        @Override
        public Path asset() {
            return image;
        }

        @Override
        public StageEvent event() {
            return new StageEvent.VideoFallback(scene, reason);
        }

        @Override
        public JsonObject toLogJson() {
            return log("image_fallback", "none", 0, reason, attempts, motionPrompt, negativePrompt);
        }
    }

    private static JsonObject log(String method, String provider, int seconds, String error, List<Attempt> attempts,
                                  String motion, String negative) {
        long videoMs = attempts.stream().mapToLong(Attempt::millis).sum();
        JsonObjectBuilder b = Json.createObjectBuilder().add("method", method).add("provider", provider)
                .add("durationSeconds", seconds).add("videoGenTimeMs", videoMs);
        if (error != null) {
            b.add("error", error);
        }
        if (motion != null) {
            b.add("motionPrompt", motion);
        }
        if (negative != null) {
            b.add("negativePrompt", negative);
        }
        JsonArrayBuilder tries = Json.createArrayBuilder();
        for (Attempt a : attempts) {
            JsonObjectBuilder t = Json.createObjectBuilder().add("role", a.role()).add("provider", a.provider())
                    .add("durationSeconds", a.durationSeconds()).add("succeeded", a.succeeded()).add("ms", a.millis());
            if (a.error() != null) {
                t.add("error", a.error());
            }
            if (a.kind() != null) {
                t.add("kind", a.kind().name());
            }
            tries.add(t);
        }
        return b.add("attempts", tries).build();
    }
}
