package org.reelflow.api;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.helidon.http.Method;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;

import org.reelflow.catalog.Archetypes;
import org.reelflow.catalog.Platforms;
import org.reelflow.providers.KeyRing;
import org.reelflow.providers.ModelCheck;
import org.reelflow.providers.Models;
import org.reelflow.providers.ProviderCatalog;

/**
 * {@code GET /api/v1/archetypes}, {@code /platforms}, {@code /providers}. Archetypes and platforms are static data,
 * built once; the providers carry their model ids and whether each vendor lists them, asked with the server's keys
 * (the answers are cached by {@link ModelCheck}, so this is a vendor call at most once per cache period).
 */
public final class CatalogApi implements HttpService {

    private final JsonArray archetypes;
    private final JsonArray platforms;
    private final ProviderCatalog providers;
    private final Models models;
    private final ModelCheck modelCheck;
    private final Function<String, Optional<String>> keys;

    /** @param env where the server's API keys come from (they ask the vendors for their lists, never leave here) */
    public CatalogApi(Archetypes archetypes, Platforms platforms, ProviderCatalog providers, Models models,
                      ModelCheck modelCheck, Function<String, String> env) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        archetypes.all().forEach(x -> a.add(x.toApiJson()));
        this.archetypes = a.build();
        JsonArrayBuilder p = Json.createArrayBuilder();
        platforms.all().forEach(x -> p.add(x.toApiJson()));
        this.platforms = p.build();
        this.providers = providers;
        this.models = models;
        this.modelCheck = modelCheck;
        this.keys = new KeyRing(Map.of(), env)::find;
    }

    @Override
    public void routing(HttpRules rules) {
        Resource.register(rules, "/archetypes", Map.of(Method.GET, (req, res) -> Responses.json(req, res, archetypes)));
        Resource.register(rules, "/platforms", Map.of(Method.GET, (req, res) -> Responses.json(req, res, platforms)));
        Resource.register(rules, "/providers", Map.of(Method.GET, (req, res) ->
                Responses.json(req, res, providers.toJson(models, modelCheck.listed(models, keys)))));
    }
}
