package org.reelflow.providers.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;

import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ModelChoice;
import org.reelflow.providers.search.SearchSetup;

/**
 * Google's Gemini API ({@code models/<m>:generateContent}, key in {@code x-goog-api-key}) through LangChain4j;
 * structured output via {@code responseSchema}; native search is the {@code googleSearch} tool.
 */
public final class GeminiLlm extends AbstractLlmClient {

    public static final String PROVIDER = "gemini";
    public static final String KEY = "GOOGLE_API_KEY";
    public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";

    private final GoogleAiGeminiChatModel chat;
    private final GoogleAiGeminiChatModel searching;

    public GeminiLlm(ModelChoice model, String apiKey, SearchSetup search, LlmConfig config) {
        super(PROVIDER, model, apiKey, search, config);
        String baseUrl = config.baseUrl(PROVIDER, DEFAULT_BASE_URL);
        this.chat = builder(baseUrl, apiKey, llmHttp).build();
        this.searching = builder(baseUrl, apiKey, searchHttp).allowGoogleSearch(true).build();
    }

    private GoogleAiGeminiChatModel.GoogleAiGeminiChatModelBuilder builder(String baseUrl, String apiKey,
                                                                           LangChainHttp http) {
        return GoogleAiGeminiChatModel.builder()
                .httpClientBuilder(http)
                .baseUrl(baseUrl)
                .apiKey(apiKey)
                .modelName(model)
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
