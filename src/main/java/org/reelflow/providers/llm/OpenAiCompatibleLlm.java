package org.reelflow.providers.llm;

import java.util.Objects;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

import org.reelflow.providers.ModelChoice;
import org.reelflow.providers.search.SearchSetup;

/**
 * Any server speaking the OpenAI Chat Completions protocol at a custom base URL (e.g. a local Ollama at
 * {@code http://localhost:11434/v1}). The key is optional: without one no Authorization header is sent.
 */
public final class OpenAiCompatibleLlm extends AbstractLlmClient {

    public static final String PROVIDER = "openai-compatible";
    public static final String KEY = "OPENREELS_LLM_API_KEY";
    public static final String BASE_URL_VAR = "OPENREELS_LLM_BASE_URL";
    public static final String MODEL_VAR = "OPENREELS_LLM_MODEL";

    private final OpenAiChatModel chat;

    /** @param apiKey null when the server needs none */
    public OpenAiCompatibleLlm(ModelChoice model, String baseUrl, String apiKey, SearchSetup search, LlmConfig config) {
        super(PROVIDER, Objects.requireNonNull(model, "model"), apiKey, search, config);
        this.chat = OpenAiLlm.chatModel(Objects.requireNonNull(baseUrl, "baseUrl"), apiKey, this.model, llmHttp, false);
    }

    @Override
    protected ChatModel chatModel() {
        return chat;
    }
}
