package org.reelflow.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;

import org.reelflow.support.VendorDouble.Reply;
import org.reelflow.support.VendorDouble.Seen;

/**
 * The models (or, for ElevenLabs, the voices) a {@link VendorDouble} serves, as its vendor does: the list endpoint
 * answers in the vendor's own shape and pages, and a request naming anything else is refused with the vendor's own
 * error. Shapes and errors follow the vendors' API references:
 * <ul>
 *   <li>Google {@code GET /v1beta/models?pageSize&pageToken}: {@code {models:[{name:"models/…", version, displayName,
 *       supportedGenerationMethods}], nextPageToken}}; {@code POST …/models/<m>:<method>} for an unlisted model, or a
 *       method it does not support, is 404 {@code NOT_FOUND} "models/&lt;m&gt; is not found for API version v1beta, or
 *       is not supported for &lt;method&gt;".</li>
 *   <li>OpenAI {@code GET /v1/models}: {@code {object:"list", data:[{id, object:"model", created, owned_by}]}}; an
 *       unlisted {@code model} in a body is 404 {@code model_not_found}.</li>
 *   <li>Anthropic {@code GET /v1/models?limit&after_id} (needs {@code anthropic-version}): {@code {data:[{type:"model",
 *       id, display_name, created_at}], has_more, first_id, last_id}}; an unlisted model is 404
 *       {@code not_found_error}.</li>
 *   <li>OpenRouter {@code GET /api/v1/models}: {@code {data:[{id, canonical_slug, name, created}]}}; an unlisted model
 *       is 400 "… is not a valid model ID".</li>
 *   <li>ElevenLabs {@code GET /v1/voices}: {@code {voices:[{voice_id, name, category:"premade"}]}}; speech with an
 *       unlisted voice is 404 {@code voice_not_found}.</li>
 * </ul>
 */
public final class ServedModels {

    enum Vendor { GOOGLE, OPENAI, ANTHROPIC, OPENROUTER, ELEVENLABS }

    private static final Pattern GOOGLE_CALL = Pattern.compile(".*/models/([^/:]+):(\\w+)$");
    private static final Pattern SPEECH = Pattern.compile("/v1/text-to-speech/([^/]+)(/.*)?$");

    private final Vendor vendor;
    /** Id → the methods Google lists for it (empty for the other vendors). */
    private final Map<String, List<String>> models = new LinkedHashMap<>();
    private int pageSize = 1000;

    private ServedModels(Vendor vendor, String... ids) {
        this.vendor = vendor;
        for (String id : ids) {
            models.put(id, vendor != Vendor.GOOGLE ? List.of()
                    : id.startsWith("veo-") ? List.of("predictLongRunning") : List.of("generateContent", "countTokens"));
        }
    }

    /** Gemini API models; Veo ids support {@code predictLongRunning}, the others {@code generateContent}. */
    public static ServedModels google(String... ids) {
        return new ServedModels(Vendor.GOOGLE, ids);
    }

    public static ServedModels openai(String... ids) {
        return new ServedModels(Vendor.OPENAI, ids);
    }

    public static ServedModels anthropic(String... ids) {
        return new ServedModels(Vendor.ANTHROPIC, ids);
    }

    public static ServedModels openrouter(String... ids) {
        return new ServedModels(Vendor.OPENROUTER, ids);
    }

    /** The voices of an ElevenLabs account, all premade. */
    public static ServedModels elevenlabs(String... voiceIds) {
        return new ServedModels(Vendor.ELEVENLABS, voiceIds);
    }

    /** A Google model listed with only these methods. */
    public ServedModels withMethods(String id, String... methods) {
        models.put(id, List.of(methods));
        return this;
    }

    /** At most {@code n} per page (Google and Anthropic page their lists; they may return fewer than asked). */
    public ServedModels pageSize(int n) {
        this.pageSize = n;
        return this;
    }

    /** The list, or the vendor's refusal of an id it does not serve; null for everything else. */
    Reply answer(Seen s) {
        if (s.method().equals("GET") && s.path().endsWith(vendor == Vendor.ELEVENLABS ? "/v1/voices" : "/models")) {
            return list(s);
        }
        String id = modelOf(s);
        if (id == null) {
            return null;
        }
        String method = null;
        if (vendor == Vendor.GOOGLE) {
            Matcher m = GOOGLE_CALL.matcher(s.path());
            method = m.matches() ? m.group(2) : null;
        }
        boolean served = models.containsKey(id) && (method == null || models.get(id).contains(method));
        return served ? null : refusal(id, method);
    }

    private String modelOf(Seen s) {
        switch (vendor) {
            case GOOGLE -> {
                Matcher m = GOOGLE_CALL.matcher(s.path());
                return s.method().equals("POST") && m.matches() ? m.group(1) : null;
            }
            case ELEVENLABS -> {
                Matcher m = SPEECH.matcher(s.path());
                return s.method().equals("POST") && m.matches() ? m.group(1) : null;
            }
            default -> {
                if (!s.method().equals("POST") || s.body().length == 0) {
                    return null;
                }
                try {
                    JsonValue model = s.json().get("model");
                    return model instanceof jakarta.json.JsonString str ? str.getString() : null;
                } catch (RuntimeException notJson) {
                    return null;
                }
            }
        }
    }

    private Reply list(Seen s) {
        List<String> ids = new ArrayList<>(models.keySet());
        return switch (vendor) {
            case GOOGLE -> {
                int size = Math.min(pageSize, Math.max(1, parse(s.query().get("pageSize"), 50)));
                int from = parse(s.query().get("pageToken"), 0);
                JsonArrayBuilder page = Json.createArrayBuilder();
                for (String id : ids.subList(Math.min(from, ids.size()), Math.min(from + size, ids.size()))) {
                    page.add(Json.createObjectBuilder().add("name", "models/" + id).add("version", "001")
                                     .add("displayName", id).add("description", "A model the double serves.")
                                     .add("supportedGenerationMethods", Json.createArrayBuilder(models.get(id))));
                }
                var body = Json.createObjectBuilder().add("models", page);
                if (from + size < ids.size()) {
                    body.add("nextPageToken", String.valueOf(from + size));
                }
                yield VendorDouble.json(200, body.build());
            }
            case OPENAI -> {
                JsonArrayBuilder data = Json.createArrayBuilder();
                ids.forEach(id -> data.add(Json.createObjectBuilder().add("id", id).add("object", "model")
                                                   .add("created", 1_767_225_600).add("owned_by", "system")));
                yield VendorDouble.json(200, Json.createObjectBuilder().add("object", "list").add("data", data).build());
            }
            case ANTHROPIC -> {
                if (s.header("anthropic-version") == null) {
                    yield VendorDouble.json(400, "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                                                 + "\"message\":\"anthropic-version: header is required\"}}");
                }
                int size = Math.min(pageSize, Math.max(1, parse(s.query().get("limit"), 20)));
                String after = s.query().get("after_id");
                int from = after == null ? 0 : ids.indexOf(after) + 1;
                List<String> page = ids.subList(Math.min(from, ids.size()), Math.min(from + size, ids.size()));
                JsonArrayBuilder data = Json.createArrayBuilder();
                page.forEach(id -> data.add(Json.createObjectBuilder().add("type", "model").add("id", id)
                                                    .add("display_name", id).add("created_at", "2026-09-28T00:00:00Z")));
                var body = Json.createObjectBuilder().add("data", data).add("has_more", from + size < ids.size());
                if (page.isEmpty()) {
                    body.addNull("first_id").addNull("last_id");
                } else {
                    body.add("first_id", page.getFirst()).add("last_id", page.getLast());
                }
                yield VendorDouble.json(200, body.build());
            }
            case OPENROUTER -> {
                JsonArrayBuilder data = Json.createArrayBuilder();
                ids.forEach(id -> data.add(Json.createObjectBuilder().add("id", id).add("canonical_slug", id)
                                                   .add("name", id).add("created", 1_759_017_600)
                                                   .add("context_length", 1_000_000)));
                yield VendorDouble.json(200, Json.createObjectBuilder().add("data", data).build());
            }
            case ELEVENLABS -> {
                JsonArrayBuilder voices = Json.createArrayBuilder();
                ids.forEach(id -> voices.add(Json.createObjectBuilder().add("voice_id", id).add("name", "Voice " + id)
                                                     .add("category", "premade")
                                                     .add("labels", Json.createObjectBuilder().add("accent", "british"))));
                yield VendorDouble.json(200, Json.createObjectBuilder().add("voices", voices).build());
            }
        };
    }

    private Reply refusal(String id, String method) {
        return switch (vendor) {
            case GOOGLE -> VendorDouble.json(404, Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                    .add("code", 404).add("message", "models/" + id + " is not found for API version v1beta, or is not "
                            + "supported for " + method + ". Call ListModels to see the list of available models and "
                            + "their supported methods.").add("status", "NOT_FOUND")).build());
            case OPENAI -> VendorDouble.json(404, Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                    .add("message", "The model `" + id + "` does not exist or you do not have access to it.")
                    .add("type", "invalid_request_error").addNull("param").add("code", "model_not_found")).build());
            case ANTHROPIC -> VendorDouble.json(404, Json.createObjectBuilder().add("type", "error")
                    .add("error", Json.createObjectBuilder().add("type", "not_found_error").add("message", "model: " + id))
                    .add("request_id", "req_011CSHoEeqs5C35K2UUqR7Fy").build());
            case OPENROUTER -> VendorDouble.json(400, Json.createObjectBuilder().add("error", Json.createObjectBuilder()
                    .add("message", id + " is not a valid model ID").add("code", 400)).build());
            case ELEVENLABS -> VendorDouble.json(404, Json.createObjectBuilder().add("detail", Json.createObjectBuilder()
                    .add("status", "voice_not_found").add("message", "A voice with the voice_id " + id + " was not found.")).build());
        };
    }

    private static int parse(String s, int fallback) {
        try {
            return s == null ? fallback : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
