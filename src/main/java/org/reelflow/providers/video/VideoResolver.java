package org.reelflow.providers.video;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.reelflow.providers.ProviderException;

/**
 * OpenReels' {@code ai_video} chain: the primary provider, then the secondary, then the still first frame. Every
 * failure except cancellation moves down the chain; an interrupt (the job's cancel) ends the call at once with
 * {@link InterruptedException}, from a request in flight, a poll sleep, or the wait for a slot.
 * <p>
 * At most {@code maxConcurrent} clips are generated at once across all scenes (OpenReels' {@code pLimit(3)}): the
 * limit covers the whole generation, polling included, not just single HTTP calls.
 */
public final class VideoResolver {

    private static final Logger LOG = Logger.getLogger(VideoResolver.class.getName());

    /** What OpenReels always asks the model to avoid; the archetype's anti-artifact guidance is appended. */
    public static final String DEFAULT_NEGATIVE_PROMPT = "blur, low resolution, flickering, compression artifacts, frame drops, "
            + "jitter, stutter, warping, morphing, unnatural physics, deformed hands, extra fingers, morphing faces, sliding motion";

    /** One scene's request. {@code out} is where the clip goes ({@code assets/scene-<i>-ai-video.mp4}). */
    public record VideoRequest(int scene, Path firstFrame, String motionPrompt, String negativePrompt, double sceneSeconds,
                               Path out) {
    }

    private static final String[] ROLES = {"primary", "secondary"};

    private final List<VideoGenerator> chain;
    private final Semaphore slots;

    /** @param chain primary first, then at most one secondary; empty means video is off */
    public VideoResolver(List<VideoGenerator> chain, int maxConcurrent) {
        if (chain.size() > ROLES.length) {
            throw new IllegalArgumentException("at most a primary and a secondary video provider");
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1");
        }
        this.chain = List.copyOf(chain);
        this.slots = new Semaphore(maxConcurrent, true);
    }

    /** Whether any video provider is configured (if not, OpenReels makes {@code ai_video} scenes plain images). */
    public boolean enabled() {
        return !chain.isEmpty();
    }

    public List<VideoGenerator> chain() {
        return chain;
    }

    /** The default negative prompt plus the archetype's anti-artifact guidance, when it has any. */
    public static String negativePrompt(String antiArtifactGuidance) {
        return antiArtifactGuidance == null || antiArtifactGuidance.isBlank()
                ? DEFAULT_NEGATIVE_PROMPT : DEFAULT_NEGATIVE_PROMPT + ", " + antiArtifactGuidance.trim();
    }

    public VideoOutcome resolve(VideoRequest req) throws InterruptedException {
        List<VideoOutcome.Attempt> attempts = new ArrayList<>();
        if (chain.isEmpty()) {
            return new VideoOutcome.StillImage(req.scene(), req.firstFrame(), "no video provider configured", attempts,
                                               req.motionPrompt(), req.negativePrompt());
        }
        String reason = null;
        slots.acquire();
        try {
            for (int i = 0; i < chain.size(); i++) {
                VideoGenerator g = chain.get(i);
                int seconds = VideoGenerator.pickDuration(g.durations(), req.sceneSeconds());
                long t0 = System.nanoTime();
                try {
                    Path clip = g.generate(req.firstFrame(), req.motionPrompt(), req.negativePrompt(), req.sceneSeconds(), req.out());
                    attempts.add(new VideoOutcome.Attempt(ROLES[i], g.provider(), seconds, true, null, null, ms(t0)));
                    return new VideoOutcome.Generated(req.scene(), clip, seconds, ROLES[i], g.provider(), attempts,
                                                      req.motionPrompt(), req.negativePrompt());
                } catch (InterruptedException e) {
                    throw e;
                } catch (ProviderException e) {
                    reason = e.getMessage();
                    attempts.add(new VideoOutcome.Attempt(ROLES[i], g.provider(), seconds, false, reason, e.kind(), ms(t0)));
                } catch (RuntimeException e) {
                    reason = g.provider() + " failed: " + e;
                    attempts.add(new VideoOutcome.Attempt(ROLES[i], g.provider(), seconds, false, reason, null, ms(t0)));
                }
                LOG.log(Level.INFO, "scene {0}: {1} video provider {2} failed: {3}",
                        new Object[] {req.scene(), ROLES[i], g.provider(), reason});
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            slots.release();
        }
        return new VideoOutcome.StillImage(req.scene(), req.firstFrame(), reason, attempts, req.motionPrompt(), req.negativePrompt());
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
