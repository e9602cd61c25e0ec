package org.reelflow.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.reelflow.api.ApiException;
import org.reelflow.api.JobRequestParser;
import org.reelflow.catalog.Archetypes;
import org.reelflow.catalog.Platforms;
import org.reelflow.jobs.JobRequest;
import org.reelflow.providers.ProviderCatalog;

/**
 * Turns {@code generate}'s flags into the same JSON body {@code POST /api/v1/jobs} takes and validates it with the
 * API's own {@link JobRequestParser}, so the CLI and the API accept the same jobs with the same messages. The CLI
 * adds what only it can check: provider names against the provider catalogue, the reference's provider aliases,
 * and the direction and score files.
 */
public final class GenerateRequest {

    /** The reference's limit on a direction file, the same as the API's on the {@code direction} field. */
    static final int MAX_DIRECTION_BYTES = 10_240;

    /** The validated job, the body it came from, and notes for the person (ignored blank file, dropped direction …). */
    public record Result(JobRequest request, JsonObject body, List<String> warnings) {
    }

    private GenerateRequest() {
    }

    public static Result build(GenerateArgs a, Archetypes archetypes, Platforms platforms) throws UsageException {
        List<String> warnings = new ArrayList<>();
        ProviderCatalog catalog = new ProviderCatalog(Set.of());

        String llm = a.provider();
        String image = choice(catalog, "image", "--image-provider", a.imageProvider());
        String tts = choice(catalog, "tts", "--tts-provider", a.ttsProvider());
        String search = choice(catalog, "search", "--search-provider", a.searchProvider());
        String video = null;
        String music = null;
        if (llm != null) {
            switch (llm) {
                case "google" -> {       // the reference's alias: LLM, image, voice, video and music from Google
                    llm = "gemini";
                    image = image == null ? "gemini" : image;
                    tts = tts == null ? "gemini-tts" : tts;
                    video = "gemini";
                    music = "lyria";
                }
                case "local" -> {        // everything on this machine: the default (offline) writer, the local voice
                    llm = null;
                    tts = tts == null ? "local" : tts;
                }
                default -> {
                    if (!catalog.isKnown("llm", llm)) {
                        throw new UsageException("unknown provider '" + llm + "' for --provider (choose from: "
                                                 + String.join(", ", keys(catalog, "llm")) + ", google, local)");
                    }
                }
            }
        }
        if ("openai-compatible".equals(llm)) {
            if (a.llmBaseUrl() == null) {
                throw new UsageException("--llm-base-url is required when using --provider openai-compatible");
            }
            if (a.llmModel() == null) {
                throw new UsageException("--llm-model is required when using --provider openai-compatible");
            }
        }
        if (a.llmBaseUrl() != null && !a.llmBaseUrl().matches("(?i)https?://\\S+")) {
            throw new UsageException("--llm-base-url must be an http(s) URL, got '" + a.llmBaseUrl() + "'");
        }

        JsonObjectBuilder providers = Json.createObjectBuilder();
        put(providers, "llm", llm);
        put(providers, "tts", tts);
        put(providers, "image", image);
        put(providers, "video", a.noVideo() ? null : video);
        put(providers, "music", a.noMusic() ? null : music);
        put(providers, "llmModel", a.llmModel());
        put(providers, "llmBaseUrl", a.llmBaseUrl());
        put(providers, "searchProvider", search);

        JsonObjectBuilder body = Json.createObjectBuilder().add("topic", a.topic());
        put(body, "archetype", a.archetype());
        put(body, "pacing", a.pacing());
        put(body, "platform", a.platform());
        body.add("dryRun", a.dryRun()).add("noMusic", a.noMusic()).add("noVideo", a.noVideo());
        JsonObject score = a.score() == null ? null : readScore(Path.of(a.score()));
        String direction = a.direction() == null ? null : readDirection(Path.of(a.direction()), warnings);
        if (score != null) {
            body.add("score", score);
            if (direction != null) {
                warnings.add("--direction is ignored when replaying a score (--score)");
            }
        } else if (direction != null) {
            body.add("direction", direction);
        }
        body.add("providers", providers);
        if (a.maxCost() != null) {
            body.add("maxCostUsd", maxCost(a.maxCost()));
        }
        JsonObject json = body.build();
        try {
            return new Result(new JobRequestParser(archetypes, platforms).parse(json), json, List.copyOf(warnings));
        } catch (ApiException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String choice(ProviderCatalog catalog, String kind, String flag, String value) throws UsageException {
        if (value != null && !catalog.isKnown(kind, value)) {
            throw new UsageException("unknown provider '" + value + "' for " + flag + " (choose from: "
                                     + String.join(", ", keys(catalog, kind)) + ")");
        }
        return value;
    }

    /** The catalogue's keys of one kind, in its order (what {@code GET /api/v1/providers} lists). */
    static List<String> keys(ProviderCatalog catalog, String kind) {
        return catalog.toJson().getJsonArray(kind).getValuesAs(JsonObject.class).stream()
                      .map(o -> o.getString("key")).toList();
    }

    private static double maxCost(String raw) throws UsageException {
        double v;
        try {
            v = Double.parseDouble(raw.replaceFirst("^\\$", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--max-cost must be a number of dollars, 0 or more (e.g. 0.50), got '" + raw + "'");
        }
        if (!Double.isFinite(v) || v < 0) {
            throw new UsageException("--max-cost must be a number of dollars, 0 or more (e.g. 0.50), got '" + raw + "'");
        }
        return v;
    }

    /** The reference's direction-file rules: at most 10 KB, text (no NUL byte), blank means none. */
    static String readDirection(Path file, List<String> warnings) throws UsageException {
        byte[] bytes = readFile(file, "Direction");
        if (bytes.length > MAX_DIRECTION_BYTES) {
            throw new UsageException("Direction file " + file + " is " + bytes.length
                                     + " bytes; the limit is 10240 bytes (10KB)");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new UsageException("Direction file " + file + " appears to be binary");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                         .onUnmappableCharacter(CodingErrorAction.REPORT)
                                         .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UsageException("Direction file " + file + " is not UTF-8 text");
        }
        if (text.isBlank()) {
            warnings.add("Direction file " + file + " is blank; it is ignored");
            return null;
        }
        return text;
    }

    static JsonObject readScore(Path file) throws UsageException {
        byte[] bytes = readFile(file, "Score");
        try (JsonReader r = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            JsonValue v = r.readValue();
            if (!(v instanceof JsonObject o)) {
                throw new UsageException("Score file " + file + " must hold a JSON object (a DirectorScore)");
            }
            return o;
        } catch (JsonException e) {
            throw new UsageException("Score file " + file + " is not valid JSON: " + oneLine(e.getMessage()));
        }
    }

    private static byte[] readFile(Path file, String what) throws UsageException {
        if (Files.isDirectory(file)) {
            throw new UsageException(what + " file " + file + " is a directory");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UsageException(what + " file not found: " + file);
        } catch (AccessDeniedException e) {
            throw new UsageException(what + " file " + file + " cannot be read: permission denied");
        } catch (IOException e) {
            throw new UsageException(what + " file " + file + " cannot be read: " + oneLine(e.getMessage()));
        }
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static void put(JsonObjectBuilder b, String key, String value) {
        if (value != null) {
            b.add(key, value);
        }
    }

    /** Every name a flag accepts, for the help text. */
    static String choices(String kind) {
        return String.join(", ", new TreeSet<>(keys(new ProviderCatalog(Set.of()), kind)));
    }
}
