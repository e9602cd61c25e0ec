package org.reelflow.pipeline;

/**
 * What the stages of one job hand to each other (research, the plan, the voiceover, assets …). Stages run one
 * after another, so plain fields suffice; work fanned out inside a stage returns through its scope instead.
 */
public final class Production {
}
