package org.reelflow.providers.stock;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.json.JsonObject;

import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.http.ProviderHttp;

/**
 * Pexels: {@code GET /v1/search} (photos, {@code src.large2x}) and {@code GET /videos/search} (clips), both
 * {@code per_page=5&orientation=portrait&size=large} with the key in {@code Authorization}. A video search with
 * no portrait hit is retried without the orientation ({@code per_page=3&size=large}). A rate limit that outlasts
 * the retries means "no results" (OpenReels' behaviour); other failures are errors.
 */
public final class PexelsSource implements StockSource {

    private static final Logger LOG = Logger.getLogger(PexelsSource.class.getName());
    public static final String NAME = "pexels";

    private final ProviderHttp http;
    private final String apiKey;
    private final StockSettings settings;

    public PexelsSource(ProviderHttp http, String apiKey, StockSettings settings) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalStateException("PEXELS_API_KEY is required");
        }
        this.http = http;
        this.apiKey = apiKey;
        this.settings = settings;
    }

    @Override
    public String provider() {
        return NAME;
    }

    @Override
    public List<StockCandidate> search(String query, boolean video) throws ProviderException, InterruptedException {
        String q = "?query=" + StockWire.enc(query);
        if (!video) {
            Optional<JsonObject> page = get("/v1/search" + q + "&per_page=5&orientation=portrait&size=large");
            return page.map(PexelsSource::photos).orElse(List.of());
        }
        Optional<JsonObject> page = get("/videos/search" + q + "&per_page=5&orientation=portrait&size=large");
        if (page.isEmpty()) {
            return List.of();
        }
        if (StockWire.objects(page.get(), "videos").isEmpty()) {
            // No portrait footage: landscape footage cropped to 9:16 beats no footage.
            page = get("/videos/search" + q + "&per_page=3&size=large");
        }
        return page.map(PexelsSource::videos).orElse(List.of());
    }

    @Override
    public Path download(StockCandidate candidate, Path dir) throws ProviderException, InterruptedException {
        // Files are on Pexels' public CDN; no key goes with them.
        return StockWire.download(http, candidate, dir, settings.downloads());
    }

    private Optional<JsonObject> get(String pathAndQuery) throws ProviderException, InterruptedException {
        URI uri = StockWire.join(settings.pexelsBaseUrl(), pathAndQuery);
        try {
            return Optional.of(StockWire.object(NAME, http.send(NAME, HttpRequest.newBuilder(uri).header("Authorization", apiKey).GET().build(),
                                                                 settings.searches(), null)));
        } catch (ProviderException e) {
            if (e.kind() == Kind.RATE_LIMITED) {
                LOG.warning("Pexels rate limited; treating the search as empty");
                return Optional.empty();
            }
            throw e;
        }
    }

    static List<StockCandidate> photos(JsonObject page) {
        List<StockCandidate> out = new ArrayList<>();
        for (JsonObject p : StockWire.objects(page, "photos")) {
            JsonObject src = StockWire.obj(p, "src");
            String id = StockWire.id(p);
            URI url = StockWire.httpUri(first(StockWire.str(src, "large2x"), StockWire.str(src, "large"), StockWire.str(src, "original")));
            if (id == null || url == null) {
                continue;
            }
            out.add(new StockCandidate(NAME, id, false, url, StockWire.integer(p, "width"), StockWire.integer(p, "height"), 0,
                                       StockWire.str(p, "url"), StockWire.str(p, "photographer")));
        }
        return out;
    }

    static List<StockCandidate> videos(JsonObject page) {
        List<StockCandidate> out = new ArrayList<>();
        for (JsonObject v : StockWire.objects(page, "videos")) {
            String id = StockWire.id(v);
            JsonObject file = pickFile(StockWire.objects(v, "video_files"));
            URI url = file == null ? null : StockWire.httpUri(StockWire.str(file, "link"));
            if (id == null || url == null) {
                continue;
            }
            out.add(new StockCandidate(NAME, id, true, url, StockWire.integer(file, "width"), StockWire.integer(file, "height"),
                                       StockWire.number(v, "duration"), StockWire.str(v, "url"),
                                       StockWire.str(StockWire.obj(v, "user"), "name")));
        }
        return out;
    }

    /** The widest rendition 720–1920 px wide, else the narrowest above 720 (no 4K downloads), else none. */
    static JsonObject pickFile(List<JsonObject> files) {
        Comparator<JsonObject> byWidth = Comparator.comparingInt(f -> StockWire.integer(f, "width"));
        return files.stream().filter(f -> StockWire.integer(f, "width") >= 720 && StockWire.integer(f, "width") <= 1920).max(byWidth)
                .orElseGet(() -> files.stream().filter(f -> StockWire.integer(f, "width") >= 720).min(byWidth).orElse(null));
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "PexelsSource";
    }
}
