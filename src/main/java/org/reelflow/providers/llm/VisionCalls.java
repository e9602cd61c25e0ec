package org.reelflow.providers.llm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

import jakarta.json.JsonObject;

import dev.langchain4j.data.message.ImageContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;

/**
 * A structured call whose user message carries a picture (LangChain4j's {@link ImageContent}, inline base64), on
 * the same client, HTTP bounds and token count as the job's other LLM calls. {@link LlmClient#generate} sends text
 * only; this is its vision sibling, kept beside it so it can use the client's model and {@code ProviderHttp}.
 */
public final class VisionCalls {

    private VisionCalls() {
    }

    /** Whether {@code client} can take a picture through {@link #generate}. */
    public static boolean supports(LlmClient client) {
        return client instanceof AbstractLlmClient;
    }

    /**
     * One structured call with {@code image} after the text.
     *
     * @throws ProviderException {@code MALFORMED_RESPONSE} when the answer does not fit the schema
     * @throws UnsupportedOperationException when the client cannot send pictures
     */
    public static <T> LlmResult<T> generate(LlmClient client, String system, String user, Path image, OutputSchema<T> schema)
            throws ProviderException, InterruptedException, IOException {
        if (!(client instanceof AbstractLlmClient c)) {
            throw new UnsupportedOperationException(client.provider() + " cannot be sent a picture");
        }
        String data = Base64.getEncoder().encodeToString(Files.readAllBytes(image));
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(system),
                          UserMessage.from(TextContent.from(user), ImageContent.from(data, mimeType(image))))
                .responseFormat(Schemas.responseFormat(schema))
                .build();
        ChatResponse response = c.llmHttp.call(() -> c.chatModel().chat(request));
        Usage usage = c.count(response.tokenUsage());
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        JsonObject json;
        try {
            json = AbstractLlmClient.parseObject(text);
            return new LlmResult<>(schema.reader().read(json), json, usage);
        } catch (IllegalArgumentException | OutputSchema.InvalidOutputException e) {
            throw new ProviderException(c.provider(), Kind.MALFORMED_RESPONSE, 0, c.llmHttp.redact(
                    c.provider() + " returned output that does not match the " + schema.name() + " schema: " + e.getMessage()));
        }
    }

    static String mimeType(Path image) {
        String name = image.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".webp")) {
            return "image/webp";
        }
        return "image/jpeg";
    }
}
