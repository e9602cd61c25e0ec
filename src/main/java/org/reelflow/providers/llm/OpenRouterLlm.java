package org.reelflow.providers.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

import org.reelflow.providers.ModelChoice;
import org.reelflow.providers.search.SearchSetup;

/** OpenRouter: the OpenAI protocol at its own base URL. No native search; Tavily when configured. */
public final class OpenRouterLlm extends AbstractLlmClient {

    public static final String PROVIDER = "openrouter";
    public static final String KEY = "OPENROUTER_API_KEY";
    public static final String DEFAULT_BASE_URL = "https://openrouter.ai/api/v1";

    private final OpenAiChatModel chat;

    public OpenRouterLlm(ModelChoice model, String apiKey, SearchSetup search, LlmConfig config) {
        super(PROVIDER, model, apiKey, search, config);
        this.chat = OpenAiLlm.chatModel(config.baseUrl(PROVIDER, DEFAULT_BASE_URL), apiKey, this.model, llmHttp, false);
    }

    @Override
    protected ChatModel chatModel() {
        return chat;
    }
}
