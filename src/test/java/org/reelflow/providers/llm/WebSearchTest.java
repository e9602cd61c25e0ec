package org.reelflow.providers.llm;

import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.support.VendorDouble.Reply;
import org.reelflow.providers.search.SearchMode;
import org.reelflow.support.VendorDouble;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.reelflow.providers.llm.LlmClientContractTest.ANSWER;

/**
 * Research calls with web search: each vendor's native tool, Tavily as a function the model calls, the second
 * (structuring) pass with its retries, and the reference's fallbacks.
 */
class WebSearchTest {

    static final String SYSTEM = "You research topics.";
    static final String USER = "Research this topic for a short-form video script: the colour of the sky";
    static final String FOUND = "Rayleigh scattering makes the sky blue (https://example.org/rayleigh).";

    VendorDouble d;

    @BeforeEach
    void start() throws Exception {
        d = new VendorDouble();
    }

    @AfterEach
    void stop() {
        d.close();
    }

    @Test
    void anthropicSearchesWithItsServerToolThenStructures() throws Exception {
        String searched = Json.createObjectBuilder().add("id", "msg_01").add("type", "message").add("role", "assistant")
                .add("model", "claude-sonnet-4-6")
                .add("content", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "server_tool_use").add("id", "srvtoolu_01")
                                     .add("name", "web_search").add("input", Json.createObjectBuilder().add("query", "sky colour")))
                        .add(Json.createObjectBuilder().add("type", "web_search_tool_result").add("tool_use_id", "srvtoolu_01")
                                     .add("content", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                             .add("type", "web_search_result").add("url", "https://example.org/rayleigh")
                                             .add("title", "Rayleigh").add("encrypted_content", "Eo8B...").addNull("page_age"))))
                        .add(Json.createObjectBuilder().add("type", "text").add("text", FOUND)))
                .add("stop_reason", "end_turn").addNull("stop_sequence")
                .add("usage", Json.createObjectBuilder().add("input_tokens", 1500).add("output_tokens", 300)
                        .add("server_tool_use", Json.createObjectBuilder().add("web_search_requests", 1)))
                .build().toString();
        d.then(Reply.ok(searched), Reply.ok(Vendor.ANTHROPIC.answer("{\"answer\":\"blue\"}", 400, 20)));
        LlmClient client = Vendor.ANTHROPIC.client(d, null);
        assertThat(client.search().mode(), is(SearchMode.NATIVE));

        LlmResult<String> r = client.generate(SYSTEM, USER, ANSWER, true);

        assertThat(r.value(), is("blue"));
        assertThat(r.usage(), is(new Usage(1900, 320)));
        JsonObject pass1 = d.seen.get(0).json();
        JsonObject tool = pass1.getJsonArray("tools").getJsonObject(0);
        assertThat(tool.getString("type"), is("web_search_20250305"));
        assertThat(tool.getString("name"), is("web_search"));
        assertThat(tool.getInt("max_uses"), is(5));
        assertThat(pass1.containsKey("output_config"), is(false));
        JsonObject pass2 = d.seen.get(1).json();
        assertThat(pass2.containsKey("tools"), is(false));
        assertThat(pass2.getJsonObject("output_config").getJsonObject("format").getString("type"), is("json_schema"));
        assertThat(d.seen.get(1).text(), containsString("data extraction assistant"));
        assertThat(d.seen.get(1).text(), containsString("## Research notes"));
        assertThat(d.seen.get(1).text(), containsString("Rayleigh scattering"));
    }

    @Test
    void geminiSearchesWithGoogleSearchAndRetriesStructuringWithTheReason() throws Exception {
        d.then(Reply.ok(Vendor.GEMINI.answer(FOUND, 100, 50)),
               Reply.ok(Vendor.GEMINI.answer("{\"answer\":\"\"}", 10, 5)),
               Reply.ok(Vendor.GEMINI.answer("{\"answer\":\"blue\"}", 10, 5)));
        LlmResult<String> r = Vendor.GEMINI.client(d, "native").generate(SYSTEM, USER, ANSWER, true);

        assertThat(r.value(), is("blue"));
        assertThat(r.usage(), is(new Usage(120, 60)));
        JsonObject pass1 = d.seen.get(0).json();
        // LangChain4j sends one tool object ({"google_search": {}}); Gemini's JSON mapping accepts it for the list.
        assertThat(pass1.getJsonObject("tools").containsKey("google_search"), is(true));
        assertThat(pass1.getJsonObject("generationConfig") == null
                   || !pass1.getJsonObject("generationConfig").containsKey("responseSchema"), is(true));
        assertThat(d.seen.get(1).text(), not(containsString("PREVIOUS ATTEMPT FAILED")));
        assertThat(d.seen.get(2).text(), containsString(
                "PREVIOUS ATTEMPT FAILED: answer: expected a non-empty string. Fix the issue."));
    }

    @Test
    void structuringGivesUpAfterThreeAttempts() {
        d.then(Reply.ok(Vendor.GEMINI.answer(FOUND, 100, 50)), Reply.ok(Vendor.GEMINI.answer("{\"answer\":\"\"}", 10, 5)));
        LlmClient client = Vendor.GEMINI.client(d, null);
        ProviderException e = assertThrows(ProviderException.class, () -> client.generate(SYSTEM, USER, ANSWER, true));
        assertThat(e.kind(), is(Kind.MALFORMED_RESPONSE));
        assertThat(d.seen.size(), is(4));
        assertThat(client.usage(), is(new Usage(130, 65)));
    }

    @Test
    void openAiSearchesThroughTheResponsesApiKeepingCitations() throws Exception {
        String responses = Json.createObjectBuilder().add("id", "resp_67ccd2bed1ec8190").add("object", "response")
                .add("status", "completed").add("model", "gpt-5.4")
                .add("output", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "web_search_call").add("id", "ws_1").add("status", "completed"))
                        .add(Json.createObjectBuilder().add("type", "message").add("id", "msg_1").add("role", "assistant")
                                     .add("content", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                             .add("type", "output_text").add("text", "The sky is blue because of Rayleigh scattering.")
                                             .add("annotations", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                                     .add("type", "url_citation").add("start_index", 0).add("end_index", 10)
                                                     .add("url", "https://example.org/rayleigh").add("title", "Rayleigh")))))))
                .add("usage", Json.createObjectBuilder().add("input_tokens", 800).add("output_tokens", 120)
                        .add("total_tokens", 920))
                .build().toString();
        d.then(Reply.ok(responses), Reply.ok(Vendor.OPENAI.answer("{\"answer\":\"blue\"}", 300, 10)));
        LlmResult<String> r = Vendor.OPENAI.client(d, null).generate(SYSTEM, USER, ANSWER, true);

        assertThat(r.value(), is("blue"));
        assertThat(r.usage(), is(new Usage(1100, 130)));
        VendorDouble.Seen pass1 = d.seen.get(0);
        assertThat(pass1.path(), is("/v1/responses"));
        assertThat(pass1.header("Authorization"), is("Bearer " + Vendor.OPENAI.key));
        assertThat(pass1.json().getString("model"), is("gpt-5.4"));
        assertThat(pass1.json().getString("instructions"), is(SYSTEM));
        assertThat(pass1.json().getString("input"), is(USER));
        assertThat(pass1.json().getJsonArray("tools").getJsonObject(0).getString("type"), is("web_search"));
        assertThat(d.seen.get(1).path(), is("/v1/chat/completions"));
        assertThat(d.seen.get(1).text(), containsString("https://example.org/rayleigh"));
    }

    @Test
    void openAiNativeSearchErrorsUseTheSamePolicy() {
        d.then(Reply.status(401, Vendor.OPENAI.error(401, "Incorrect API key provided: " + Vendor.OPENAI.key)));
        ProviderException e = assertThrows(ProviderException.class,
                                           () -> Vendor.OPENAI.client(d, null).generate(SYSTEM, USER, ANSWER, true));
        assertThat(e.getMessage(), is("Invalid API key for openai (HTTP 401)"));
    }

    static String toolCall(String query) {
        return Json.createObjectBuilder().add("id", "chatcmpl-tool").add("object", "chat.completion")
                .add("created", 1741569952).add("model", "anthropic/claude-sonnet-5.5")
                .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder().add("index", 0)
                        .add("message", Json.createObjectBuilder().add("role", "assistant").addNull("content")
                                .add("tool_calls", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                        .add("id", "call_abc123").add("type", "function")
                                        .add("function", Json.createObjectBuilder().add("name", "web_search")
                                                .add("arguments", "{\"query\":\"" + query + "\"}")))))
                        .add("finish_reason", "tool_calls")))
                .add("usage", Json.createObjectBuilder().add("prompt_tokens", 200).add("completion_tokens", 20)
                        .add("total_tokens", 220))
                .build().toString();
    }

    static String tavilyResults() {
        return Json.createObjectBuilder().add("query", "why is the sky blue").addNull("answer")
                .add("images", Json.createArrayBuilder())
                .add("results", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("title", "Rayleigh scattering").add("url", "https://example.org/rayleigh")
                        .add("content", "Shorter wavelengths scatter more.").add("score", 0.93).addNull("raw_content")))
                .add("response_time", 1.2).build().toString();
    }

    @Test
    void withoutNativeSearchTavilyIsAFunctionTheModelCalls() throws Exception {
        d.then(Reply.ok(toolCall("why is the sky blue")), Reply.ok(tavilyResults()),
               Reply.ok(Vendor.OPENROUTER.answer(FOUND, 400, 60)),
               Reply.ok(Vendor.OPENROUTER.answer("{\"answer\":\"blue\"}", 300, 10)));
        LlmClient client = Vendor.OPENROUTER.client(d, null, Map.of("TAVILY_API_KEY", "tvly-secretFFFF"),
                                                    Vendor.FAST, Vendor.FAST);
        assertThat(client.search().mode(), is(SearchMode.TAVILY));

        LlmResult<String> r = client.generate(SYSTEM, USER, ANSWER, true);

        assertThat(r.value(), is("blue"));
        assertThat(r.usage(), is(new Usage(900, 90)));
        JsonArray tools = d.seen.get(0).json().getJsonArray("tools");
        assertThat(tools.getJsonObject(0).getJsonObject("function").getString("name"), is("web_search"));
        VendorDouble.Seen tavily = d.seen.get(1);
        assertThat(tavily.method(), is("POST"));
        assertThat(tavily.path(), is("/search"));
        assertThat(tavily.header("Authorization"), is("Bearer tvly-secretFFFF"));
        assertThat(tavily.json().getString("query"), is("why is the sky blue"));
        assertThat(tavily.json().getInt("max_results"), is(5));
        JsonArray step2 = d.seen.get(2).json().getJsonArray("messages");
        JsonObject toolResult = step2.getJsonObject(step2.size() - 1);
        assertThat(toolResult.getString("role"), is("tool"));
        assertThat(toolResult.getString("tool_call_id"), is("call_abc123"));
        assertThat(toolResult.getString("content"), containsString("https://example.org/rayleigh"));
        assertThat(d.seen.get(3).json().containsKey("response_format"), is(true));
    }

    @Test
    void aFailedTavilyQueryIsToldToTheModelWhichGoesOn() throws Exception {
        String toolUse = Json.createObjectBuilder().add("id", "msg_02").add("type", "message").add("role", "assistant")
                .add("model", "claude-sonnet-4-6")
                .add("content", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "tool_use")
                        .add("id", "toolu_01A09q90qw90lq917835lq9").add("name", "web_search")
                        .add("input", Json.createObjectBuilder().add("query", "sky"))))
                .add("stop_reason", "tool_use").addNull("stop_sequence")
                .add("usage", Json.createObjectBuilder().add("input_tokens", 10).add("output_tokens", 10)).build().toString();
        String error = "{\"detail\":{\"error\":\"Internal error\"}}";
        d.then(Reply.ok(toolUse), Reply.status(500, error), Reply.status(500, error), Reply.status(500, error),
               Reply.ok(Vendor.ANTHROPIC.answer(FOUND, 10, 10)),
               Reply.ok(Vendor.ANTHROPIC.answer("{\"answer\":\"blue\"}", 10, 10)));
        LlmClient client = Vendor.ANTHROPIC.client(d, "tavily", Map.of("TAVILY_API_KEY", "tvly-secretFFFF"),
                                                   Vendor.FAST, Vendor.FAST);
        assertThat(client.search().mode(), is(SearchMode.TAVILY));

        assertThat(client.generate(SYSTEM, USER, ANSWER, true).value(), is("blue"));

        assertThat(d.seen.get(0).json().getJsonArray("tools").getJsonObject(0).getString("name"), is("web_search"));
        assertThat("Tavily retried by policy", d.seen.subList(1, 4).stream().allMatch(s -> s.path().equals("/search")),
                   is(true));
        assertThat(d.seen.get(4).text(), containsString("Search failed: tavily server error (HTTP 500)"));
        assertThat(d.seen.get(4).text(), containsString("toolu_01A09q90qw90lq917835lq9"));
        assertThat(client.usage(), is(new Usage(30, 30)));
    }

    @Test
    void aRejectedTavilyKeyStopsTheCallNamingTavily() {
        d.then(Reply.ok(toolCall("sky")), Reply.status(401, "{\"detail\":{\"error\":\"Unauthorized: missing or invalid API key.\"}}"));
        LlmClient client = Vendor.OPENROUTER.client(d, "tavily", Map.of("TAVILY_API_KEY", "tvly-secretFFFF"),
                                                    Vendor.FAST, Vendor.FAST);
        ProviderException e = assertThrows(ProviderException.class, () -> client.generate(SYSTEM, USER, ANSWER, true));
        assertThat(e.getMessage(), is("Invalid API key for tavily (HTTP 401)"));
        assertThat(e.getMessage(), not(containsString("tvly-secretFFFF")));
    }

    @Test
    void aModelThatCannotUseToolsResearchesWithoutSearch() throws Exception {
        d.then(Reply.status(400, "{\"error\":{\"message\":\"registry.ollama.ai/library/gemma:2b does not support tools\","
                                 + "\"type\":\"api_error\",\"param\":null,\"code\":null}}"),
               Reply.ok(Vendor.COMPATIBLE.answer("{\"answer\":\"blue\"}", 50, 5)));
        LlmClient client = Vendor.COMPATIBLE.client(d, "tavily", Map.of("TAVILY_API_KEY", "tvly-secretFFFF"),
                                                    Vendor.FAST, Vendor.FAST);
        LlmResult<String> r = client.generate(SYSTEM, USER, ANSWER, true);

        assertThat(r.value(), is("blue"));
        assertThat(d.seen.size(), is(2));
        JsonObject fallback = d.seen.get(1).json();
        assertThat(fallback.containsKey("tools"), is(false));
        assertThat(fallback.getJsonArray("messages").getJsonObject(0).getString("content"),
                   containsString("You do not have access to web search."));
    }

    @Test
    void withoutSearchTheModelIsToldToUseItsTrainingKnowledge() throws Exception {
        d.then(Reply.ok(Vendor.OPENROUTER.answer("{\"answer\":\"blue\"}", 50, 5)));
        LlmClient client = Vendor.OPENROUTER.client(d, null);
        assertThat(client.search().mode(), is(SearchMode.NONE));
        assertThat(client.search().warning(), containsString("TAVILY_API_KEY is not set"));
        client.generate(SYSTEM, USER, ANSWER, true);
        assertThat(d.seen.size(), is(1));
        assertThat(d.seen.getFirst().text(), containsString("You do not have access to web search."));
    }

    @Test
    void callsWithoutWebSearchGetNoSearchNote() throws Exception {
        d.then(Reply.ok(Vendor.ANTHROPIC.answer("{\"answer\":\"blue\"}", 50, 5)));
        Vendor.ANTHROPIC.client(d, null).generate(SYSTEM, USER, ANSWER, false);
        assertThat(d.seen.getFirst().text(), not(containsString("web search")));
        assertThat(d.seen.getFirst().json().containsKey("tools"), is(false));
    }

    @Test
    void anEmptySearchAnswerFails() {
        d.then(Reply.ok(Vendor.GEMINI.answer("", 100, 0)));
        ProviderException e = assertThrows(ProviderException.class,
                                           () -> Vendor.GEMINI.client(d, null).generate(SYSTEM, USER, ANSWER, true));
        assertThat(e.getMessage(), is("gemini web search returned no text"));
    }
}
