package org.reelflow.providers;

import java.util.List;
import java.util.Locale;

/**
 * A model or voice id as a job uses it, with the setting that chose it, so a vendor that does not serve it can be
 * reported as exactly that: the id named, and what to change.
 *
 * @param id      what the vendor is asked for, e.g. {@code gemini-3.8-flash}
 * @param noun    "model" or "voice"
 * @param setting how to change it, e.g. {@code providers.models.llm.gemini (PROVIDERS_MODELS_LLM_GEMINI)}
 */
public record ModelChoice(String id, String noun, String setting) {

    /** Vendors' codes for an id they do not serve, whatever the status (ElevenLabs has sent 400 and 404). */
    static final List<String> NOT_SERVED = List.of("model_not_found", "voice_not_found", "voice_does_not_exist",
                                                   "is not a valid model");

    /** The job's own {@code providers.<field>} chose it (OpenReels' {@code llmModel}, {@code videoModel}). */
    public static ModelChoice byJob(String id, String field) {
        return new ModelChoice(id, "model", "the job's providers." + field);
    }

    /** The server's setting for {@code model}. */
    public static ModelChoice configured(Model model, String id) {
        return new ModelChoice(id, model.noun(), model.key() + " (" + model.env() + ")");
    }

    /** The failure a vendor's refusal of this id becomes: the id, why, and the setting to change. */
    public ProviderException notServed(String provider, int status, String why, Throwable cause) {
        return new ProviderException(provider, ProviderException.Kind.NOT_SERVED, status,
                                     provider + " does not serve the " + noun + " " + id + " (" + why + "). Change "
                                     + setting + ".", cause);
    }

    /**
     * {@code e}, or — when the vendor answered that it does not serve this id — the failure that names it and its
     * setting. Call it only on requests that name this id, so a 404 there is about the id: Google's
     * {@code NOT_FOUND}, OpenAI's {@code model_not_found}, Anthropic's {@code not_found_error}, ElevenLabs'
     * {@code voice_not_found} (and its 402 {@code paid_plan_required} for a Voice Library voice on a free plan),
     * OpenRouter's "is not a valid model ID". A bare 404 that names neither the id nor a not-found code (a wrong
     * base URL's page) stays what it was.
     */
    public ProviderException explain(ProviderException e) {
        if (e.kind() != ProviderException.Kind.BAD_REQUEST || e.getMessage() == null) {
            return e;
        }
        String m = e.getMessage().toLowerCase(Locale.ROOT);
        boolean notServed = (e.status() == 404 && (m.contains("not_found") || m.contains(id.toLowerCase(Locale.ROOT))))
                            || NOT_SERVED.stream().anyMatch(m::contains)
                            || (e.status() == 402 && m.contains("paid_plan_required"));
        if (!notServed) {
            return e;
        }
        String why = e.status() == 402 ? "HTTP 402 paid_plan_required: a Voice Library voice needs a paid plan"
                : "HTTP " + e.status();
        return notServed(e.provider(), e.status(), why, e);
    }
}
