package org.reelflow.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.helidon.config.Config;

import org.reelflow.jobs.JobRequest;
import org.reelflow.providers.llm.OpenAiCompatibleLlm;

/**
 * Which endpoints a job request may point the server at ({@code providers.llmBaseUrl}, or
 * {@code keys.OPENREELS_LLM_BASE_URL}). The server POSTs prompts there, so an open choice would let any caller
 * reach internal services from the server's network or spend its keys elsewhere.
 * <ul>
 *   <li>Bound to loopback, any URL is honoured: the only caller is the local user (the Host and origin checks of
 *       {@link AccessControl} keep web pages out), and a local model server is the usual target.</li>
 *   <li>Otherwise only hosts in {@code api.allowed-base-url-hosts} are; anything else is a 400 naming the setting.
 *       Endpoints in the server's own configuration are trusted and not checked here.</li>
 * </ul>
 */
public final class BaseUrlPolicy {

    static final String SETTING = "api.allowed-base-url-hosts";
    private static final String ENV = "API_ALLOWED_BASE_URL_HOSTS";

    private final boolean loopback;
    private final Set<String> hosts;

    BaseUrlPolicy(boolean loopback, List<String> hosts) {
        this.loopback = loopback;
        this.hosts = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** From {@code server.host} and {@code api.allowed-base-url-hosts}. */
    public static BaseUrlPolicy from(Config root) {
        return new BaseUrlPolicy(AccessControl.boundToLoopback(root), AccessControl.list(root.get(SETTING)));
    }

    /** @throws ApiException 400 when the request names an endpoint this server may not call */
    public void check(JobRequest request) {
        if (loopback) {
            return;
        }
        check("providers.llmBaseUrl", request.providers().llmBaseUrl());
        check("keys." + OpenAiCompatibleLlm.BASE_URL_VAR, request.keys().get(OpenAiCompatibleLlm.BASE_URL_VAR));
    }

    private void check(String field, String url) {
        if (url == null || url.isBlank()) {
            return;
        }
        String host = host(url);
        if (host == null) {
            throw ApiException.badRequest(field + " must be an http(s) URL with a host");
        }
        if (!hosts.contains(host)) {
            throw ApiException.badRequest(field + " names host " + host + ", which this server may not call: it is "
                    + "reachable from the network, so a request's own URLs are limited to the hosts in " + SETTING
                    + " (" + ENV + ")");
        }
    }

    /** The lower-case host of an http(s) URL (IPv6 in brackets), or null. */
    private static String host(String url) {
        try {
            URI u = new URI(url.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
                return null;
            }
            return u.getHost().toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
