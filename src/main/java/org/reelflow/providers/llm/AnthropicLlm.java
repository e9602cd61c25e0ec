package org.reelflow.providers.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicServerTool;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ModelChoice;
import org.reelflow.providers.search.SearchSetup;

/**
 * Anthropic's Messages API through LangChain4j ({@code x-api-key} + {@code anthropic-version}); structured output
 * via {@code output_config}; native search is the {@code web_search_20250305} server tool, at most five uses.
 */
public final class AnthropicLlm extends AbstractLlmClient {

    public static final String PROVIDER = "anthropic";
    public static final String KEY = "ANTHROPIC_API_KEY";
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com/v1/";
    static final int MAX_SEARCHES = 5;

    private final AnthropicChatModel chat;
    private final AnthropicChatModel searching;

    public AnthropicLlm(ModelChoice model, String apiKey, SearchSetup search, LlmConfig config) {
        super(PROVIDER, model, apiKey, search, config);
        String baseUrl = config.baseUrl(PROVIDER, DEFAULT_BASE_URL);
        this.chat = builder(baseUrl, apiKey, llmHttp).build();
        this.searching = builder(baseUrl, apiKey, searchHttp)
                .serverTools(AnthropicServerTool.builder().type("web_search_20250305").name("web_search")
                                     .addAttribute("max_uses", MAX_SEARCHES).build())
                .build();
    }

    private AnthropicChatModel.AnthropicChatModelBuilder builder(String baseUrl, String apiKey, LangChainHttp http) {
        return AnthropicChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .modelName(model)
                .maxTokens(config.maxOutputTokens())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false);
    }

    @Override
    protected ChatModel chatModel() {
        return chat;
    }

    @Override
    protected Turn nativeSearch(String system, String user) throws ProviderException, InterruptedException {
        ChatRequest request = ChatRequest.builder().messages(SystemMessage.from(system), UserMessage.from(user)).build();
        ChatResponse response = searchHttp.call(() -> searching.chat(request));
        return new Turn(response.aiMessage().text(), count(response.tokenUsage()));
    }
}
