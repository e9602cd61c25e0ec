package org.reelflow.providers.vendor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.reelflow.providers.ModelChoice;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.http.RetryPolicy;

/**
 * Google's {@code models/<model>:generateContent} (Generative Language API, v1beta) as used for speech, images
 * and music: one user text in, the first candidate's parts out. The key travels in {@code x-goog-api-key}, never
 * in the URL.
 */
public final class GeminiContent {

    public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";

    /** Finish reasons that mean the model's safety layer withheld the output. */
    public static final Set<String> SAFETY_FINISH = Set.of("SAFETY", "IMAGE_SAFETY", "PROHIBITED_CONTENT",
                                                            "BLOCKLIST", "SPII", "IMAGE_PROHIBITED_CONTENT");

    /** One part of the answer: text, or inline data (base64 still encoded). */
    public record Part(String text, String mimeType, String data) {
        public boolean isInline() {
            return data != null;
        }
    }

    /**
     * The first candidate: its parts, finish reason and message; {@code blockReason} (prompt refused before any
     * candidate) from {@code promptFeedback}.
     */
    public record Answer(List<Part> parts, String finishReason, String finishMessage, String blockReason,
                         String blockMessage) {
        public Part firstInline(String mimePrefix) {
            return parts.stream().filter(p -> p.isInline() && (p.mimeType() == null
                    || p.mimeType().startsWith(mimePrefix))).findFirst().orElse(null);
        }

        public String text() {
            return String.join("\n", parts.stream().filter(p -> p.text() != null).map(Part::text).toList());
        }

        public boolean safetyFinish() {
            return finishReason != null && SAFETY_FINISH.contains(finishReason);
        }
    }

    private final VendorCall call;
    private final String url;
    private final String key;
    private final ModelChoice model;

    public GeminiContent(VendorSettings settings, String provider, ModelChoice model, RetryPolicy policy, String key) {
        this.call = new VendorCall(settings, provider, policy, key);
        this.url = settings.baseUrl(provider, DEFAULT_BASE_URL) + "/v1beta/models/" + model.id() + ":generateContent";
        this.key = key;
        this.model = model;
    }

    public ModelChoice model() {
        return model;
    }

    public VendorCall call() {
        return call;
    }

    /** The request body: one user turn of {@code text} and the given {@code generationConfig}. */
    public static JsonObject body(String text, JsonObjectBuilder generationConfig) {
        return Json.createObjectBuilder()
                .add("contents", Json.createArrayBuilder().add(Json.createObjectBuilder().add("role", "user")
                        .add("parts", Json.createArrayBuilder().add(Json.createObjectBuilder().add("text", text)))))
                .add("generationConfig", generationConfig).build();
    }

    /** @throws ProviderException NOT_SERVED naming the model and its setting when Google does not know the model */
    public Answer generate(JsonObject body) throws ProviderException, InterruptedException {
        JsonObject answer;
        try {
            answer = call.postJson(url, Map.of("x-goog-api-key", key), body);
        } catch (ProviderException e) {
            throw model.explain(e);
        }
        return parse(answer);
    }

    Answer parse(JsonObject root) throws ProviderException {
        JsonObject feedback = VendorCall.object(root, "promptFeedback");
        String blockReason = VendorCall.text(feedback, "blockReason");
        String blockMessage = VendorCall.text(feedback, "blockReasonMessage");
        JsonValue candidates = root.get("candidates");
        if (candidates == null || candidates.getValueType() != JsonValue.ValueType.ARRAY
            || candidates.asJsonArray().isEmpty()) {
            if (blockReason != null) {
                return new Answer(List.of(), null, null, blockReason, blockMessage);
            }
            throw call.malformed("answered without candidates: " + VendorCall.snippet(root.toString()));
        }
        JsonValue first = candidates.asJsonArray().get(0);
        if (first.getValueType() != JsonValue.ValueType.OBJECT) {
            throw call.malformed("answered with a candidate that is not an object");
        }
        JsonObject candidate = first.asJsonObject();
        List<Part> parts = new ArrayList<>();
        JsonObject content = VendorCall.object(candidate, "content");
        JsonValue rawParts = content == null ? null : content.get("parts");
        if (rawParts != null && rawParts.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue p : (JsonArray) rawParts) {
                if (p.getValueType() != JsonValue.ValueType.OBJECT) {
                    continue;
                }
                JsonObject part = p.asJsonObject();
                JsonObject inline = VendorCall.object(part, "inlineData");
                if (inline == null) {
                    inline = VendorCall.object(part, "inline_data");
                }
                if (inline != null) {
                    String mime = VendorCall.text(inline, "mimeType");
                    parts.add(new Part(null, mime != null ? mime : VendorCall.text(inline, "mime_type"),
                                       VendorCall.text(inline, "data")));
                } else if (VendorCall.text(part, "text") != null && !part.getBoolean("thought", false)) {
                    parts.add(new Part(VendorCall.text(part, "text"), null, null));
                }
            }
        }
        return new Answer(List.copyOf(parts), VendorCall.text(candidate, "finishReason"),
                          VendorCall.text(candidate, "finishMessage"), blockReason, blockMessage);
    }
}
