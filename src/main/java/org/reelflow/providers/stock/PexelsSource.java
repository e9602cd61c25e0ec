package org.reelflow.providers.stock;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;

import jakarta.json.JsonObject;

import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.http.ProviderHttp;

/**
 * Pexels: {@code GET /v1/search} (photos, {@code src.large2x}) and {@code GET /v1/videos/search} (clips; the
 * unversioned {@code /videos/search} is deprecated), both {@code per_page=5&orientation=portrait&size=large} with
 * the key in {@code Authorization}. A video search with no portrait hit is retried without the orientation
 * ({@code per_page=3&size=large}). A rate limit that outlasts the retries means "no results" (OpenReels' behaviour);
 * other failures are errors.
 * <p>
 * Pexels counts requests per key and tells what is left in every answer ({@code X-Ratelimit-Limit},
 * {@code X-Ratelimit-Remaining}, {@code X-Ratelimit-Reset}: when the period rolls over, in Unix seconds). Once none
 * remain, the key's searches are skipped until the reset — failing at once with a RATE_LIMITED that says so, and
 * the job told — instead of being spent on 429s.
 */
public final class PexelsSource implements StockSource {

    private static final Logger LOG = Logger.getLogger(PexelsSource.class.getName());
    public static final String NAME = "pexels";

    private final ProviderHttp http;
    private final String apiKey;
    private final StockSettings settings;
    /** The key's quota as {@link ProviderHttp} remembers it across jobs: per key, as Pexels counts (never the key itself). */
    private final String quotaScope;

    public PexelsSource(ProviderHttp http, String apiKey, StockSettings settings) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalStateException("PEXELS_API_KEY is required");
        }
        this.http = http;
        this.apiKey = apiKey;
        this.settings = settings;
        this.quotaScope = NAME + " " + Integer.toHexString(apiKey.hashCode());
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
        Optional<JsonObject> page = get("/v1/videos/search" + q + "&per_page=5&orientation=portrait&size=large");
        if (page.isEmpty()) {
            return List.of();
        }
        if (StockWire.objects(page.get(), "videos").isEmpty()) {
            // No portrait footage: landscape footage cropped to 9:16 beats no footage.
            page = get("/v1/videos/search" + q + "&per_page=3&size=large");
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
        http.requireQuota(NAME, quotaScope);
        try {
            HttpResponse<byte[]> res = http.send(NAME, HttpRequest.newBuilder(uri).header("Authorization", apiKey).GET().build(),
                                                 settings.searches(), null);
            noteQuota(res.headers());
            return Optional.of(StockWire.object(NAME, res));
        } catch (ProviderException e) {
            if (e.kind() == Kind.RATE_LIMITED) {
                LOG.warning("Pexels rate limited; treating the search as empty");
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Reads what Pexels says is left of the key's quota; none left marks it spent until the reset (an hour — Pexels'
     * shorter window — when the reset is unreadable). Pexels sends these only with 2xx answers.
     */
    private void noteQuota(HttpHeaders headers) {
        OptionalLong remaining = number(headers, "X-Ratelimit-Remaining");
        if (remaining.isEmpty() || remaining.getAsLong() > 0) {
            return;
        }
        OptionalLong reset = number(headers, "X-Ratelimit-Reset");
        Instant until = reset.isPresent() ? Instant.ofEpochSecond(reset.getAsLong()) : Instant.now().plus(Duration.ofHours(1));
        if (until.isAfter(Instant.now())) {
            LOG.warning("Pexels says none of the key's " + number(headers, "X-Ratelimit-Limit").orElse(0)
                        + " requests remain until " + until + "; Pexels is skipped until then");
            http.quotaSpent(quotaScope, until);
        }
    }

    private static OptionalLong number(HttpHeaders headers, String name) {
        try {
            return headers.firstValue(name).map(v -> OptionalLong.of(Long.parseLong(v.trim()))).orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
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
