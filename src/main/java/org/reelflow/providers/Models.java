package org.reelflow.providers;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The model and voice ids in use: each {@link Model}'s default unless {@code providers.models.*} sets it, and a job's
 * own choice on top ({@link #with}). Every provider client takes its ids from here, with the setting that chose them.
 */
public final class Models {

    /** The defaults of {@link Model}, nothing configured. */
    public static final Models DEFAULTS = from(key -> Optional.empty());

    private final Map<Model, ModelChoice> choices;

    private Models(Map<Model, ModelChoice> choices) {
        this.choices = choices;
    }

    /**
     * Reads {@code providers.models.<role>.<vendor>} for every {@link Model} from {@code config} (e.g. a Helidon
     * {@code Config} lookup returning the value as text); a blank or absent key keeps the default.
     */
    public static Models from(Function<String, Optional<String>> config) {
        Map<Model, ModelChoice> m = new EnumMap<>(Model.class);
        for (Model model : Model.values()) {
            String id = config.apply(model.key()).map(String::trim).filter(s -> !s.isEmpty()).orElse(model.defaultId());
            m.put(model, ModelChoice.configured(model, id));
        }
        return new Models(m);
    }

    public ModelChoice choice(Model model) {
        return choices.get(model);
    }

    public String id(Model model) {
        return choices.get(model).id();
    }

    /** A copy in which {@code model} is {@code choice} (a job's own model, or a fallback). */
    public Models with(Model model, ModelChoice choice) {
        Map<Model, ModelChoice> m = new EnumMap<>(choices);
        m.put(model, choice);
        return new Models(m);
    }

    @Override
    public String toString() {
        return "Models" + choices.values().stream().map(ModelChoice::id).toList();
    }
}
