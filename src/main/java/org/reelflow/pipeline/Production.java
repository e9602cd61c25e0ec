package org.reelflow.pipeline;

import java.nio.file.Path;
import java.util.List;

import org.reelflow.catalog.Archetype;
import org.reelflow.media.music.Selection;
import org.reelflow.media.render.RenderResult;
import org.reelflow.media.voice.Voiceover;
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
    private Voiceover voiceover;
    private List<Path> sceneAssets = List.of();
    private Selection music;
    private Path musicFile;
    private RenderResult video;

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

    /** The narration with its word timings (tts). */
    public Voiceover voiceover() {
        return voiceover;
    }

    public void voiceover(Voiceover v) {
        this.voiceover = v;
    }

    /** One picture per scene, by scene index (visuals). */
    public List<Path> sceneAssets() {
        return sceneAssets;
    }

    public void sceneAssets(List<Path> assets) {
        this.sceneAssets = List.copyOf(assets);
    }

    /** The chosen music track and its audio file, or null for no music (visuals). */
    public Selection music() {
        return music;
    }

    public Path musicFile() {
        return musicFile;
    }

    public void music(Selection selection, Path file) {
        this.music = selection;
        this.musicFile = file;
    }

    /** The rendered video (assembly). */
    public RenderResult video() {
        return video;
    }

    public void video(RenderResult r) {
        this.video = r;
    }
}
