package org.reelflow.providers.llm;

import org.reelflow.providers.ProviderException;
import org.reelflow.providers.search.SearchSetup;

/**
 * One LLM vendor, OpenReels' {@code LLMProvider.generate}: a system prompt and a user message in, JSON of a given
 * schema out, with token usage. With {@code webSearch} the call first gathers facts with the job's search mode
 * (native tool, Tavily, or none) and then structures them (two passes), as the reference does.
 *
 * <p>Every request is bounded by the configured {@link org.reelflow.providers.http.RetryPolicy}; failures end in a
 * {@link ProviderException} whose message never contains an API key. Interrupting the calling thread aborts the
 * request in flight and the call throws {@link InterruptedException}.
 */
public interface LlmClient {

    /** The provider key: {@code anthropic}, {@code openai}, {@code gemini}, {@code openrouter}, {@code openai-compatible}. */
    String provider();

    /** The model every request names. */
    String model();

    /** How {@code webSearch} calls find facts for this client. */
    SearchSetup search();

    /**
     * One structured call.
     *
     * @throws ProviderException {@code MALFORMED_RESPONSE} when the answer is not JSON of the schema (the message says
     *                           why, fit to feed back to the model), other kinds for transport and vendor errors
     */
    <T> LlmResult<T> generate(String system, String user, OutputSchema<T> schema, boolean webSearch)
            throws ProviderException, InterruptedException;

    /** Every token this client's requests have consumed so far, including answers that were then rejected. */
    Usage usage();
}
