package org.reelflow.score;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * One scene of a plan: what is shown ({@code visualType}, {@code visualPrompt}, {@code motion}), what is said
 * ({@code scriptLine}) and how it joins the next scene ({@code transition}, null = the archetype's default).
 */
public record Scene(String visualType, String visualPrompt, String motion, String scriptLine, String transition) {

    public int wordCount() {
        return Words.count(scriptLine);
    }

    public Scene withScriptLine(String line) {
        return new Scene(visualType, visualPrompt, motion, line, transition);
    }

    public Scene withVisual(String type, String prompt) {
        return new Scene(type, prompt, motion, scriptLine, transition);
    }

    /** Snake_case as in OpenReels; {@code transition} is always present, JSON null when unset. */
    public JsonObject toJson() {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("visual_type", visualType)
                .add("visual_prompt", visualPrompt)
                .add("motion", motion)
                .add("script_line", scriptLine);
        if (transition == null) {
            b.addNull("transition");
        } else {
            b.add("transition", transition);
        }
        return b.build();
    }
}
