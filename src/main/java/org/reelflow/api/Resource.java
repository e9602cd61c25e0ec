package org.reelflow.api;

import java.util.Map;
import java.util.TreeMap;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;

/**
 * One path of the API and the methods it answers, registered together so the list is written once: a GET
 * handler also answers HEAD (as Fastify does, and video players and proxies probe with it), and any other method
 * gets 405 with an {@code Allow} header naming the ones that work instead of a misleading 404.
 */
final class Resource {

    private Resource() {
    }

    static void register(HttpRules rules, String path, Map<Method, Handler> handlers) {
        Map<String, Method> allowed = new TreeMap<>();
        handlers.forEach((method, handler) -> {
            rules.route(method, path, handler);
            allowed.put(method.text(), method);
            if (method == Method.GET && !handlers.containsKey(Method.HEAD)) {
                rules.route(Method.HEAD, path, handler);
                allowed.put(Method.HEAD.text(), Method.HEAD);
            }
        });
        String allow = String.join(", ", allowed.keySet());
        rules.any(path, (req, res) -> {
            throw ApiException.methodNotAllowed(req.prologue().method().text(), allow);
        });
    }
}
