package org.reelflow.providers.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.http.RetryPolicy;
import org.reelflow.support.VendorDouble.Reply;
import org.reelflow.support.VendorDouble;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What every vendor client must do, each against a double speaking that vendor's wire format: the request it
 * sends, structured output and usage, and each failure path (400, 401, 429 with Retry-After, 500, malformed JSON,
 * a stalled answer, cancellation, an answer that breaks the schema), with the key never in a message or a log.
 */
class LlmClientContractTest {

    static final OutputSchema<String> ANSWER = new OutputSchema<>("answer", Json.createObjectBuilder()
            .add("type", "object").add("additionalProperties", false)
            .add("properties", Json.createObjectBuilder().add("answer", Json.createObjectBuilder().add("type", "string")))
            .add("required", Json.createArrayBuilder().add("answer")).build(),
            json -> {
                if (!(json.get("answer") instanceof jakarta.json.JsonString s) || s.getString().isBlank()) {
                    throw new OutputSchema.InvalidOutputException("answer: expected a non-empty string");
                }
                return s.getString();
            });
    static final String SYSTEM = "You answer briefly.";
    static final String USER = "What colour is the sky?";

    VendorDouble vendor;
    final List<String> logged = new ArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r.getMessage() + " " + r.getThrown());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() throws Exception {
        vendor = new VendorDouble();
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
        vendor.close();
    }

    private void assertNoKeyLeaked(Vendor v, Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage()), not(containsString(v.key)));
        }
        logged.forEach(line -> assertThat(line, not(containsString(v.key))));
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void sendsTheVendorsRequestAndReadsStructuredOutputWithUsage(Vendor v) throws Exception {
        vendor.then(Reply.ok(v.answer("{\"answer\":\"blue\"}", 21, 7)));
        LlmClient client = v.client(vendor, "none");

        LlmResult<String> result = client.generate(SYSTEM, USER, ANSWER, false);

        assertThat(result.value(), is("blue"));
        assertThat(result.usage(), is(new Usage(21, 7)));
        assertThat(client.usage(), is(new Usage(21, 7)));
        assertThat(client.provider(), is(v.provider));
        assertThat(client.model(), is(v.expectedModel()));
        assertThat(vendor.seen.size(), is(1));
        VendorDouble.Seen seen = vendor.seen.getFirst();
        assertThat(seen.method(), is("POST"));
        assertThat(seen.path(), is(v.chatPath));
        assertThat("auth header for " + v, v.authenticated(seen), is(true));
        assertThat(seen.text(), containsString(SYSTEM));
        assertThat(seen.text(), containsString(USER));
        JsonObject body = seen.json();
        switch (v) {
            case ANTHROPIC -> {
                assertThat(body.getString("model"), is("claude-sonnet-4-6"));
                assertThat(body.getInt("max_tokens"), is(4096));
                JsonObject format = body.getJsonObject("output_config").getJsonObject("format");
                assertThat(format.getString("type"), is("json_schema"));
                assertThat(format.getJsonObject("schema").getJsonObject("properties").containsKey("answer"), is(true));
                assertThat(body.containsKey("tools"), is(false));
            }
            case GEMINI -> {
                JsonObject gen = body.getJsonObject("generationConfig");
                assertThat(gen.getString("responseMimeType"), is("application/json"));
                assertThat(gen.getJsonObject("responseSchema"), notNullValue());
                assertThat(body.containsKey("tools"), is(false));
            }
            default -> {
                assertThat(body.getString("model"), is(v.expectedModel()));
                JsonObject format = body.getJsonObject("response_format");
                assertThat(format.getString("type"), is("json_schema"));
                assertThat(format.getJsonObject("json_schema").getString("name"), is("answer"));
                assertThat(format.getJsonObject("json_schema").getBoolean("strict", false), is(v == Vendor.OPENAI));
                assertThat(body.getJsonArray("messages").getJsonObject(0).getString("role"), is("system"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aRejectedRequestIsNotRetriedAndItsReasonIsKeptWithoutTheKey(Vendor v) {
        vendor.then(Reply.status(400, v.error(400, "Invalid schema for response_format; request had key " + v.key)));
        ProviderException e = assertThrows(ProviderException.class,
                                           () -> v.client(vendor, "none").generate(SYSTEM, USER, ANSWER, false));
        assertThat(e.kind(), is(Kind.BAD_REQUEST));
        assertThat(e.status(), is(400));
        assertThat(e.getMessage(), containsString(v.provider + " rejected the request (HTTP 400)"));
        assertThat(e.getMessage(), containsString("Invalid schema for response_format"));
        assertThat(e.getMessage(), containsString("[redacted]"));
        assertThat(vendor.seen.size(), is(1));
        assertNoKeyLeaked(v, e);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void anInvalidKeyFailsAtOnceNamingTheProvider(Vendor v) {
        vendor.then(Reply.status(401, v.error(401, "Incorrect API key provided: " + v.key)));
        ProviderException e = assertThrows(ProviderException.class,
                                           () -> v.client(vendor, "none").generate(SYSTEM, USER, ANSWER, false));
        assertThat(e.kind(), is(Kind.AUTH));
        assertThat(e.getMessage(), is("Invalid API key for " + v.provider + " (HTTP 401)"));
        assertThat(vendor.seen.size(), is(1));
        assertNoKeyLeaked(v, e);
    }

    @Test
    void googlesApiKeyInvalidIsAnInvalidKeyForTheGeminiLlmToo() {
        vendor.then(VendorDouble.googleKeyInvalid());
        ProviderException e = assertThrows(ProviderException.class,
                                           () -> Vendor.GEMINI.client(vendor, "none").generate(SYSTEM, USER, ANSWER, false));
        assertThat(e.kind(), is(Kind.AUTH));
        assertThat(e.getMessage(), is("Invalid API key for gemini (HTTP 400)"));
        assertThat(vendor.seen.size(), is(1));
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aRateLimitIsRetriedAfterTheVendorsRetryAfter(Vendor v) throws Exception {
        vendor.then(Reply.status(429, v.error(429, "Rate limit reached")).withHeader("Retry-After", "1"),
                    Reply.ok(v.answer("{\"answer\":\"blue\"}", 5, 2)));
        List<String> retries = new ArrayList<>();
        LlmConfig config = Vendor.config(vendor, v, Vendor.FAST, Vendor.FAST)
                .withListener((p, attempt, reason, delay) -> retries.add(p + " " + reason + " " + delay));
        LlmClient client = LlmProviders.create(v.provider, v.model(), v == Vendor.COMPATIBLE ? vendor.url(v.basePath) : null,
                                               "none", v.keys(Map.of()), config);
        long t0 = System.nanoTime();
        LlmResult<String> result = client.generate(SYSTEM, USER, ANSWER, false);
        assertThat(result.value(), is("blue"));
        assertThat(vendor.seen.size(), is(2));
        assertThat(retries, is(List.of(v.provider + " Rate limit exceeded (" + v.provider + ") PT1S")));
        assertThat((System.nanoTime() - t0) / 1_000_000, greaterThanOrEqualTo(1000L));
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void serverErrorsAreRetriedThenReported(Vendor v) {
        vendor.then(Reply.status(500, v.error(500, "Internal server error")));
        ProviderException e = assertThrows(ProviderException.class,
                                           () -> v.client(vendor, "none").generate(SYSTEM, USER, ANSWER, false));
        assertThat(e.kind(), is(Kind.SERVER));
        assertThat(e.getMessage(), containsString(v.provider + " server error (HTTP 500)"));
        assertThat(vendor.seen.size(), is(3));
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aMalformedBodyIsReportedAsSuch(Vendor v) {
        vendor.then(Reply.ok("{\"id\": \"x\", \"choices\": [ {\"message\": "));
        ProviderException e = assertThrows(ProviderException.class,
                                           () -> v.client(vendor, "none").generate(SYSTEM, USER, ANSWER, false));
        assertThat(e.kind(), is(Kind.MALFORMED_RESPONSE));
        assertThat(e.getMessage(), containsString(v.provider + " returned a malformed response"));
        assertNoKeyLeaked(v, e);
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void aStalledAnswerTimesOutPerAttempt(Vendor v) {
        vendor.then(Reply.ok(v.answer("{\"answer\":\"late\"}", 1, 1)).stalling(5_000));
        RetryPolicy quick = new RetryPolicy(Duration.ofMillis(300), 2, Duration.ofMillis(10), Duration.ofMillis(10),
                                            Duration.ofSeconds(1));
        long t0 = System.nanoTime();
        ProviderException e = assertThrows(ProviderException.class,
                () -> v.client(vendor, "none", Map.of(), quick, quick).generate(SYSTEM, USER, ANSWER, false));
        assertThat(e.kind(), is(Kind.TIMEOUT));
        assertThat(vendor.seen.size(), is(2));
        assertThat((System.nanoTime() - t0) / 1_000_000, lessThan(3_000L));
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void interruptingTheCallerAbortsTheCallInFlight(Vendor v) throws Exception {
        vendor.then(Reply.ok(v.answer("{\"answer\":\"late\"}", 1, 1)).stalling(20_000));
        RetryPolicy patient = new RetryPolicy(Duration.ofSeconds(30), 3, Duration.ofMillis(10), Duration.ofMillis(10),
                                              Duration.ofSeconds(1));
        LlmClient client = v.client(vendor, "none", Map.of(), patient, patient);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                client.generate(SYSTEM, USER, ANSWER, false);
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        while (vendor.seen.isEmpty()) {
            Thread.sleep(10);
        }
        long t0 = System.nanoTime();
        caller.interrupt();
        caller.join(Duration.ofSeconds(5));
        assertThat("caller stopped", caller.isAlive(), is(false));
        assertThat((System.nanoTime() - t0) / 1_000_000, lessThan(1_000L));
        assertThat(String.valueOf(outcome.get()), outcome.get() instanceof InterruptedException, is(true));
        assertThat("no retry after a cancel", vendor.seen.size(), is(1));
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void anAnswerThatBreaksTheSchemaSaysWhy(Vendor v) {
        vendor.then(Reply.ok(v.answer("{\"answer\":\"\"}", 9, 3)));
        LlmClient client = v.client(vendor, "none");
        ProviderException e = assertThrows(ProviderException.class, () -> client.generate(SYSTEM, USER, ANSWER, false));
        assertThat(e.kind(), is(Kind.MALFORMED_RESPONSE));
        assertThat(e.getMessage(), is(v.provider + " returned output that does not match the answer schema: "
                                      + "answer: expected a non-empty string"));
        assertThat("rejected answers still cost tokens", client.usage(), is(new Usage(9, 3)));
    }

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void textThatIsNotJsonIsRejected(Vendor v) {
        vendor.then(Reply.ok(v.answer("The sky is blue.", 9, 3)));
        ProviderException e = assertThrows(ProviderException.class,
                                           () -> v.client(vendor, "none").generate(SYSTEM, USER, ANSWER, false));
        assertThat(e.getMessage(), containsString("does not match the answer schema: the answer was not a JSON object"));
    }
}
