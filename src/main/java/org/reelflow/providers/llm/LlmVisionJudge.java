package org.reelflow.providers.llm;

import java.nio.file.Path;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;

import org.reelflow.providers.stock.VisionJudge;

/**
 * OpenReels' stock verifier ({@code stock-verifier.ts}) on the job's LLM: a strict judge sees the picture (a clip's
 * frame is taken by the resolver) with the requested visual and the narration, and answers
 * {@code {relevant, confidence, reason}}. The threshold is the resolver's; an error here makes the candidate
 * unverified there.
 */
public final class LlmVisionJudge implements VisionJudge {

    static final String SYSTEM = """
            You are a strict visual relevance judge for short-form video production. You are shown one stock photo \
            (or one frame of a stock clip) and the visual a scene asked for. Decide whether the picture clearly shows \
            the requested subject and setting, so that a viewer hearing the narration would find it fitting.
            Be strict: generic, loosely related, or merely same-colour pictures are NOT relevant. Visible text, \
            watermarks, logos or an obviously wrong place, era or subject make it NOT relevant.
            Answer with JSON: relevant (boolean), confidence (0 to 1, how sure you are that it fits), reason \
            (one short sentence saying what the picture actually shows).""";

    static final OutputSchema<Verdict> SCHEMA = new OutputSchema<>("stock_verdict", Json.createObjectBuilder()
            .add("type", "object")
            .add("properties", Json.createObjectBuilder()
                    .add("relevant", Json.createObjectBuilder().add("type", "boolean"))
                    .add("confidence", Json.createObjectBuilder().add("type", "number")
                            .add("description", "0 to 1"))
                    .add("reason", Json.createObjectBuilder().add("type", "string")))
            .add("required", Json.createArrayBuilder().add("relevant").add("confidence").add("reason"))
            .add("additionalProperties", false)
            .build(), LlmVisionJudge::read);

    private final LlmClient client;

    public LlmVisionJudge(LlmClient client) {
        this.client = client;
    }

    @Override
    public Verdict judge(Path image, String requestedVisual, String narration) throws Exception {
        String user = "Requested visual: " + requestedVisual + "\nNarration context: " + (narration == null ? "" : narration);
        return VisionCalls.generate(client, SYSTEM, user, image, SCHEMA).value();
    }

    static Verdict read(JsonObject json) throws OutputSchema.InvalidOutputException {
        if (!(json.get("relevant") instanceof jakarta.json.JsonValue v)
            || (v != jakarta.json.JsonValue.TRUE && v != jakarta.json.JsonValue.FALSE)) {
            throw new OutputSchema.InvalidOutputException("relevant must be a boolean");
        }
        if (!(json.get("confidence") instanceof JsonNumber n) || n.doubleValue() < 0 || n.doubleValue() > 1) {
            throw new OutputSchema.InvalidOutputException("confidence must be a number from 0 to 1");
        }
        return new Verdict(v == jakarta.json.JsonValue.TRUE, n.doubleValue(), json.getString("reason", ""));
    }
}
