package org.reelflow.providers.vendor;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.reelflow.providers.Models;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.http.RetryPolicy;

/**
 * Where and how the voice, image and music vendors are called: the shared {@link ProviderHttp}, a base URL per
 * provider (tests point these at local doubles), a retry policy per provider, who hears about retries, and the
 * model and voice ids to ask for. Holds no keys.
 */
public record VendorSettings(ProviderHttp http, Map<String, URI> baseUrls, Map<String, RetryPolicy> policies,
                             ProviderHttp.RetryListener listener, Models models) {

    /** Provider keys whose base URL and policy can be configured (factories look them up by these names). */
    public static final List<String> PROVIDERS = List.of("elevenlabs", "inworld", "openai-tts", "gemini-tts",
                                                          "gemini-image", "openai-image", "lyria");

    public VendorSettings {
        baseUrls = Map.copyOf(baseUrls);
        policies = Map.copyOf(policies);
    }

    /** Vendors' real endpoints and the default policies. */
    public static VendorSettings defaults(ProviderHttp http) {
        return new VendorSettings(http, Map.of(), Map.of(), null, Models.DEFAULTS);
    }

    /** The configured base URL (no trailing slash) or the vendor's own. */
    public String baseUrl(String provider, String vendorDefault) {
        URI u = baseUrls.get(provider);
        String s = u == null ? vendorDefault : u.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    public RetryPolicy policy(String provider, RetryPolicy fallback) {
        return policies.getOrDefault(provider, fallback);
    }

    public VendorSettings withBaseUrl(String provider, URI url) {
        Map<String, URI> m = new HashMap<>(baseUrls);
        m.put(provider, url);
        return new VendorSettings(http, m, policies, listener, models);
    }

    public VendorSettings withPolicy(String provider, RetryPolicy policy) {
        Map<String, RetryPolicy> m = new HashMap<>(policies);
        m.put(provider, policy);
        return new VendorSettings(http, baseUrls, m, listener, models);
    }

    public VendorSettings withListener(ProviderHttp.RetryListener l) {
        return new VendorSettings(http, baseUrls, policies, l, models);
    }

    public VendorSettings withModels(Models m) {
        return new VendorSettings(http, baseUrls, policies, listener, m);
    }

    /**
     * Reads {@code providers.<p>.base-url}, {@code providers.<p>.timeout} (ISO-8601 or seconds) and
     * {@code providers.<p>.max-attempts} for every provider in {@link #PROVIDERS} from {@code config} (e.g. a
     * Helidon {@code Config} lookup returning the value as text); absent keys keep the defaults.
     *
     * @param defaults the policy each provider starts from when only some of its keys are set
     */
    public static VendorSettings fromConfig(ProviderHttp http, Function<String, Optional<String>> config,
                                            Function<String, RetryPolicy> defaults) {
        Map<String, URI> urls = new HashMap<>();
        Map<String, RetryPolicy> policies = new HashMap<>();
        for (String p : PROVIDERS) {
            String prefix = "providers." + p + ".";
            config.apply(prefix + "base-url").filter(s -> !s.isBlank()).ifPresent(s -> urls.put(p, URI.create(s.trim())));
            Optional<Duration> timeout = config.apply(prefix + "timeout").filter(s -> !s.isBlank())
                                               .map(VendorSettings::duration);
            Optional<Integer> attempts = config.apply(prefix + "max-attempts").filter(s -> !s.isBlank())
                                               .map(s -> Integer.parseInt(s.trim()));
            if (timeout.isPresent() || attempts.isPresent()) {
                RetryPolicy base = defaults.apply(p);
                policies.put(p, new RetryPolicy(timeout.orElse(base.timeout()), attempts.orElse(base.maxAttempts()),
                                                base.baseBackoff(), base.maxBackoff(), base.maxRetryAfter()));
            }
        }
        return new VendorSettings(http, urls, policies, null, Models.DEFAULTS);
    }

    static Duration duration(String s) {
        String t = s.trim();
        if (t.matches("\\d+(\\.\\d+)?")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        }
        return Duration.parse(t);
    }
}
