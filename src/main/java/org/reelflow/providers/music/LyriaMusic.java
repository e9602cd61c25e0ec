package org.reelflow.providers.music;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import jakarta.json.Json;

import org.reelflow.files.AtomicFiles;
import org.reelflow.providers.Model;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.http.RetryPolicy;
import org.reelflow.providers.vendor.GeminiContent;
import org.reelflow.providers.vendor.VendorCall;
import org.reelflow.providers.vendor.VendorSettings;

/**
 * Music from Lyria (the model of {@code providers.models.music.lyria} via generateContent,
 * {@code responseModalities ["audio","text"]}). A refused prompt (blockReason, a safety finish, or a safety-worded rejection) is retried
 * once with OpenReels' intensifier words replaced by "restrained"; an empty answer with finishReason OTHER is an
 * error without retry. Text parts are returned as the track's description.
 */
public final class LyriaMusic {

    public static final String PROVIDER = "lyria";
    public static final String KEY = "GOOGLE_API_KEY";
    /** A full track takes a while to compose: three minutes per attempt. */
    public static final RetryPolicy DEFAULT_POLICY = RetryPolicy.DEFAULT.withTimeout(Duration.ofSeconds(180));

    /** OpenReels' list ({@code lyria.ts} sanitizePrompt). */
    static final List<String> INTENSIFIERS = List.of("oppressive", "aggressive", "violent", "brutal", "menacing",
            "threatening", "dark", "sinister", "ominous", "heavy", "intense", "fierce", "savage", "relentless",
            "devastating", "explosive", "dangerous", "deadly");
    private static final Pattern INTENSIFIER = Pattern.compile("\\b(?:" + String.join("|", INTENSIFIERS) + ")\\b",
                                                               Pattern.CASE_INSENSITIVE);

    /** The generated track: its file, the prompt that produced it, and what Lyria said about it (may be empty). */
    public record Track(Path file, String mimeType, String prompt, String description, boolean sanitized) {
    }

    private final GeminiContent gemini;
    private final AtomicInteger generated = new AtomicInteger();

    public LyriaMusic(VendorSettings settings, String key) {
        this.gemini = new GeminiContent(settings, PROVIDER, settings.models().choice(Model.MUSIC_LYRIA),
                                        settings.policy(PROVIDER, DEFAULT_POLICY), key);
    }

    /** Tracks this instance has produced (Lyria bills per track). */
    public int tracksGenerated() {
        return generated.get();
    }

    /** Composes a track for {@code prompt} into {@code outDir/music-lyria.<mp3|wav>}. */
    public Track generate(String prompt, Path outDir) throws ProviderException, InterruptedException {
        try {
            return attempt(prompt, outDir, false);
        } catch (ProviderException e) {
            String sanitized = sanitize(prompt);
            if (!safetyLike(e) || sanitized.equals(prompt)) {
                throw e;
            }
            return attempt(sanitized, outDir, true);
        }
    }

    private Track attempt(String prompt, Path outDir, boolean sanitized) throws ProviderException, InterruptedException {
        var config = Json.createObjectBuilder().add("responseModalities",
                                                    Json.createArrayBuilder().add("audio").add("text"));
        GeminiContent.Answer answer = gemini.generate(GeminiContent.body(prompt, config));
        VendorCall call = gemini.call();
        if (answer.blockReason() != null) {
            throw call.refused("blocked the prompt (blockReason " + answer.blockReason()
                               + (answer.blockMessage() == null ? "" : ": " + answer.blockMessage()) + ")");
        }
        if (answer.parts().isEmpty()) {
            String why = "returned no content (finishReason " + answer.finishReason() + ")";
            throw answer.safetyFinish() ? call.refused(why + " — blocked for safety") : call.malformed(why);
        }
        GeminiContent.Part audio = answer.firstInline("audio/");
        if (audio == null) {
            throw call.malformed("returned no audio data" + (answer.text().isBlank() ? ""
                                                              : " (said: " + clip(answer.text()) + ")"));
        }
        byte[] bytes = call.base64("audio data", audio.data());
        String mime = audio.mimeType() == null ? "audio/mpeg" : audio.mimeType();
        String ext = mime.contains("wav") ? "wav" : "mp3";
        Path file = outDir.resolve("music-lyria." + ext);
        try {
            Files.createDirectories(outDir);
            AtomicFiles.write(file, AtomicFiles.partNextTo(file), part -> Files.write(part, bytes));
        } catch (IOException e) {
            throw new ProviderException(PROVIDER, Kind.NETWORK, 0, "could not write the Lyria track: "
                                                                    + e.getMessage(), e);
        }
        generated.incrementAndGet();
        return new Track(file, mime, prompt, answer.text(), sanitized);
    }

    /** The prompt with every intensifier word (whole words, any case) replaced by "restrained". */
    public static String sanitize(String prompt) {
        return INTENSIFIER.matcher(prompt).replaceAll("restrained");
    }

    /** Refusals, and rejected requests worded like one (OpenReels: safety, harm, policy, blocklist, prohibited, blocked). */
    static boolean safetyLike(ProviderException e) {
        if (e.kind() == Kind.REFUSED) {
            return true;
        }
        if (e.kind() != Kind.BAD_REQUEST || e.getMessage() == null) {
            return false;
        }
        String m = e.getMessage().toLowerCase(Locale.ROOT);
        return m.contains("safety") || m.contains("harm") || m.contains("content policy") || m.contains("blocklist")
               || m.contains("prohibited") || m.contains("blocked");
    }

    private static String clip(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }

    @Override
    public String toString() {
        return "LyriaMusic[" + gemini.model().id() + "]";
    }
}
