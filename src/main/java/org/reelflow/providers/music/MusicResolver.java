package org.reelflow.providers.music;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.reelflow.events.StageEvent;
import org.reelflow.media.music.MusicLibrary;
import org.reelflow.media.music.Selection;
import org.reelflow.providers.KeyRing;
import org.reelflow.providers.vendor.VendorSettings;

/**
 * Chooses the job's music: Lyria when asked for (falling back to the bundled library on any failure, as OpenReels
 * does), else the bundled library. What happens is reported as {@code stage:visuals} events while it happens
 * (generating → generated | fallback); the final {@code music_resolved} is {@link Resolution#resolvedEvent()}, for
 * the stage to emit once the scenes have settled.
 */
public final class MusicResolver {

    /** The caller's music prompter (an LLM call); may throw, which falls back like a Lyria failure. */
    @FunctionalInterface
    public interface PromptSource {
        String prompt() throws Exception;
    }

    /**
     * The music chosen. {@code selection} is set for bundled music; {@code metadata} holds {@code lyriaResponse}
     * (Lyria's description), or {@code trackId}/{@code license} of the bundled track and {@code lyriaError} after a
     * fallback.
     */
    public record Resolution(String provider, String prompt, JsonObject metadata, boolean fallback, Path file,
                             Selection selection) {

        /** OpenReels' {@code music_resolved}: provider, prompt, metadata, fallback. */
        public StageEvent.MusicResolved resolvedEvent() {
            return new StageEvent.MusicResolved(provider, prompt, metadata, fallback);
        }

        /** Whether a Lyria track was billed (OpenReels charges music only when the final provider is Lyria). */
        public boolean billable() {
            return "lyria".equals(provider) && !fallback;
        }
    }

    private final LyriaMusic lyria;
    private final MusicLibrary library;

    /** @param lyria null for bundled music only */
    public MusicResolver(LyriaMusic lyria, MusicLibrary library) {
        this.lyria = lyria;
        this.library = library;
    }

    /** Whether this resolver would generate (and pay for) a track. */
    public boolean generates() {
        return lyria != null;
    }

    /** The same library without generation: the free fallback. */
    public MusicResolver bundledOnly() {
        return new MusicResolver(null, library);
    }

    /**
     * @param provider "bundled" (or null: the default) or "lyria"
     * @throws IllegalStateException "GOOGLE_API_KEY is required" for Lyria without a key
     */
    public static MusicResolver create(String provider, KeyRing keys, VendorSettings settings, MusicLibrary library) {
        if (provider == null || provider.equals("bundled")) {
            return new MusicResolver(null, library);
        }
        if (provider.equals(LyriaMusic.PROVIDER)) {
            return new MusicResolver(new LyriaMusic(settings, keys.require(LyriaMusic.KEY)), library);
        }
        throw new IllegalArgumentException("unknown music provider '" + provider + "' (known: bundled, lyria)");
    }

    /**
     * Resolves the music for {@code mood}. Returns null only when there is no music at all (empty library after
     * a failure or for bundled). Interruption is never treated as a failure to fall back from.
     *
     * @param seed picks the bundled track (e.g. the job id's hash, so a re-run picks the same one)
     * @param outDir where a Lyria track is written
     */
    public Resolution resolve(String mood, long seed, PromptSource prompter, Path outDir, Consumer<StageEvent> events)
            throws IOException, InterruptedException {
        if (lyria == null) {
            return bundled(mood, seed, "", Json.createObjectBuilder(), false);
        }
        events.accept(new StageEvent.MusicGenerating(LyriaMusic.PROVIDER));
        String prompt = null;
        try {
            prompt = prompter.prompt();
            if (prompt == null || prompt.isBlank()) {
                throw new IllegalStateException("the music prompter returned an empty prompt");
            }
            LyriaMusic.Track track = lyria.generate(prompt.strip(), outDir);
            events.accept(new StageEvent.MusicGenerated(LyriaMusic.PROVIDER, track.prompt()));
            JsonObjectBuilder meta = Json.createObjectBuilder();
            if (track.description() != null && !track.description().isBlank()) {
                meta.add("lyriaResponse", track.description());
            }
            if (track.sanitized()) {
                meta.add("originalPrompt", prompt.strip());
            }
            return new Resolution("lyria", track.prompt(), meta.build(), false, track.file(), null);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("cancelled while resolving music");
            }
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            events.accept(new StageEvent.MusicFallback(reason, prompt == null || prompt.isBlank() ? null : prompt.strip()));
            return bundled(mood, seed, prompt == null ? "" : prompt.strip(),
                           Json.createObjectBuilder().add("lyriaError", reason), true);
        }
    }

    private Resolution bundled(String mood, long seed, String prompt, JsonObjectBuilder meta, boolean fallback)
            throws IOException {
        Selection s = library.select(mood, seed);
        if (s == null) {
            return null;
        }
        Path file = library.file(s.track());
        meta.add("trackId", s.track().id()).add("license", s.track().license());
        return new Resolution("bundled", prompt, meta.build(), fallback || s.fallback(), file, s);
    }
}
