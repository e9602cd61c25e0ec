package org.reelflow.catalog;

import java.util.List;
import java.util.Optional;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/** The output platforms from {@code platforms.json}, in file order (youtube, the default, first). */
public final class Platforms {

    public static final String DEFAULT = "youtube";

    private final List<Platform> all;

    private Platforms(List<Platform> all) {
        this.all = all;
    }

    public static Platforms load() {
        try {
            JsonArray items = (JsonArray) CatalogResources.read("platforms.json");
            return new Platforms(items.getValuesAs(JsonObject.class).stream().map(Platform::fromJson).toList());
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalStateException("Invalid platforms.json: " + e.getMessage(), e);
        }
    }

    public List<Platform> all() {
        return all;
    }

    public List<String> names() {
        return all.stream().map(Platform::name).toList();
    }

    public Optional<Platform> find(String name) {
        return all.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The platform, or {@link IllegalArgumentException} with OpenReels' message {@code Unknown platform: X. Available: …}. */
    public Platform require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "Unknown platform: " + name + ". Available: " + String.join(", ", names())));
    }
}
