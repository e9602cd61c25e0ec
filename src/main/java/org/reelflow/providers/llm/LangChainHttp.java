package org.reelflow.providers.llm;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

import org.reelflow.providers.ModelChoice;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.http.RetryPolicy;

/**
 * LangChain4j's HTTP seam, implemented on {@link ProviderHttp}: every request a LangChain4j chat model sends gets
 * the project's timeout, retries with backoff and jitter (Retry-After honoured), in-flight limit, error wording and
 * cancellation. The models are built with {@code maxRetries(0)}, so this is the only retry loop.
 *
 * <p>LangChain4j's client interface cannot throw checked exceptions, so a failure travels through the model as a
 * {@link Failure} (with no cause, so LangChain4j's exception mapper passes it on untouched) and {@link #call}
 * turns it back into the {@link ProviderException} or {@link InterruptedException} it was.
 */
final class LangChainHttp implements HttpClientBuilder {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final String provider;
    private final ProviderHttp http;
    private final RetryPolicy policy;
    private final ProviderHttp.RetryListener listener;
    private final String secret;
    private final ModelChoice model;

    /**
     * @param secret the API key, scrubbed from every message that leaves here (null when there is none)
     * @param model  the model every request names, so the vendor's "no such model" is told as exactly that
     */
    LangChainHttp(String provider, ProviderHttp http, RetryPolicy policy, ProviderHttp.RetryListener listener,
                  String secret, ModelChoice model) {
        this.provider = provider;
        this.http = http;
        this.policy = policy;
        this.listener = listener;
        this.secret = secret;
        this.model = model;
    }

    /** A ProviderException or InterruptedException carried through LangChain4j's unchecked world. */
    static final class Failure extends RuntimeException {
        private final Exception carried;

        Failure(Exception carried) {
            super(carried.getMessage(), null, false, false);
            this.carried = carried;
        }
    }

    /**
     * Runs one LangChain4j model call and translates whatever it throws: our own failures come back as they were,
     * anything else LangChain4j raises (an unreadable body, an unsupported feature) becomes a ProviderException.
     */
    <T> T call(Callable<T> action) throws ProviderException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        try {
            return action.call();
        } catch (Failure f) {
            if (f.carried instanceof InterruptedException ie) {
                Thread.interrupted();          // the flag was kept for LangChain4j's sake; the exception says it now
                throw ie;
            }
            throw (ProviderException) f.carried;
        } catch (UnsupportedFeatureException e) {
            throw new ProviderException(provider, Kind.BAD_REQUEST, 0, redact(provider + ": " + e.getMessage()), null);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            throw new ProviderException(provider, Kind.MALFORMED_RESPONSE, 0,
                                        redact(provider + " returned a malformed response: " + rootMessage(e)), null);
        }
    }

    /** Sends one request through ProviderHttp with this client's policy; used for calls LangChain4j does not make. */
    HttpResponse<byte[]> send(HttpRequest request, RetryPolicy p) throws ProviderException, InterruptedException {
        try {
            return http.send(provider, request, p, listener);
        } catch (ProviderException e) {
            throw model.explain(scrub(e));
        }
    }

    String redact(String message) {
        if (message == null || secret == null || secret.isBlank()) {
            return message;
        }
        return message.replace(secret, "[redacted]");
    }

    /** Keys out of the message (Google's {@code API_KEY_INVALID} is already an AUTH failure from ProviderHttp). */
    private ProviderException scrub(ProviderException e) {
        String m = redact(e.getMessage());
        return m.equals(e.getMessage()) ? e : new ProviderException(e.provider(), e.kind(), e.status(), m, null);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        m = m.replaceAll("\\s+", " ").trim();
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    // --- HttpClientBuilder: LangChain4j hands us its timeouts; ours come from the RetryPolicy instead. ---

    @Override
    public Duration connectTimeout() {
        return policy.timeout();
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
        return this;
    }

    @Override
    public Duration readTimeout() {
        return policy.timeout();
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
        return this;
    }

    @Override
    public HttpClient build() {
        return new Client();
    }

    private final class Client implements HttpClient {

        @Override
        public SuccessfulHttpResponse execute(dev.langchain4j.http.client.HttpRequest request) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(request.url()));
            request.headers().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> b.header(name, v));
                }
            });
            String body = request.body();
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
            b.method(request.method().name(), publisher);
            try {
                HttpResponse<byte[]> res = send(b.build(), policy);
                return SuccessfulHttpResponse.builder()
                        .statusCode(res.statusCode())
                        .headers(res.headers().map())
                        .body(new String(res.body(), StandardCharsets.UTF_8))
                        .build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failure(e);
            } catch (ProviderException e) {
                throw new Failure(e);
            }
        }

        @Override
        public void execute(dev.langchain4j.http.client.HttpRequest request, ServerSentEventParser parser,
                            ServerSentEventListener listener) {
            // Only blocking chat models are built on this client.
            listener.onError(new UnsupportedOperationException("streaming is not used by Reelflow"));
        }
    }
}
