package org.reelflow.catalog;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * A visual style: how scenes are paced, captioned, coloured and drawn. The prose fields ({@code artStyle} …
 * {@code visualColorPalette}) are the "style bible" handed to image prompting.
 */
public record Archetype(String name,
                        String scenePacing,
                        String captionStyle,
                        int captionChunkSize,
                        double captionLingerS,
                        Palette colorPalette,
                        String textCardFont,
                        double motionIntensity,
                        String defaultTransition,
                        int transitionDurationFrames,
                        String artStyle,
                        String lighting,
                        String compositionRules,
                        String culturalMarkers,
                        String mood,
                        String antiArtifactGuidance,
                        List<String> visualColorPalette) {

    /** OpenReels' caption defaults, used by the files (all moderate ones) that leave chunk/linger out. */
    public static final int DEFAULT_CAPTION_CHUNK_SIZE = 5;
    public static final double DEFAULT_CAPTION_LINGER_S = 0.3;
    /** Used by the renderer when an archetype names no transition length. */
    public static final int DEFAULT_TRANSITION_DURATION_FRAMES = 15;

    public Archetype {
        visualColorPalette = List.copyOf(visualColorPalette);
    }

    /** Reads one archetype file (camelCase keys, as in OpenReels); the name comes from the registry, not the file. */
    static Archetype fromJson(String name, JsonObject json) {
        return new Archetype(name,
                             json.getString("scenePacing"),
                             json.getString("captionStyle"),
                             json.getInt("captionChunkSize", DEFAULT_CAPTION_CHUNK_SIZE),
                             json.containsKey("captionLingerS")
                                     ? json.getJsonNumber("captionLingerS").doubleValue()
                                     : DEFAULT_CAPTION_LINGER_S,
                             Palette.fromJson(json.getJsonObject("colorPalette")),
                             json.getString("textCardFont"),
                             json.getJsonNumber("motionIntensity").doubleValue(),
                             json.getString("defaultTransition", "none"),
                             json.getInt("transitionDurationFrames", DEFAULT_TRANSITION_DURATION_FRAMES),
                             json.getString("artStyle"),
                             json.getString("lighting"),
                             json.getString("compositionRules"),
                             json.getString("culturalMarkers"),
                             json.getString("mood"),
                             json.getString("antiArtifactGuidance"),
                             json.getJsonArray("visualColorPalette").getValuesAs(JsonString.class).stream()
                                     .map(JsonString::getString)
                                     .toList());
    }

    /** One item of {@code GET /api/v1/archetypes}, with exactly the fields and order OpenReels returns. */
    public JsonObject toApiJson() {
        var colours = Json.createArrayBuilder();
        visualColorPalette.forEach(colours::add);
        return Json.createObjectBuilder()
                .add("name", name)
                .add("captionStyle", captionStyle)
                .add("artStyle", artStyle)
                .add("mood", mood)
                .add("colorPalette", colorPalette.toJson())
                .add("visualColorPalette", colours)
                .add("scenePacing", scenePacing)
                .add("motionIntensity", motionIntensity)
                .build();
    }
}
