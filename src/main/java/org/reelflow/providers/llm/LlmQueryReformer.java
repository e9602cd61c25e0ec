package org.reelflow.providers.llm;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.reelflow.providers.stock.QueryReformer;

/** OpenReels' {@code reformulateStockQuery} on the job's LLM: 2–3 short, proper-noun-free stock search queries. */
public final class LlmQueryReformer implements QueryReformer {

    static final String SYSTEM = """
            You write stock footage search queries. A scene's visual description found nothing usable on stock photo \
            and video libraries. Rewrite it as 2 or 3 alternative search queries of 3 to 5 plain words each: concrete, \
            visual, generic nouns and settings that a stock library is likely to have. No proper nouns, brand names, \
            people's names, dates or text to display. Answer with JSON: queries (array of strings).""";

    static final OutputSchema<List<String>> SCHEMA = new OutputSchema<>("stock_queries", Json.createObjectBuilder()
            .add("type", "object")
            .add("properties", Json.createObjectBuilder().add("queries", Json.createObjectBuilder().add("type", "array")
                    .add("items", Json.createObjectBuilder().add("type", "string"))))
            .add("required", Json.createArrayBuilder().add("queries"))
            .add("additionalProperties", false)
            .build(), LlmQueryReformer::read);

    private final LlmClient client;

    public LlmQueryReformer(LlmClient client) {
        this.client = client;
    }

    @Override
    public List<String> reformulate(String visual, String narration) throws Exception {
        String user = "Visual description: " + visual + "\nNarration: " + (narration == null ? "" : narration);
        return client.generate(SYSTEM, user, SCHEMA, false).value();
    }

    static List<String> read(JsonObject json) throws OutputSchema.InvalidOutputException {
        if (!(json.get("queries") instanceof JsonArray a) || a.isEmpty()) {
            throw new OutputSchema.InvalidOutputException("queries must be a non-empty array of strings");
        }
        List<String> out = a.stream().filter(v -> v instanceof JsonString).map(v -> ((JsonString) v).getString().strip())
                .filter(s -> !s.isEmpty()).limit(3).toList();
        if (out.isEmpty()) {
            throw new OutputSchema.InvalidOutputException("queries must hold at least one non-empty string");
        }
        return out;
    }
}
