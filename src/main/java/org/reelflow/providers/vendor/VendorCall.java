package org.reelflow.providers.vendor;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.http.RetryPolicy;

/**
 * One JSON POST to a vendor through {@link org.reelflow.providers.http.ProviderHttp}: headers, body, the
 * answer read as JSON (or bytes), and the key masked in every failure message.
 */
public final class VendorCall {

    private final VendorSettings settings;
    private final String provider;
    private final RetryPolicy policy;
    private final String secret;

    /** @param secret the API key sent in a header, masked in any message that would echo it */
    public VendorCall(VendorSettings settings, String provider, RetryPolicy policy, String secret) {
        this.settings = settings;
        this.provider = provider;
        this.policy = policy;
        this.secret = secret;
    }

    public String provider() {
        return provider;
    }

    /** POSTs {@code body} and returns the raw 2xx response. */
    public HttpResponse<byte[]> post(String url, Map<String, String> headers, JsonObject body)
            throws ProviderException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        headers.forEach(b::header);
        try {
            return settings.http().send(provider, b.build(), policy, settings.listener() == null ? null
                    : (p, attempt, reason, delay) -> settings.listener().retrying(p, attempt,
                                                                                   Secrets.scrub(reason, secret), delay));
        } catch (ProviderException e) {
            throw Secrets.scrub(e, secret);
        }
    }

    /** POSTs {@code body} and reads the answer as a JSON object. */
    public JsonObject postJson(String url, Map<String, String> headers, JsonObject body)
            throws ProviderException, InterruptedException {
        return json(post(url, headers, body).body());
    }

    /** A JSON object from a response body, or a MALFORMED_RESPONSE failure quoting its start. */
    public JsonObject json(byte[] body) throws ProviderException {
        String text = new String(body, StandardCharsets.UTF_8);
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            JsonValue v = r.readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw malformed("answered with JSON that is not an object: " + snippet(text));
            }
            return v.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            throw malformed("answered with malformed JSON: " + snippet(text));
        }
    }

    /** Decodes a base64 field; a bad value is a MALFORMED_RESPONSE. */
    public byte[] base64(String field, String value) throws ProviderException {
        if (value == null || value.isEmpty()) {
            throw malformed("sent no " + field);
        }
        try {
            return Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw malformed("sent " + field + " that is not base64");
        }
    }

    public ProviderException malformed(String what) {
        return new ProviderException(provider, Kind.MALFORMED_RESPONSE, 200,
                                     Secrets.scrub(provider + " " + what, secret));
    }

    public ProviderException refused(String what) {
        return new ProviderException(provider, Kind.REFUSED, 200, Secrets.scrub(provider + " " + what, secret));
    }

    /** A string member, or null when absent or not a string. */
    public static String text(JsonObject o, String key) {
        if (o == null) {
            return null;
        }
        JsonValue v = o.get(key);
        return v instanceof JsonString s ? s.getString() : null;
    }

    /** A member object, or null. */
    public static JsonObject object(JsonObject o, String key) {
        if (o == null) {
            return null;
        }
        JsonValue v = o.get(key);
        return v != null && v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject() : null;
    }

    /** Whether a vendor's error text says its safety system refused the content (OpenReels' phrases). */
    public static boolean soundsLikeSafetyRefusal(String message) {
        if (message == null) {
            return false;
        }
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("safety") || m.contains("content policy") || m.contains("safety_violations")
               || m.contains("rejected by the safety") || m.contains("content moderation")
               || m.contains("prohibited content") || m.contains("moderation_blocked");
    }

    static String snippet(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.isEmpty() ? "(empty body)" : t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }
}
