package org.reelflow.catalog;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** The three hex colours an archetype's captions and text cards are drawn with. */
public record Palette(String background, String accent, String text) {

    static Palette fromJson(JsonObject json) {
        return new Palette(json.getString("background"), json.getString("accent"), json.getString("text"));
    }

    public JsonObject toJson() {
        return Json.createObjectBuilder()
                .add("background", background)
                .add("accent", accent)
                .add("text", text)
                .build();
    }
}
