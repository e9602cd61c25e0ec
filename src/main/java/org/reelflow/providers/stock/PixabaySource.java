package org.reelflow.providers.stock;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

import jakarta.json.JsonObject;

import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.http.ProviderHttp;

/**
 * Pixabay: {@code GET /api/?key=…&q=…&per_page=3&image_type=photo&orientation=vertical} ({@code largeImageURL}) and
 * {@code GET /api/videos/?key=…&q=…&per_page=3} (the {@code medium} rendition, else {@code large}). Any HTTP error
 * means "no results", as in OpenReels.
 * <p>
 * Pixabay takes the key in the query string, so nothing that leaves this class may carry the URL or the key:
 * every failure is rebuilt from its message with the key masked, and without its cause.
 */
public final class PixabaySource implements StockSource {

    private static final Logger LOG = Logger.getLogger(PixabaySource.class.getName());
    public static final String NAME = "pixabay";
    /** Pixabay rejects longer queries. */
    static final int MAX_QUERY = 100;

    private final ProviderHttp http;
    private final String apiKey;
    private final StockSettings settings;

    public PixabaySource(ProviderHttp http, String apiKey, StockSettings settings) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalStateException("PIXABAY_API_KEY is required");
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
        String q = query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query;
        String path = video ? "/api/videos/?key=" + StockWire.enc(apiKey) + "&q=" + StockWire.enc(q) + "&per_page=3"
                : "/api/?key=" + StockWire.enc(apiKey) + "&q=" + StockWire.enc(q) + "&per_page=3&image_type=photo&orientation=vertical";
        URI uri = StockWire.join(settings.pixabayBaseUrl(), path);
        JsonObject page;
        try {
            page = StockWire.object(NAME, http.send(NAME, HttpRequest.newBuilder(uri).GET().build(), settings.searches(), null));
        } catch (ProviderException e) {
            ProviderException clean = scrub(e);
            boolean httpError = e.kind() == Kind.AUTH || e.kind() == Kind.BAD_REQUEST || e.kind() == Kind.RATE_LIMITED
                                || e.kind() == Kind.SERVER;
            if (httpError) {
                LOG.warning("Pixabay search failed, treating it as empty: " + clean.getMessage());
                return List.of();
            }
            throw clean;
        }
        return video ? videos(page) : images(page);
    }

    @Override
    public Path download(StockCandidate candidate, Path dir) throws ProviderException, InterruptedException {
        try {
            return StockWire.download(http, candidate, dir, settings.downloads());
        } catch (ProviderException e) {
            throw scrub(e);
        }
    }

    /** The same failure with the key masked and no cause (a cause may hold the request URL). */
    private ProviderException scrub(ProviderException e) {
        String message = String.valueOf(e.getMessage()).replace(apiKey, "***").replace(StockWire.enc(apiKey), "***");
        return new ProviderException(e.provider(), e.kind(), e.status(), message);
    }

    static List<StockCandidate> images(JsonObject page) {
        List<StockCandidate> out = new ArrayList<>();
        for (JsonObject h : StockWire.objects(page, "hits")) {
            String id = StockWire.id(h);
            URI url = StockWire.httpUri(StockWire.str(h, "largeImageURL"));
            if (id != null && url != null) {
                out.add(new StockCandidate(NAME, id, false, url, StockWire.integer(h, "imageWidth"), StockWire.integer(h, "imageHeight"), 0,
                                           StockWire.str(h, "pageURL"), StockWire.str(h, "user")));
            }
        }
        return out;
    }

    static List<StockCandidate> videos(JsonObject page) {
        List<StockCandidate> out = new ArrayList<>();
        for (JsonObject h : StockWire.objects(page, "hits")) {
            String id = StockWire.id(h);
            JsonObject renditions = StockWire.obj(h, "videos");
            JsonObject file = usable(StockWire.obj(renditions, "medium")) ? StockWire.obj(renditions, "medium")
                    : usable(StockWire.obj(renditions, "large")) ? StockWire.obj(renditions, "large") : null;
            URI url = file == null ? null : StockWire.httpUri(StockWire.str(file, "url"));
            if (id != null && url != null) {
                out.add(new StockCandidate(NAME, id, true, url, StockWire.integer(file, "width"), StockWire.integer(file, "height"),
                                           StockWire.number(h, "duration"), StockWire.str(h, "pageURL"), StockWire.str(h, "user")));
            }
        }
        return out;
    }

    /** Pixabay lists a rendition it does not have with an empty URL. */
    private static boolean usable(JsonObject rendition) {
        String u = StockWire.str(rendition, "url");
        return u != null && !u.isBlank();
    }

    @Override
    public String toString() {
        return "PixabaySource";
    }
}
