package org.reelflow.providers;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.Json;

/**
 * The provider names a job asked for, with OpenReels' field names ({@code providers} in the request body).
 * Names only — never keys. A {@code null} field means "server default".
 */
public record ProviderChoice(String llm,
                             String tts,
                             String image,
                             String stock,
                             String video,
                             String videoModel,
                             String music,
                             String llmModel,
                             String llmBaseUrl,
                             String searchProvider) {

    /** Every field unset: the server chooses. */
    public static ProviderChoice defaults() {
        return new ProviderChoice(null, null, null, null, null, null, null, null, null, null);
    }

    /** Reads the {@code providers} object of a request or a stored record; unknown fields are ignored. */
    public static ProviderChoice fromJson(JsonObject json) {
        if (json == null) {
            return defaults();
        }
        return new ProviderChoice(text(json, "llm"), text(json, "tts"), text(json, "image"), text(json, "stock"),
                                  text(json, "video"), text(json, "videoModel"), text(json, "music"),
                                  text(json, "llmModel"), text(json, "llmBaseUrl"), text(json, "searchProvider"));
    }

    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder();
        put(b, "llm", llm);
        put(b, "tts", tts);
        put(b, "image", image);
        put(b, "stock", stock);
        put(b, "video", video);
        put(b, "videoModel", videoModel);
        put(b, "music", music);
        put(b, "llmModel", llmModel);
        put(b, "llmBaseUrl", llmBaseUrl);
        put(b, "searchProvider", searchProvider);
        return b.build();
    }

    /**
     * The provider names this choice sets, keyed by request field (models and base URLs are not names). The
     * catalogue calls {@code searchProvider}'s kind "search": see {@link #kindOf}.
     */
    public java.util.Map<String, String> names() {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        names.put("llm", llm);
        names.put("tts", tts);
        names.put("image", image);
        names.put("stock", stock);
        names.put("video", video);
        names.put("music", music);
        names.put("searchProvider", searchProvider);
        names.values().removeIf(java.util.Objects::isNull);
        return names;
    }

    /** The {@link ProviderCatalog} kind of a request field named by {@link #names()}. */
    public static String kindOf(String field) {
        return field.equals("searchProvider") ? "search" : field;
    }

    /** A copy with the LLM resolved to a concrete provider key. */
    public ProviderChoice withLlm(String resolved) {
        return new ProviderChoice(resolved, tts, image, stock, video, videoModel, music, llmModel, llmBaseUrl,
                                  searchProvider);
    }

    private static String text(JsonObject json, String key) {
        var v = json.get(key);
        if (v instanceof jakarta.json.JsonString s && !s.getString().isBlank()) {
            return s.getString().trim();
        }
        return null;
    }

    private static void put(JsonObjectBuilder b, String key, String value) {
        if (value != null) {
            b.add(key, value);
        }
    }
}
