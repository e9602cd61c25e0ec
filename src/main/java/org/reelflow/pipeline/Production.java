package org.reelflow.pipeline;

import java.nio.file.Path;
import java.util.List;

import org.reelflow.catalog.Archetype;
import org.reelflow.cost.SpendGuard;
import org.reelflow.media.render.RenderResult;
import org.reelflow.media.voice.VoiceEngine;
import org.reelflow.media.voice.Voiceover;
import org.reelflow.providers.image.ImageGenerator;
import org.reelflow.providers.music.MusicResolver;
import org.reelflow.providers.ProviderChoice;
import org.reelflow.providers.stock.AdaptiveStockResolver;
import org.reelflow.providers.video.VideoResolver;
import org.reelflow.writer.ImagePrompter;
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
    private VoiceEngine voice;
    private ImageGenerator images;
    private MusicResolver musicResolver;
    private AdaptiveStockResolver stock;
    private VideoResolver videoResolver;
    private ImagePrompter imagePrompter;
    private Voiceover voiceover;
    private List<Path> sceneAssets = List.of();
    private MusicResolver.Resolution music;
    private SpendGuard spendGuard = SpendGuard.unlimited();
    private final java.util.concurrent.atomic.AtomicInteger videosGenerated = new java.util.concurrent.atomic.AtomicInteger();
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

    /** The music and its audio file, or null for no music (visuals). */
    public MusicResolver.Resolution music() {
        return music;
    }

    public void music(MusicResolver.Resolution resolution) {
        this.music = resolution;
    }

    /** The rendered video (assembly). */
    public RenderResult video() {
        return video;
    }

    public void video(RenderResult r) {
        this.video = r;
    }

    /** The job's voice (the local one, or a cloud voice). */
    public VoiceEngine voice() {
        return voice;
    }

    public void voice(VoiceEngine v) {
        this.voice = v;
    }

    /** The job's image generator, or null for procedural cards. */
    public ImageGenerator images() {
        return images;
    }

    public void images(ImageGenerator g) {
        this.images = g;
    }

    /** Where the job's music comes from, or null for none. */
    public MusicResolver musicResolver() {
        return musicResolver;
    }

    public void musicResolver(MusicResolver r) {
        this.musicResolver = r;
    }

    /** The job's stock resolver (its sources may be empty: every stock scene then falls back to a picture). */
    public AdaptiveStockResolver stock() {
        return stock;
    }

    public void stock(AdaptiveStockResolver r) {
        this.stock = r;
    }

    /** The job's {@code ai_video} chain, or null when video is off ({@code noVideo} or no video key). */
    public VideoResolver videoResolver() {
        return videoResolver;
    }

    public void videoResolver(VideoResolver r) {
        this.videoResolver = r;
    }

    /** The LLM image/motion prompter, or null without an LLM (the archetype's style prompt is used as is). */
    public ImagePrompter imagePrompter() {
        return imagePrompter;
    }

    public void imagePrompter(ImagePrompter p) {
        this.imagePrompter = p;
    }

    /** A clip was generated (scenes run concurrently, hence the atomic count); priced in the actual cost. */
    public void countVideo() {
        videosGenerated.incrementAndGet();
    }

    public int videosGenerated() {
        return videosGenerated.get();
    }

    /** The job's spending cap, asked before each paid media call. */
    public SpendGuard spendGuard() {
        return spendGuard;
    }

    public void spendGuard(SpendGuard g) {
        this.spendGuard = g;
    }
}
