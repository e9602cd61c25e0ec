package org.reelflow.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonObject;

/** The archetype registry, loaded once from {@code archetypes/<kebab-name>.json} on the classpath. */
public final class Archetypes {

    /** Registry order = API order = the "Choose from" order the director sees (OpenReels' insertion order). */
    public static final List<String> REGISTRY_ORDER = List.of(
            "editorial_caricature", "warm_narrative", "studio_realism", "infographic", "anime_illustration",
            "pastoral_watercolor", "comic_book", "gothic_fantasy", "vintage_snapshot", "surreal_dreamscape",
            "warm_editorial", "cinematic_documentary", "moody_cinematic", "bold_illustration");

    private final Map<String, Archetype> byName;

    private Archetypes(Map<String, Archetype> byName) {
        this.byName = byName;
    }

    /** Loads every registered archetype; throws {@link IllegalStateException} naming the file if one is missing or broken. */
    public static Archetypes load() {
        Map<String, Archetype> byName = new LinkedHashMap<>();
        for (String name : REGISTRY_ORDER) {
            String path = "archetypes/" + name.replace('_', '-') + ".json";
            try {
                byName.put(name, Archetype.fromJson(name, (JsonObject) CatalogResources.read(path)));
            } catch (ClassCastException | NullPointerException e) {
                throw new IllegalStateException("Invalid archetype file " + path + ": " + e.getMessage(), e);
            }
        }
        return new Archetypes(byName);
    }

    public List<Archetype> all() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        return REGISTRY_ORDER;
    }

    public Optional<Archetype> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /** The archetype, or {@link IllegalArgumentException} with OpenReels' message {@code Unknown archetype: X. Available: …}. */
    public Archetype require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "Unknown archetype: " + name + ". Available: " + String.join(", ", names())));
    }
}
