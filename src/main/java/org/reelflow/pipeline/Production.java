package org.reelflow.pipeline;

import org.reelflow.catalog.Archetype;
import org.reelflow.providers.ProviderChoice;
import org.reelflow.score.DirectorScore;
import org.reelflow.score.PacingTier;
import org.reelflow.writer.Research;
import org.reelflow.writer.ScriptWriter;

/**
 * What the stages of one job hand to each other. Stages run one after another, so plain fields suffice; work
 * fanned out inside a stage returns through its scope instead.
 */
public final class Production {

    private ProviderChoice providers = ProviderChoice.defaults();
    private ScriptWriter writer;
    private Research research;
    private DirectorScore score;
    private Archetype archetype;
    private PacingTier tier;

    /** The providers this job really uses, resolved from the request and the server's keys. */
    public ProviderChoice providers() {
        return providers;
    }

    public void providers(ProviderChoice p) {
        this.providers = p;
    }

    /** The writer chosen for this job (research, director, critic). */
    public ScriptWriter writer() {
        return writer;
    }

    public void writer(ScriptWriter w) {
        this.writer = w;
    }

    public Research research() {
        return research;
    }

    public void research(Research r) {
        this.research = r;
    }

    /** The plan: set by the director (or the replayed score). */
    public DirectorScore score() {
        return score;
    }

    public void score(DirectorScore s) {
        this.score = s;
    }

    /** The archetype the plan uses. */
    public Archetype archetype() {
        return archetype;
    }

    public void archetype(Archetype a) {
        this.archetype = a;
    }

    /** The pacing tier the plan was made for. */
    public PacingTier tier() {
        return tier;
    }

    public void tier(PacingTier t) {
        this.tier = t;
    }
}
