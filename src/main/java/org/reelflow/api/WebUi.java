package org.reelflow.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The web UI: plain files under {@code web/} on the classpath, no build step. Register it after the API routes
 * (and after the {@code /api/*} not-found route), at the root:
 * <ul>
 *   <li>a path that names a file serves it with its content type, an ETag and {@code Cache-Control: no-cache}
 *       (the files are not fingerprinted, so the browser revalidates and gets a 304 while nothing changed);</li>
 *   <li>a path with a file extension that names no file is a plain 404 (a missing script must not turn into
 *       HTML that the browser then tries to run);</li>
 *   <li>any other GET/HEAD path is a client-side route ({@code /jobs/7}, {@code /gallery}): {@code index.html}.</li>
 * </ul>
 * {@code /api/...} paths are never answered here; the API keeps its own JSON 404.
 */
public final class WebUi implements HttpService {

    private static final String ROOT = "web/";
    private static final String INDEX = "index.html";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain; charset=utf-8"));
    /** Same-origin only: the UI talks to this server and nothing else (it runs offline). */
    private static final String CSP = "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; frame-ancestors 'none'";

    private final ClassLoader loader;
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    public WebUi() {
        this(WebUi.class.getClassLoader());
    }

    WebUi(ClassLoader loader) {
        this.loader = loader;
    }

    private record Asset(byte[] bytes, String type, String etag) {
    }

    @Override
    public void routing(HttpRules rules) {
        rules.route(Method.GET, "/*", this::serve)
             .route(Method.HEAD, "/*", this::serve)
             // Helidon's observe endpoints take GET and HEAD only, and with the CORS module present its last-resort
             // OPTIONS route answers nothing to a plain OPTIONS (a 500): so every other method is refused here.
             .any("/*", (req, res) -> {
                 Method m = req.prologue().method();
                 if ((m == Method.GET || m == Method.HEAD) && isServerRoute(req.path().path(), "/observe")) {
                     res.next();
                     return;
                 }
                 throw ApiException.methodNotAllowed(m.text(), "GET, HEAD");
             });
    }

    private static boolean isServerRoute(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private void serve(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        if (isServerRoute(path, "/api") || isServerRoute(path, "/observe")) {
            res.next();             // the API and Helidon's observe endpoints answer for themselves
            return;
        }
        String name = path.startsWith("/") ? path.substring(1) : path;
        Optional<Asset> asset = safe(name) ? load(name) : Optional.empty();
        if (asset.isEmpty()) {
            if (hasExtension(name)) {
                Responses.error(req, res, Status.NOT_FOUND_404, "Not found");
                return;
            }
            asset = load(INDEX);       // a client-side route
            if (asset.isEmpty()) {
                res.next();
                return;
            }
        }
        send(req, res, asset.get());
    }

    private static void send(ServerRequest req, ServerResponse res, Asset a) {
        res.header(HeaderNames.CACHE_CONTROL, "no-cache");
        res.header(HeaderNames.ETAG, a.etag());
        res.header("X-Content-Type-Options", "nosniff");
        res.header("Referrer-Policy", "no-referrer");
        if (a.type().startsWith("text/html")) {
            res.header("Content-Security-Policy", CSP);
        }
        boolean fresh = req.headers().first(HeaderNames.IF_NONE_MATCH)
                .map(v -> v.equals("*") || java.util.Arrays.stream(v.split(",")).map(String::trim)
                        .map(t -> t.startsWith("W/") ? t.substring(2) : t).anyMatch(a.etag()::equals))
                .orElse(false);
        if (fresh) {
            res.status(Status.NOT_MODIFIED_304).send();
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, a.type());
        if (req.prologue().method() == Method.HEAD) {
            res.header(HeaderNames.CONTENT_LENGTH, String.valueOf(a.bytes().length));
            res.send();
        } else {
            res.send(a.bytes());
        }
    }

    /** Plain relative names only: no empty segments, no dot segments, no backslashes, no encoded tricks. */
    static boolean safe(String name) {
        if (name.isEmpty() || name.endsWith("/") || name.contains("\\") || name.contains("%") || name.contains("\0")) {
            return false;
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasExtension(String name) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 && dot < name.length() - 1;
    }

    /** Reads a file from the classpath once; misses are not cached, so random paths cannot fill memory. */
    private Optional<Asset> load(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        String type = TYPES.get(ext);
        if (type == null) {
            return Optional.empty();        // only the kinds of file the UI is made of
        }
        Asset hit = cache.get(name);
        if (hit != null) {
            return Optional.of(hit);
        }
        try (InputStream in = loader.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            Asset a = new Asset(bytes, type, etag(bytes));
            cache.put(name, a);
            return Optional.of(a);
        } catch (IOException e) {
            // A directory on an exploded classpath reads as an error or a listing: not a file we serve.
            return Optional.empty();
        }
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    static String contentType(String name) {
        return TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT));
    }
}
