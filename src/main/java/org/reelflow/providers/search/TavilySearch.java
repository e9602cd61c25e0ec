package org.reelflow.providers.search;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.http.RetryPolicy;

/** Tavily's search API: {@code POST /search} with a bearer key, five results per query as in OpenReels. */
public final class TavilySearch implements WebSearch {

    public static final String PROVIDER = "tavily";
    public static final String KEY = "TAVILY_API_KEY";
    public static final String DEFAULT_BASE_URL = "https://api.tavily.com";
    public static final int MAX_RESULTS = 5;

    private final ProviderHttp http;
    private final RetryPolicy policy;
    private final ProviderHttp.RetryListener listener;
    private final String apiKey;
    private final URI endpoint;

    public TavilySearch(ProviderHttp http, RetryPolicy policy, ProviderHttp.RetryListener listener, String apiKey,
                        String baseUrl) {
        this.http = http;
        this.policy = policy;
        this.listener = listener;
        this.apiKey = apiKey;
        String base = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl;
        this.endpoint = URI.create(base.replaceAll("/+$", "") + "/search");
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public List<SearchHit> search(String query) throws ProviderException, InterruptedException {
        String body = Json.createObjectBuilder().add("query", query).add("max_results", MAX_RESULTS)
                .add("search_depth", "basic").build().toString();
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> res = http.send(PROVIDER, request, policy, listener);
        try (var reader = Json.createReader(new StringReader(new String(res.body(), StandardCharsets.UTF_8)))) {
            JsonObject json = reader.readObject();
            List<SearchHit> hits = new ArrayList<>();
            for (JsonValue v : json.getJsonArray("results")) {
                JsonObject r = v.asJsonObject();
                hits.add(new SearchHit(r.getString("title", ""), r.getString("url", ""), r.getString("content", "")));
            }
            return hits;
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw new ProviderException(PROVIDER, Kind.MALFORMED_RESPONSE, res.statusCode(),
                                        "tavily returned a malformed response", null);
        }
    }

    @Override
    public String toString() {
        return "TavilySearch[" + endpoint + "]";
    }
}
