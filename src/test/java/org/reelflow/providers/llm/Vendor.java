package org.reelflow.providers.llm;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;


import org.reelflow.providers.KeyRing;
import org.reelflow.providers.Models;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.http.RetryPolicy;
import org.reelflow.support.VendorDouble;
import org.reelflow.support.VendorWire;

/**
 * Each vendor's wire format as a test fixture: where the double listens, the key it expects, how it answers a
 * chat (realistic bodies taken from the vendors' API references) and how it reports an error.
 */
enum Vendor {

    ANTHROPIC("anthropic", "ANTHROPIC_API_KEY", "sk-ant-api03-secretAAAA", "/v1/", "/v1/messages") {
        @Override
        String answer(String text, int in, int out) {
            return VendorWire.anthropicMessage(text, in, out);
        }

        @Override
        String error(int status, String message) {
            return VendorWire.anthropicError(status, message);
        }
    },
    OPENAI("openai", "OPENAI_API_KEY", "sk-proj-secretBBBB", "/v1", "/v1/chat/completions"),
    GEMINI("gemini", "GOOGLE_API_KEY", "AIzaSy-secretCCCC", "/v1beta", "/v1beta/models/gemini-3.8-flash:generateContent") {
        @Override
        String answer(String text, int in, int out) {
            return VendorWire.geminiText(text, in, out);
        }

        @Override
        String error(int status, String message) {
            return VendorWire.geminiError(status, message);
        }
    },
    OPENROUTER("openrouter", "OPENROUTER_API_KEY", "sk-or-v1-secretDDDD", "/api/v1", "/api/v1/chat/completions") {
        @Override
        String error(int status, String message) {
            return "{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\"}}";
        }
    },
    COMPATIBLE("openai-compatible", "OPENREELS_LLM_API_KEY", "ollama-secretEEEE", "/v1", "/v1/chat/completions");

    final String provider;
    final String keyName;
    final String key;
    final String basePath;
    final String chatPath;

    Vendor(String provider, String keyName, String key, String basePath, String chatPath) {
        this.provider = provider;
        this.keyName = keyName;
        this.key = key;
        this.basePath = basePath;
        this.chatPath = chatPath;
    }

    /** A successful chat answer carrying {@code text}, OpenAI's Chat Completions format by default. */
    String answer(String text, int in, int out) {
        return VendorWire.openAiChat(text, in, out);
    }

    String error(int status, String message) {
        String code = status == 401 ? "invalid_api_key" : status == 429 ? "rate_limit_exceeded" : "server_error";
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\""
               + code + "\"}}";
    }

    /** The model the client is asked for (openai-compatible has no default). */
    String model() {
        return this == COMPATIBLE ? "llama3.1:8b" : null;
    }

    String expectedModel() {
        return this == COMPATIBLE ? "llama3.1:8b" : Models.DEFAULTS.id(LlmProviders.MODELS.get(provider));
    }

    /** Asserts the vendor's auth header carried the key. */
    boolean authenticated(VendorDouble.Seen seen) {
        return switch (this) {
            case ANTHROPIC -> key.equals(seen.header("x-api-key")) && "2023-06-01".equals(seen.header("anthropic-version"));
            case GEMINI -> key.equals(seen.header("x-goog-api-key"))
                           || (seen.rawQuery() != null && seen.rawQuery().contains("key=" + key));
            default -> ("Bearer " + key).equals(seen.header("Authorization"));
        };
    }

    static final RetryPolicy FAST = new RetryPolicy(Duration.ofSeconds(3), 3, Duration.ofMillis(20),
                                                    Duration.ofMillis(100), Duration.ofSeconds(5));

    static LlmConfig config(VendorDouble d, Vendor v, RetryPolicy llm, RetryPolicy search) {
        return new LlmConfig(ProviderHttp.create(), llm, search, 4096,
                             Map.of(v.provider, d.url(v.basePath), "tavily", d.url("")), null, Models.DEFAULTS);
    }

    KeyRing keys(Map<String, String> extra) {
        Map<String, String> all = new java.util.HashMap<>(extra);
        all.put(keyName, key);
        return new KeyRing(all, name -> null);
    }

    LlmClient client(VendorDouble d, String searchProvider, Map<String, String> extraKeys, RetryPolicy llm,
                     RetryPolicy search) {
        return LlmProviders.create(provider, model(), this == COMPATIBLE ? d.url(basePath) : null, searchProvider,
                                   keys(extraKeys), config(d, this, llm, search));
    }

    LlmClient client(VendorDouble d, String searchProvider) {
        return client(d, searchProvider, Map.of(), FAST, FAST);
    }

    static Function<String, String> noEnv() {
        return name -> null;
    }
}
