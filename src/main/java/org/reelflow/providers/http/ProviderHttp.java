package org.reelflow.providers.http;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;

/**
 * Every vendor HTTP call goes through here, which is where the robustness OpenReels lacks lives: a timeout per
 * attempt, bounded retries with backoff and jitter on 429, 5xx and broken connections (honouring Retry-After, or
 * Google's {@code RetryInfo} where Google sends no header), a bounded number of calls in flight per provider, and
 * cancellation — interrupting the calling thread aborts the request in flight and any wait between attempts at once.
 */
public final class ProviderHttp {

    /**
     * Told about each failed attempt that will be retried, e.g. to emit a {@code stage:<s> error} event; and, as
     * attempt 0, about a vendor skipped because its quota is spent ({@code delay}: until it returns).
     */
    @FunctionalInterface
    public interface RetryListener {
        void retrying(String provider, int attempt, String reason, Duration delay);
    }

    private final HttpClient client;
    private final Map<String, Semaphore> inFlight;
    private final Map<String, Integer> limits;
    private final int defaultLimit;
    private final RetryListener defaultListener;
    /** Until when a vendor said a quota is spent, by scope (see {@link #quotaSpent}); shared by every view. */
    private final Map<String, Instant> spentQuotas;
    /** The spent quotas this view's listener has heard of, so a job hears it once rather than per call. */
    private final Set<String> toldSpent = ConcurrentHashMap.newKeySet();

    /** @param limits calls in flight per provider (e.g. video 3); others get {@code defaultLimit} */
    public ProviderHttp(HttpClient client, Map<String, Integer> limits, int defaultLimit) {
        this(client, new ConcurrentHashMap<>(), Map.copyOf(limits), defaultLimit, null, new ConcurrentHashMap<>());
    }

    private ProviderHttp(HttpClient client, Map<String, Semaphore> inFlight, Map<String, Integer> limits,
                         int defaultLimit, RetryListener defaultListener, Map<String, Instant> spentQuotas) {
        this.client = client;
        this.inFlight = inFlight;
        this.limits = limits;
        this.defaultLimit = defaultLimit;
        this.defaultListener = defaultListener;
        this.spentQuotas = spentQuotas;
    }

    /**
     * The same client, in-flight limits and spent quotas, telling {@code listener} about retries of calls that name
     * no listener of their own — how one job hears about the retries of every provider it uses.
     */
    public ProviderHttp withListener(RetryListener listener) {
        return new ProviderHttp(client, inFlight, limits, defaultLimit, listener, spentQuotas);
    }

    /**
     * Remembers what a vendor said in an answer: the quota of {@code scope} (a vendor and a key) is spent until
     * {@code until}. This client outlives jobs, so later jobs skip the vendor too instead of spending calls on 429s.
     */
    public void quotaSpent(String scope, Instant until) {
        spentQuotas.merge(scope, until, (a, b) -> a.isAfter(b) ? a : b);
    }

    /**
     * Fails at once, making no call, while {@code scope}'s quota is spent, and tells this view's listener why
     * {@code provider} is skipped (once per scope).
     */
    public void requireQuota(String provider, String scope) throws ProviderException {
        Instant until = spentQuotas.get(scope);
        Instant now = Instant.now();
        if (until == null || !now.isBefore(until)) {
            if (until != null) {
                spentQuotas.remove(scope, until);
            }
            return;
        }
        String why = provider + " request quota is used up until " + until.truncatedTo(ChronoUnit.SECONDS)
                     + ": " + provider + " is skipped until then";
        if (defaultListener != null && toldSpent.add(scope)) {
            defaultListener.retrying(provider, 0, why, Duration.between(now, until));
        }
        throw new ProviderException(provider, Kind.RATE_LIMITED, 0, why);
    }

    public static ProviderHttp create() {
        return create(Map.of(), 4);
    }

    /** A client with these limits of calls in flight per provider, {@code defaultLimit} for the others. */
    public static ProviderHttp create(Map<String, Integer> limits, int defaultLimit) {
        return new ProviderHttp(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                                        .followRedirects(HttpClient.Redirect.NORMAL).build(), limits, defaultLimit);
    }

    /**
     * Sends the request and returns a 2xx response; anything else ends in a {@link ProviderException} once
     * retries are spent.
     */
    public HttpResponse<byte[]> send(String provider, HttpRequest request, RetryPolicy policy, RetryListener listener)
            throws ProviderException, InterruptedException {
        Semaphore permits = inFlight.computeIfAbsent(provider, p -> new Semaphore(limits.getOrDefault(p, defaultLimit), true));
        permits.acquire();
        try {
            for (int attempt = 1; ; attempt++) {
                Outcome outcome = attempt(provider, withTimeout(request, policy.timeout()));
                if (outcome.response != null) {
                    return outcome.response;
                }
                ProviderException failure = outcome.failure;
                boolean retryable = failure.kind() == Kind.RATE_LIMITED || failure.kind() == Kind.SERVER
                                    || failure.kind() == Kind.NETWORK || failure.kind() == Kind.TIMEOUT;
                if (!retryable || attempt >= policy.maxAttempts()) {
                    throw failure;
                }
                if (outcome.retryAfter != null && outcome.retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
                    // A spent daily quota asks for hours: asking again after the most this call may wait would only
                    // be refused again, so the caller hears it now and can take its fallback.
                    throw new ProviderException(provider, failure.kind(), failure.status(), failure.getMessage()
                            + ": asked to wait " + human(outcome.retryAfter) + ", more than the "
                            + human(policy.maxRetryAfter()) + " a retry may wait", failure.getCause());
                }
                Duration delay = outcome.retryAfter != null ? outcome.retryAfter : policy.backoff(attempt);
                RetryListener told = listener != null ? listener : defaultListener;
                if (told != null) {
                    told.retrying(provider, attempt, failure.getMessage(), delay);
                }
                Thread.sleep(delay.toMillis());
            }
        } finally {
            permits.release();
        }
    }

    /**
     * What went wrong, in words: the JDK leaves the message of many network failures empty (a refused connection
     * is a bare {@code ConnectException}), so the first cause in the chain with a message, or a known kind of failure, says it.
     */
    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
            String known = switch (t.getClass().getSimpleName()) {
                case "ConnectException" -> "connection refused";
                case "ClosedChannelException", "EOFException" -> "the connection was closed before an answer";
                case "UnresolvedAddressException", "UnknownHostException" -> "unknown host";
                default -> null;
            };
            if (known != null) {
                return known;
            }
        }
        return failure.getClass().getSimpleName();
    }

    private record Outcome(HttpResponse<byte[]> response, ProviderException failure, Duration retryAfter) {
    }

    private Outcome attempt(String provider, HttpRequest request) throws InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> call = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> res;
        try {
            res = call.get();
        } catch (InterruptedException e) {
            call.cancel(true);                       // a job's cancel aborts the exchange, not just the wait
            throw e;
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                return new Outcome(null, new ProviderException(provider, Kind.TIMEOUT, 0,
                        provider + " did not answer within " + request.timeout().map(Duration::toString).orElse("the timeout"), cause), null);
            }
            return new Outcome(null, new ProviderException(provider, Kind.NETWORK, 0,
                    provider + " connection to " + request.uri().getHost() + " failed: " + describe(cause), cause), null);
        }
        int status = res.statusCode();
        if (status >= 200 && status < 300) {
            return new Outcome(res, null, null);
        }
        String body = snippet(res.body());
        GoogleError google = GoogleError.read(res.body());
        ProviderException failure = switch (status) {
            case 401, 403 -> invalidKey(provider, status);
            case 429 -> new ProviderException(provider, Kind.RATE_LIMITED, status, "Rate limit exceeded (" + provider + ")");
            default -> status == 400 && google.keyInvalid() ? invalidKey(provider, status)
                    : status >= 500
                    ? new ProviderException(provider, Kind.SERVER, status, provider + " server error (HTTP " + status + "): " + body)
                    : new ProviderException(provider, Kind.BAD_REQUEST, status, provider + " rejected the request (HTTP " + status + "): " + body);
        };
        Duration wait = retryAfter(res.headers());
        return new Outcome(null, failure, wait != null ? wait : google.retryDelay());
    }

    private static ProviderException invalidKey(String provider, int status) {
        return new ProviderException(provider, Kind.AUTH, status, "Invalid API key for " + provider + " (HTTP " + status + ")");
    }

    /**
     * What a Google error body ({@code google.rpc.Status}: {@code {"error":{"code","message","status","details":[…]}}})
     * says beyond its HTTP status. Google answers a bad key with 400 and an {@code ErrorInfo} detail whose reason is
     * {@code API_KEY_INVALID}, and puts the wait of a 429 in a {@code RetryInfo} detail's {@code retryDelay} (a
     * protobuf Duration such as {@code "37s"}) with no Retry-After header. Every Google API answers this way, so every
     * Google path — speech, images, music, Veo, the LLM — is read here; other vendors' bodies read as nothing.
     */
    record GoogleError(boolean keyInvalid, Duration retryDelay) {

        static final GoogleError NONE = new GoogleError(false, null);

        static GoogleError read(byte[] body) {
            if (body.length == 0 || body.length > 65_536) {
                return NONE;
            }
            JsonValue root;
            try (JsonReader r = Json.createReader(new ByteArrayInputStream(body))) {
                root = r.readValue();
            } catch (JsonException | IllegalStateException e) {
                return NONE;
            }
            JsonValue error = root.getValueType() == JsonValue.ValueType.OBJECT ? root.asJsonObject().get("error") : null;
            JsonValue details = error != null && error.getValueType() == JsonValue.ValueType.OBJECT
                    ? error.asJsonObject().get("details") : null;
            if (details == null || details.getValueType() != JsonValue.ValueType.ARRAY) {
                return NONE;
            }
            boolean keyInvalid = false;
            Duration delay = null;
            for (JsonValue d : details.asJsonArray()) {
                if (d.getValueType() != JsonValue.ValueType.OBJECT) {
                    continue;
                }
                JsonObject detail = d.asJsonObject();
                String type = string(detail, "@type");
                if ("type.googleapis.com/google.rpc.ErrorInfo".equals(type)) {
                    keyInvalid |= "API_KEY_INVALID".equals(string(detail, "reason"));
                } else if ("type.googleapis.com/google.rpc.RetryInfo".equals(type)) {
                    String v = string(detail, "retryDelay");
                    delay = v != null && v.endsWith("s") ? seconds(v.substring(0, v.length() - 1)) : null;
                }
            }
            return new GoogleError(keyInvalid, delay);
        }

        private static String string(JsonObject o, String key) {
            return o.get(key) instanceof JsonString s ? s.getString() : null;
        }
    }

    /** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(HttpHeaders headers) {
        String v = headers.firstValue("retry-after").map(String::trim).orElse(null);
        if (v == null || v.isEmpty()) {
            return null;
        }
        Duration d = seconds(v);
        if (d != null) {
            return d;
        }
        try {
            Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A non-negative number of seconds (fractions allowed) as a duration; null when it is not one. */
    private static Duration seconds(String v) {
        try {
            double s = Double.parseDouble(v);
            return Double.isNaN(s) ? null : Duration.ofMillis(Math.max(0, Math.round(s * 1000)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static HttpRequest withTimeout(HttpRequest request, Duration timeout) {
        return HttpRequest.newBuilder(request, (name, value) -> true).timeout(timeout).build();
    }

    /** A wait as a person reads it: {@code 0.3 s}, {@code 37 s}, {@code 5 min}, {@code 14 h 39 min}. */
    static String human(Duration d) {
        long s = d.toSeconds();
        if (s >= 3600) {
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
        if (s >= 120) {
            return s / 60 + " min";
        }
        return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** The start of an error body, for a message a person can read (vendors put the reason there). */
    static String snippet(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
