package org.reelflow.providers.llm;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;

import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.ModelChoice;
import org.reelflow.providers.search.SearchSetup;

/**
 * OpenAI: Chat Completions through LangChain4j with a strict {@code json_schema} response format. Native search is
 * the Responses API's {@code web_search} tool (what the reference uses); LangChain4j 1.11 only offers the Responses
 * API as a streaming model without built-in tools, so that one request is made here, on the same HTTP engine.
 */
public final class OpenAiLlm extends AbstractLlmClient {

    public static final String PROVIDER = "openai";
    public static final String KEY = "OPENAI_API_KEY";
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    private final OpenAiChatModel chat;
    private final String baseUrl;
    private final String apiKey;

    public OpenAiLlm(ModelChoice model, String apiKey, SearchSetup search, LlmConfig config) {
        super(PROVIDER, model, apiKey, search, config);
        this.baseUrl = config.baseUrl(PROVIDER, DEFAULT_BASE_URL);
        this.apiKey = apiKey;
        this.chat = chatModel(baseUrl, apiKey, this.model, llmHttp, true);
    }

    /** An OpenAI-protocol chat model on our HTTP engine, LangChain4j's retries off. */
    static OpenAiChatModel chatModel(String baseUrl, String apiKey, String model, LangChainHttp http, boolean strict) {
        return OpenAiChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .modelName(model)
                .strictJsonSchema(strict)
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .build();
    }

    @Override
    protected ChatModel chatModel() {
        return chat;
    }

    @Override
    protected Turn nativeSearch(String system, String user) throws ProviderException, InterruptedException {
        String body = Json.createObjectBuilder()
                .add("model", model)
                .add("instructions", system)
                .add("input", user)
                .add("tools", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "web_search")))
                .build().toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/+$", "") + "/responses"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> res = searchHttp.send(request, config.search());
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(new String(res.body(), StandardCharsets.UTF_8)))) {
            json = reader.readObject();
        } catch (JsonException e) {
            throw new ProviderException(PROVIDER, Kind.MALFORMED_RESPONSE, res.statusCode(),
                                        "openai returned a malformed response: the body was not JSON", null);
        }
        JsonObject u = json.getJsonObject("usage");
        Usage usage = count(u == null ? null : new TokenUsage(u.getInt("input_tokens", 0), u.getInt("output_tokens", 0)));
        StringBuilder text = new StringBuilder();
        Set<String> cited = new LinkedHashSet<>();
        for (JsonValue item : json.getJsonArray("output") == null ? JsonValue.EMPTY_JSON_ARRAY : json.getJsonArray("output")) {
            JsonObject o = item.asJsonObject();
            if (!"message".equals(o.getString("type", "")) || o.getJsonArray("content") == null) {
                continue;
            }
            for (JsonValue c : o.getJsonArray("content")) {
                JsonObject part = c.asJsonObject();
                if ("output_text".equals(part.getString("type", ""))) {
                    text.append(part.getString("text", ""));
                    if (part.getJsonArray("annotations") != null) {
                        part.getJsonArray("annotations").getValuesAs(JsonObject.class).stream()
                                .filter(a -> a.containsKey("url")).forEach(a -> cited.add(a.getString("url")));
                    }
                }
            }
        }
        if (!cited.isEmpty()) {
            text.append("\n\nSources:\n");
            cited.forEach(url -> text.append("- ").append(url).append('\n'));
        }
        return new Turn(text.toString(), usage);
    }
}
