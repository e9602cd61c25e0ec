package org.reelflow.providers.llm;

import java.io.StringReader;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

import org.reelflow.providers.ModelChoice;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.search.SearchHit;
import org.reelflow.providers.search.SearchMode;
import org.reelflow.providers.search.SearchSetup;
import org.reelflow.providers.search.WebSearch;

/**
 * OpenReels' {@code BaseLLM.generate}, once for every vendor. Without search: one structured call (a research call
 * is told it has no web search). With search: pass 1 gathers facts as free text (the vendor's native tool, or
 * Tavily as a function the model may call for up to five steps); a vendor that refuses tools falls back to the
 * single structured call; pass 2 structures the text, up to three attempts with the reason fed back. Usage is summed.
 */
public abstract class AbstractLlmClient implements LlmClient {

    static final String NO_SEARCH_SUFFIX = "\n\nYou do not have access to web search. Use your training knowledge "
            + "to answer as accurately as you can, and do not invent sources.";
    static final String EXTRACTOR_SYSTEM = "You are a data extraction assistant. Structure the research notes you "
            + "are given into the requested JSON format. Use only information present in the notes; keep every "
            + "source URL they cite. Answer with the JSON object only.";
    static final int MAX_STRUCTURE_RETRIES = 2;
    static final int MAX_TOOL_STEPS = 5;
    /** Error text of vendors (and OpenAI-compatible servers) that cannot take tools. */
    static final List<String> TOOLS_UNSUPPORTED = List.of("tools_not_supported", "tool_use", "tool calls",
            "tool_calls", "function_call", "function calling", "does not support tools", "tools are not supported",
            "tools is not supported", "tool use is not supported");

    private static final System.Logger LOG = System.getLogger(AbstractLlmClient.class.getName());
    private static final ToolSpecification WEB_SEARCH_TOOL = ToolSpecification.builder()
            .name("web_search")
            .description("Search the web for current, factual information. Returns up to 5 results with title, "
                         + "url and content.")
            .parameters(JsonObjectSchema.builder().addStringProperty("query", "The search query").required("query")
                                .build())
            .build();

    protected final String provider;
    protected final String model;
    protected final SearchSetup search;
    protected final LlmConfig config;
    /** Structured calls and tool-loop steps. */
    protected final LangChainHttp llmHttp;
    /** Native web-search passes (slower, so their own timeout). */
    protected final LangChainHttp searchHttp;
    private final AtomicLong inputTokens = new AtomicLong();
    private final AtomicLong outputTokens = new AtomicLong();

    protected AbstractLlmClient(String provider, ModelChoice model, String apiKey, SearchSetup search, LlmConfig config) {
        this.provider = provider;
        this.model = model.id();
        this.search = search;
        this.config = config;
        this.llmHttp = new LangChainHttp(provider, config.http(), config.llm(), config.listener(), apiKey, model);
        this.searchHttp = new LangChainHttp(provider, config.http(), config.search(), config.listener(), apiKey, model);
    }

    /** The model for structured calls and tool loops, built on {@link #llmHttp} with LangChain4j's retries off. */
    protected abstract ChatModel chatModel();

    /** Pass 1 with the vendor's own search tool; only called when {@link #search} is NATIVE. */
    protected Turn nativeSearch(String system, String user) throws ProviderException, InterruptedException {
        throw new IllegalStateException(provider + " has no native web search");
    }

    /** Free text and the tokens it cost. */
    protected record Turn(String text, Usage usage) {
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public SearchSetup search() {
        return search;
    }

    @Override
    public Usage usage() {
        return new Usage(inputTokens.get(), outputTokens.get());
    }

    @Override
    public <T> LlmResult<T> generate(String system, String user, OutputSchema<T> schema, boolean webSearch)
            throws ProviderException, InterruptedException {
        if (!webSearch || search.mode() == SearchMode.NONE) {
            return single(webSearch ? system + NO_SEARCH_SUFFIX : system, user, schema);
        }
        Turn found;
        try {
            found = search.mode() == SearchMode.NATIVE ? nativeSearch(system, user)
                    : toolLoop(system, user, search.tool());
        } catch (ProviderException e) {
            if (!toolsUnsupported(e)) {
                throw e;
            }
            LOG.log(Level.WARNING, provider + " (" + model + ") cannot use tools; researching without web search");
            return single(system + NO_SEARCH_SUFFIX, user, schema);
        }
        if (found.text() == null || found.text().isBlank()) {
            throw new ProviderException(provider, Kind.MALFORMED_RESPONSE, 0,
                                        provider + " web search returned no text");
        }
        Usage usage = found.usage();
        String failure = null;
        for (int attempt = 0; ; attempt++) {
            String extraction = user + "\n\n## Research notes\n\n" + found.text().strip()
                                + (failure == null ? "" : "\n\nPREVIOUS ATTEMPT FAILED: " + failure + ". Fix the issue.");
            Structured<T> s = structured(EXTRACTOR_SYSTEM, extraction, schema);
            usage = usage.plus(s.usage);
            if (s.failure == null) {
                return new LlmResult<>(s.value, s.json, usage);
            }
            failure = s.failure;
            if (attempt >= MAX_STRUCTURE_RETRIES) {
                throw invalid(schema, failure);
            }
        }
    }

    private <T> LlmResult<T> single(String system, String user, OutputSchema<T> schema)
            throws ProviderException, InterruptedException {
        Structured<T> s = structured(system, user, schema);
        if (s.failure != null) {
            throw invalid(schema, s.failure);
        }
        return new LlmResult<>(s.value, s.json, s.usage);
    }

    private ProviderException invalid(OutputSchema<?> schema, String failure) {
        return new ProviderException(provider, Kind.MALFORMED_RESPONSE, 0, llmHttp.redact(
                provider + " returned output that does not match the " + schema.name() + " schema: " + failure));
    }

    /** The outcome of one structured request: a value, or why the answer was rejected (tokens counted either way). */
    private record Structured<T>(T value, JsonObject json, String failure, Usage usage) {
    }

    private <T> Structured<T> structured(String system, String user, OutputSchema<T> schema)
            throws ProviderException, InterruptedException {
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(system), UserMessage.from(user))
                .responseFormat(Schemas.responseFormat(schema))
                .build();
        ChatResponse response = llmHttp.call(() -> chatModel().chat(request));
        Usage usage = count(response.tokenUsage());
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        JsonObject json;
        try {
            json = parseObject(text);
        } catch (IllegalArgumentException e) {
            return new Structured<>(null, null, e.getMessage(), usage);
        }
        try {
            return new Structured<>(schema.reader().read(json), json, null, usage);
        } catch (OutputSchema.InvalidOutputException e) {
            return new Structured<>(null, json, e.getMessage(), usage);
        }
    }

    /** Pass 1 with Tavily: the model may call {@code web_search} for up to five steps; the last step's text wins. */
    private Turn toolLoop(String system, String user, WebSearch tool) throws ProviderException, InterruptedException {
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(system), UserMessage.from(user)));
        Usage usage = Usage.ZERO;
        String text = null;
        for (int step = 0; step < MAX_TOOL_STEPS; step++) {
            ChatRequest request = ChatRequest.builder().messages(List.copyOf(messages))
                    .toolSpecifications(WEB_SEARCH_TOOL).build();
            ChatResponse response = llmHttp.call(() -> chatModel().chat(request));
            usage = usage.plus(count(response.tokenUsage()));
            AiMessage ai = response.aiMessage();
            text = ai.text();
            if (!ai.hasToolExecutionRequests()) {
                break;
            }
            messages.add(ai);
            for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
                messages.add(ToolExecutionResultMessage.from(call, runSearch(tool, call)));
            }
        }
        return new Turn(text, usage);
    }

    /** A failed query is told to the model (it can go on from what it knows); a bad key or a cancel stops the call. */
    private String runSearch(WebSearch tool, ToolExecutionRequest call) throws ProviderException, InterruptedException {
        String query;
        try {
            query = parseObject(call.arguments()).getString("query");
        } catch (RuntimeException e) {
            return "{\"error\":\"web_search needs a JSON argument {\\\"query\\\": string}\"}";
        }
        try {
            JsonArrayBuilder results = Json.createArrayBuilder();
            for (SearchHit hit : tool.search(query)) {
                results.add(Json.createObjectBuilder().add("title", hit.title()).add("url", hit.url())
                                    .add("content", hit.content()));
            }
            return Json.createObjectBuilder().add("query", query).add("results", results).build().toString();
        } catch (ProviderException e) {
            if (e.kind() == Kind.AUTH) {
                throw e;
            }
            return Json.createObjectBuilder().add("error", "Search failed: " + e.getMessage()).build().toString();
        }
    }

    /** Tokens of one response, added to this client's running total. */
    protected Usage count(TokenUsage t) {
        Usage u = t == null ? Usage.ZERO : new Usage(t.inputTokenCount() == null ? 0 : t.inputTokenCount(),
                                                     t.outputTokenCount() == null ? 0 : t.outputTokenCount());
        inputTokens.addAndGet(u.inputTokens());
        outputTokens.addAndGet(u.outputTokens());
        return u;
    }

    static boolean toolsUnsupported(ProviderException e) {
        if (e.kind() == Kind.AUTH || e.kind() == Kind.TIMEOUT || e.kind() == Kind.NETWORK) {
            return false;
        }
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return TOOLS_UNSUPPORTED.stream().anyMatch(m::contains);
    }

    /**
     * The JSON object in a model's answer. Models without schema support sometimes wrap it in a Markdown fence or
     * a sentence, so the outermost braces are taken.
     */
    static JsonObject parseObject(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the answer was empty");
        }
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("the answer was not a JSON object");
        }
        try (var reader = Json.createReader(new StringReader(text.substring(start, end + 1)))) {
            JsonValue v = reader.readValue();
            return v.asJsonObject();
        } catch (JsonException | ClassCastException e) {
            throw new IllegalArgumentException("the answer was not valid JSON");
        }
    }
}
