package org.reelflow.providers;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.http.RetryPolicy;
import org.reelflow.providers.vendor.Secrets;

/**
 * Asks a vendor which models (or, for ElevenLabs, voices) it serves to a key, and remembers the answer for a while:
 * lists change when a vendor ships or retires a model, not between two jobs. Each list is read in the vendor's own
 * shape, following its pages. Anything short of a readable list (no answer, an error status, a body that is not
 * the list) is "unknown", never "not listed", so a vendor's outage cannot fail a job that would have worked.
 */
public final class VendorModels {

    /** The list endpoints, each with its authentication and answer shape. */
    public enum Catalogue {
        /** {@code GET /v1beta/models}: {@code {models:[{name:"models/…", supportedGenerationMethods}], nextPageToken}}. */
        GOOGLE("GET /v1beta/models"),
        /** {@code GET /v1/models}: {@code {object:"list", data:[{id}]}}. */
        OPENAI("GET /v1/models"),
        /** {@code GET /v1/models}: {@code {data:[{id, type:"model"}], has_more, last_id}}, paged by {@code after_id}. */
        ANTHROPIC("GET /v1/models"),
        /** {@code GET /api/v1/models}: {@code {data:[{id}]}}. */
        OPENROUTER("GET /api/v1/models"),
        /** {@code GET /v1/voices}: the voices of the key's account, {@code {voices:[{voice_id, category}]}}. */
        ELEVENLABS("GET /v1/voices");

        private final String endpoint;

        Catalogue(String endpoint) {
            this.endpoint = endpoint;
        }

        /** How the list is asked for, for messages ("GET /v1beta/models does not list it"). */
        public String endpoint() {
            return endpoint;
        }
    }

    /** A vendor's list: each id with the methods the vendor says it supports (empty when the vendor does not say). */
    public record Listing(Map<String, Set<String>> models) {

        public Listing {
            models = Map.copyOf(models);
        }

        /** Whether {@code id} is listed and, when the vendor names methods and {@code method} is given, supports it. */
        public boolean serves(String id, String method) {
            Set<String> methods = models.get(id);
            return methods != null && (method == null || methods.isEmpty() || methods.contains(method));
        }

        public boolean lists(String id) {
            return models.containsKey(id);
        }
    }

    /** Google pages at most 1000 models; more pages than this means a page token that never ends. */
    static final int MAX_PAGES = 20;
    /** A failed listing is asked again after this long, not after the full cache time: the vendor may be back. */
    static final Duration RETRY_FAILED_AFTER = Duration.ofMinutes(1);

    private record Key(Catalogue catalogue, String url, String keyHash) {
    }

    private record Cached(Optional<Listing> listing, Instant expires) {
    }

    private final ProviderHttp http;
    private final RetryPolicy policy;
    private final Duration ttl;
    private final Clock clock;
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

    /**
     * @param policy bounds on each list request (a short timeout: a job waits for it)
     * @param ttl    how long an answer is kept
     */
    public VendorModels(ProviderHttp http, RetryPolicy policy, Duration ttl, Clock clock) {
        this.http = http;
        this.policy = policy;
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * The vendor's list at {@code url} for {@code key}, from the cache while it is fresh; empty when it could not be
     * had. The cache is keyed by a hash of the key, so keys are never held here.
     */
    public Optional<Listing> list(Catalogue catalogue, String url, String key) throws InterruptedException {
        Key k = new Key(catalogue, url, sha256(key));
        Instant now = clock.instant();
        Cached hit = cache.get(k);
        if (hit != null && now.isBefore(hit.expires())) {
            return hit.listing();
        }
        Optional<Listing> fresh = fetch(catalogue, url, key);
        Duration keep = fresh.isPresent() || ttl.compareTo(RETRY_FAILED_AFTER) < 0 ? ttl : RETRY_FAILED_AFTER;
        cache.put(k, new Cached(fresh, now.plus(keep)));
        return fresh;
    }

    private Optional<Listing> fetch(Catalogue catalogue, String url, String key) throws InterruptedException {
        Map<String, Set<String>> models = new HashMap<>();
        String page = null;
        try {
            for (int pages = 0; pages < MAX_PAGES; pages++) {
                JsonObject answer = get(catalogue, pageUrl(catalogue, url, page), key);
                page = read(catalogue, answer, models);
                if (page == null) {
                    return Optional.of(new Listing(models));
                }
            }
            System.getLogger(VendorModels.class.getName()).log(System.Logger.Level.WARNING,
                    catalogue.endpoint() + " at " + url + " kept paging; its list is treated as unknown");
        } catch (ProviderException e) {
            System.getLogger(VendorModels.class.getName()).log(System.Logger.Level.WARNING,
                    "could not list the models at " + url + ": " + Secrets.scrub(e.getMessage(), key));
        }
        return Optional.empty();
    }

    private static String pageUrl(Catalogue catalogue, String url, String page) {
        String p = page == null ? null : URLEncoder.encode(page, StandardCharsets.UTF_8);
        return switch (catalogue) {
            case GOOGLE -> url + "?pageSize=1000" + (p == null ? "" : "&pageToken=" + p);
            case ANTHROPIC -> url + "?limit=1000" + (p == null ? "" : "&after_id=" + p);
            default -> url;
        };
    }

    private JsonObject get(Catalogue catalogue, String url, String key) throws ProviderException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").GET();
        switch (catalogue) {
            case GOOGLE -> b.header("x-goog-api-key", key);
            case ANTHROPIC -> b.header("x-api-key", key).header("anthropic-version", "2023-06-01");
            case ELEVENLABS -> b.header("xi-api-key", key);
            default -> b.header("Authorization", "Bearer " + key);
        }
        String provider = catalogue.name().toLowerCase(java.util.Locale.ROOT) + "-models";
        byte[] body = http.send(provider, b.build(), policy, null).body();
        try (var reader = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ProviderException(provider, ProviderException.Kind.MALFORMED_RESPONSE, 200,
                                        url + " answered with something that is not a JSON object");
        }
    }

    /** Adds one page's ids to {@code into}; returns the next page's token, or null after the last page. */
    private static String read(Catalogue catalogue, JsonObject answer, Map<String, Set<String>> into)
            throws ProviderException {
        String array = switch (catalogue) {
            case GOOGLE -> "models";
            case ELEVENLABS -> "voices";
            default -> "data";
        };
        JsonValue items = answer.get(array);
        if (items == null || items.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new ProviderException(catalogue.name(), ProviderException.Kind.MALFORMED_RESPONSE, 200,
                                        catalogue.endpoint() + " answered without " + array);
        }
        for (JsonValue v : items.asJsonArray()) {
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                continue;
            }
            JsonObject o = v.asJsonObject();
            String id = switch (catalogue) {
                case GOOGLE -> {
                    String name = o.getString("name", null);
                    yield name != null && name.startsWith("models/") ? name.substring("models/".length()) : name;
                }
                case ELEVENLABS -> o.getString("voice_id", null);
                default -> o.getString("id", null);
            };
            if (id == null) {
                continue;
            }
            Set<String> methods = new LinkedHashSet<>();
            JsonValue m = o.get("supportedGenerationMethods");
            if (m != null && m.getValueType() == JsonValue.ValueType.ARRAY) {
                m.asJsonArray().forEach(x -> {
                    if (x instanceof jakarta.json.JsonString s) {
                        methods.add(s.getString());
                    }
                });
            }
            into.put(id, methods);
        }
        return switch (catalogue) {
            case GOOGLE -> {
                String token = answer.getString("nextPageToken", "");
                yield token.isEmpty() ? null : token;
            }
            case ANTHROPIC -> answer.getBoolean("has_more", false) ? answer.getString("last_id", null) : null;
            default -> null;
        };
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
