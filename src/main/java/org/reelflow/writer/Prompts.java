package org.reelflow.writer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The LLM writer's system prompts, shipped in the jar under {@code prompts/} (never read from the working folder). */
final class Prompts {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Prompts() {
    }

    /** {@code prompts/<name>.md}, whole. */
    static String load(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try (InputStream in = Prompts.class.getClassLoader().getResourceAsStream("prompts/" + n + ".md")) {
                if (in == null) {
                    throw new IllegalStateException("Missing prompt resource prompts/" + n + ".md");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** One {@code ## heading} section of a prompt, heading included, up to the next {@code ## } heading. */
    static String section(String name, String heading) {
        String text = load(name);
        int start = text.indexOf("\n## " + heading + "\n");
        if (start < 0) {
            throw new IllegalStateException("prompts/" + name + ".md has no section \"" + heading + "\"");
        }
        int end = text.indexOf("\n## ", start + 4);
        return text.substring(start + 1, end < 0 ? text.length() : end).strip();
    }
}
