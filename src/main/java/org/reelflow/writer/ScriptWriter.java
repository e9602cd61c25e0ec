package org.reelflow.writer;

import org.reelflow.score.DirectorScore;
import org.reelflow.score.PacingTier;

/**
 * The three writing roles of the pipeline: researcher, creative director and critic. An LLM-backed writer maps each
 * method to one structured call; {@link OfflineWriter} answers from rules alone. Retry loops (3 director attempts,
 * 2 revision attempts) belong to the caller, which passes the last failure back in.
 */
public interface ScriptWriter {

    /** Provider key shown in logs and job records, e.g. {@code anthropic} or {@code offline}. */
    String provider();

    Research research(String topic) throws Exception;

    /** Research that may also use the producer's direction; writers that cannot use it just research the topic. */
    default Research research(String topic, String direction) throws Exception {
        return research(topic);
    }

    /**
     * Plans the video.
     *
     * @param previousFailure why the previous attempt was rejected (appended as "PREVIOUS ATTEMPT FAILED: …"), or null
     */
    DirectorScore direct(DirectorBrief brief, String previousFailure) throws Exception;

    /** Scores a plan 1-10 against the rubric for the given pacing tier. */
    Review critique(String topic, DirectorScore score, PacingTier tier) throws Exception;

    /** Rewrites {@code current} to address the review; the result keeps {@code current}'s archetype. */
    DirectorScore revise(DirectorBrief brief, DirectorScore current, Review review) throws Exception;
}
