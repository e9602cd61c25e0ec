package org.reelflow.api;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.helidon.common.Weighted;
import io.helidon.config.Config;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.cors.CorsFeature;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.spi.ServerFeature;

/**
 * Who may call the server, checked before any route runs. Add it to the web server ({@code addFeature}); with no
 * configuration the local user of a loopback-bound server notices nothing.
 * <ul>
 *   <li><b>Host</b>: while bound to loopback, the {@code Host} header must name localhost, 127.0.0.1, [::1] or a
 *       host in {@code api.allowed-hosts} (any port), else 403. A DNS-rebinding page reaches 127.0.0.1 under its
 *       own name, so its requests carry that name. Setting {@code api.allowed-hosts} turns the check on for any
 *       bind address.</li>
 *   <li><b>Cross-origin writes</b>: a POST/PUT/PATCH/DELETE whose {@code Origin} is neither this server nor in
 *       {@code api.cors.allowed-origins} — or that has no Origin but {@code Sec-Fetch-Site: cross-site} — is
 *       refused with 403. A browser sends a plain form post to any site without asking first; this is what stops
 *       it. Clients that send no Origin (curl, the CLI) are not browsers and pass.</li>
 *   <li><b>Token</b>: with {@code api.token} set, every {@code /api} route needs {@code Authorization: Bearer …}
 *       (or {@code ?access_token=} on GET/HEAD, for the URLs a browser loads itself: video, images, downloads,
 *       EventSource), else 401 with {@code WWW-Authenticate: Bearer}. {@code /api/v1/health} is no exception: it
 *       tells which provider keys the server holds. Load balancers probe {@code /observe/health}, which is outside
 *       /api and says only whether the server is up and ready.</li>
 *   <li><b>CORS</b>: Helidon's own CORS feature answers preflights and adds the {@code Access-Control-*} headers for
 *       the origins in {@code api.cors.allowed-origins} on {@code /api}; other origins are refused (empty = same
 *       origin only).</li>
 * </ul>
 * Errors are JSON {@code {"error": …}} like every other API answer.
 */
public final class AccessControl implements ServerFeature {

    private static final String TOKEN_PARAM = "access_token";
    private static final HeaderName SEC_FETCH_SITE = HeaderNames.create("Sec-Fetch-Site");
    private static final Set<Method> STATE_CHANGING = Set.of(Method.POST, Method.PUT, Method.PATCH, Method.DELETE);
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final String ANY_ORIGIN = "*";
    /*
     * Where the filters sit around Helidon's CORS filter (weight 850). Host and origin come first, so a refused
     * write gets our JSON 403 rather than CORS's empty one; the token comes after, so a 401 to an allowed origin
     * carries CORS's headers and its page can read why.
     */
    private static final double BEFORE_CORS = 900;
    private static final double AFTER_CORS = 800;

    private final byte[] tokenDigest;            // null: no token required
    private final Set<String> allowedOrigins;    // normalized (see normalizeOrigin); "*" = any
    private final Set<String> allowedHosts;      // null: no Host check
    private final CorsFeature cors;

    /**
     * @param token          the bearer token, or null/blank for none
     * @param allowedOrigins origins ({@code scheme://host[:port]}) other sites' pages may call the API from, or "*"
     * @param hostCheck      whether the Host header is checked
     * @param extraHosts     host names accepted besides the loopback names
     */
    AccessControl(String token, List<String> allowedOrigins, boolean hostCheck, List<String> extraHosts) {
        this.tokenDigest = token == null || token.isBlank() ? null : sha256(token.trim());
        this.allowedOrigins = origins(allowedOrigins);
        if (hostCheck || !extraHosts.isEmpty()) {
            Set<String> hosts = new HashSet<>(LOOPBACK_NAMES);
            extraHosts.forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
            this.allowedHosts = Set.copyOf(hosts);
        } else {
            this.allowedHosts = null;
        }
        this.cors = CorsFeature.builder()
                .enabled(true)
                .addDefaults(false)                 // its default lets every origin in
                .pathsDiscoverServices(false)
                .addPath(p -> p.pathPattern("/api/*")
                        .clearAllowOrigins().addAllowOrigins(asBrowserSends(this.allowedOrigins))
                        // Headers stay at Helidon's default (any): with a list, Helidon 4.5 reads the unspaced
                        // "authorization,content-type" that Chromium sends as one unknown name and refuses it.
                        .clearAllowMethods().addAllowMethods(Set.of("GET", "HEAD", "POST", "DELETE")))
                .build();
    }

    /** From {@code api.token}, {@code api.cors.allowed-origins}, {@code api.allowed-hosts} and {@code server.host}. */
    public static AccessControl from(Config root) {
        return new AccessControl(root.get("api.token").asString().orElse(null),
                                 list(root.get("api.cors.allowed-origins")),
                                 boundToLoopback(root),
                                 list(root.get("api.allowed-hosts")));
    }

    @Override
    public void setup(ServerFeatureContext context) {
        Set<String> sockets = new HashSet<>(context.sockets());
        sockets.add(WebServer.DEFAULT_SOCKET_NAME);
        for (String socket : sockets) {
            HttpRouting.Builder routing = context.socket(socket).httpRouting();
            routing.addFeature(new Step(BEFORE_CORS, r -> r.addFilter(this::screen)));
            // A preflight that CORS let through still needs an answer: no API route takes OPTIONS.
            routing.addFeature(new Step(AFTER_CORS, r -> r.addFilter(this::authenticate).options("/api/*", this::preflight)));
        }
        cors.setup(context);
    }

    @Override
    public String name() {
        return "access-control";
    }

    @Override
    public String type() {
        return "access-control";
    }

    /** Registrations at a given weight among the routing's features. */
    private record Step(double weight, Consumer<HttpRouting.Builder> registration)
            implements HttpFeature, Weighted {

        @Override
        public void setup(HttpRouting.Builder routing) {
            registration.accept(routing);
        }
    }

    /** The Host check and the cross-origin write rule. */
    private void screen(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        // The raw Host header, never a forwarded one: a rebinding page may set X-Forwarded-Host itself. Browsers
        // always send Host, so a request without one (HTTP/1.0) is no rebinding page.
        Optional<String> host = req.headers().first(HeaderNames.HOST);
        if (allowedHosts != null && host.isPresent() && !allowedHosts.contains(hostName(host.get()))) {
            Responses.error(req, res, Status.FORBIDDEN_403, "Host " + host.get() + " is not allowed: this server answers "
                    + "only localhost, 127.0.0.1 and [::1] (add other names to api.allowed-hosts)");
            return;
        }
        if (STATE_CHANGING.contains(req.prologue().method()) && crossOrigin(req)) {
            Responses.error(req, res, Status.FORBIDDEN_403, "Cross-origin request refused"
                    + req.headers().first(HeaderNames.ORIGIN).map(o -> " from " + o).orElse("")
                    + ": add the origin to api.cors.allowed-origins to allow it");
            return;
        }
        chain.proceed();
    }

    /** The bearer token on /api routes. */
    private void authenticate(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (tokenDigest != null && isApi(req.path().path()) && !isPreflight(req)) {
            Optional<String> given = presentedToken(req);
            if (given.isEmpty() || !tokenMatches(given.get())) {
                res.header(HeaderNames.WWW_AUTHENTICATE,
                           given.isEmpty() ? "Bearer realm=\"reelflow\"" : "Bearer realm=\"reelflow\", error=\"invalid_token\"");
                Responses.error(req, res, Status.UNAUTHORIZED_401, given.isEmpty()
                        ? "API token required: send Authorization: Bearer <token>"
                        : "Invalid API token");
                return;
            }
        }
        chain.proceed();
    }

    private void preflight(ServerRequest req, ServerResponse res) {
        if (isPreflight(req)) {
            res.status(Status.NO_CONTENT_204).send();
        } else {
            res.next();
        }
    }

    /** True for a write from another site: its Origin is not ours nor allowed, or the browser says cross-site. */
    private boolean crossOrigin(ServerRequest req) {
        Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
        if (origin.isEmpty()) {
            return req.headers().first(SEC_FETCH_SITE).map("cross-site"::equalsIgnoreCase).orElse(false);
        }
        String o = normalizeOrigin(origin.get());
        boolean allowed = !o.isEmpty() && (o.equals(ownOrigin(req)) || allowedOrigins.contains(o));
        return !(allowed || allowedOrigins.contains(ANY_ORIGIN));
    }

    /**
     * This server's origin as the request addressed it. Helidon's CORS decides "same origin" from the same
     * requested URI, so the two checks agree (behind a TLS proxy both need the public origin on the allowlist or
     * Helidon's requested-uri-discovery).
     */
    private static String ownOrigin(ServerRequest req) {
        var uri = req.requestedUri();
        return normalizeOrigin(uri.scheme() + "://" + bracketed(uri.host()) + ":" + uri.port());
    }

    /**
     * {@code scheme://host:port}, lower case, with the scheme's default port written out; "" for anything else
     * (an opaque {@code null} origin, a path, a query).
     */
    static String normalizeOrigin(String origin) {
        try {
            URI u = new URI(origin.trim());
            if (u.getScheme() == null || u.getHost() == null || !(u.getRawPath() == null || u.getRawPath().isEmpty())
                || u.getRawQuery() != null || u.getRawFragment() != null || u.getRawUserInfo() != null) {
                return "";
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            int port = u.getPort() != -1 ? u.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme + "://" + bracketed(u.getHost().toLowerCase(Locale.ROOT)) + ":" + port;
        } catch (java.net.URISyntaxException e) {
            return "";
        }
    }

    private static String bracketed(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** The host of a Host header, lower case, without its port ({@code [::1]:8080} → {@code [::1]}). */
    static String hostName(String hostHeader) {
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** A CORS preflight carries no credentials (browsers never send them), so it cannot be asked for the token. */
    private static boolean isPreflight(ServerRequest req) {
        return req.prologue().method() == Method.OPTIONS
               && req.headers().contains(HeaderNames.ORIGIN)
               && req.headers().contains(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
    }

    /** The bearer token of the Authorization header, else (GET/HEAD only) the access_token query parameter. */
    private static Optional<String> presentedToken(ServerRequest req) {
        Optional<String> auth = req.headers().first(HeaderNames.AUTHORIZATION).map(String::trim);
        if (auth.isPresent()) {
            String a = auth.get();
            return a.regionMatches(true, 0, "Bearer ", 0, 7) ? Optional.of(a.substring(7).trim()) : Optional.of("");
        }
        Method m = req.prologue().method();
        if (m == Method.GET || m == Method.HEAD) {
            return req.query().first(TOKEN_PARAM).asOptional();
        }
        return Optional.empty();
    }

    /**
     * Compares digests with {@link MessageDigest#isEqual}: the time taken depends on neither how much of the token
     * a guess gets right nor its length, so timing cannot reveal the token a character at a time.
     */
    boolean tokenMatches(String given) {
        return tokenDigest != null && MessageDigest.isEqual(tokenDigest, sha256(given.trim()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);         // every JDK has SHA-256
        }
    }

    /** The configured origins, normalized; a malformed entry stops the server with the setting's name. */
    private static Set<String> origins(List<String> configured) {
        Set<String> out = new LinkedHashSet<>();
        for (String o : configured) {
            if (o.equals(ANY_ORIGIN)) {
                out.add(ANY_ORIGIN);
                continue;
            }
            String trimmed = o.replaceAll("/+$", "");
            String normalized = normalizeOrigin(trimmed);
            if (normalized.isEmpty()) {
                throw new IllegalArgumentException("api.cors.allowed-origins: '" + o
                        + "' is not an origin (scheme://host[:port], e.g. https://app.example.com, or *)");
            }
            out.add(normalized);
        }
        return Set.copyOf(out);
    }

    /** Helidon's CORS matches the Origin header as written: browsers leave the scheme's default port out. */
    private static Set<String> asBrowserSends(Set<String> normalized) {
        Set<String> out = new HashSet<>();
        for (String o : normalized) {
            out.add(o.replaceFirst("^(http://.*):80$", "$1").replaceFirst("^(https://.*):443$", "$1"));
        }
        return out;
    }

    /** Whether {@code server.host} is a loopback address: only this machine's users can then connect. */
    static boolean boundToLoopback(Config root) {
        String host = root.get("server.host").asString().orElse("0.0.0.0").trim();
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            return false;                   // a name: resolving it here could name another machine tomorrow
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();   // a literal: no DNS lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A list setting: a YAML list, or one comma-separated value (what an environment variable can hold). */
    static List<String> list(Config node) {
        List<String> out = new ArrayList<>();
        node.asList(String.class).orElse(List.of()).forEach(v -> {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        });
        return out;
    }
}
