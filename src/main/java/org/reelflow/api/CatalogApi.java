package org.reelflow.api;

import java.util.Map;

import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;

import org.reelflow.catalog.Archetypes;
import org.reelflow.catalog.Platforms;
import org.reelflow.providers.ProviderCatalog;

/** {@code GET /api/v1/archetypes}, {@code /platforms}, {@code /providers}: static data, built once. */
public final class CatalogApi implements HttpService {

    private final JsonArray archetypes;
    private final JsonArray platforms;
    private final ProviderCatalog providers;

    public CatalogApi(Archetypes archetypes, Platforms platforms, ProviderCatalog providers) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        archetypes.all().forEach(x -> a.add(x.toApiJson()));
        this.archetypes = a.build();
        JsonArrayBuilder p = Json.createArrayBuilder();
        platforms.all().forEach(x -> p.add(x.toApiJson()));
        this.platforms = p.build();
        this.providers = providers;
    }

    @Override
    public void routing(HttpRules rules) {
        Resource.register(rules, "/archetypes", Map.of(Method.GET, (req, res) -> Responses.json(req, res, archetypes)));
        Resource.register(rules, "/platforms", Map.of(Method.GET, (req, res) -> Responses.json(req, res, platforms)));
        Resource.register(rules, "/providers", Map.of(Method.GET, (req, res) -> Responses.json(req, res, providers.toJson())));
    }
}
