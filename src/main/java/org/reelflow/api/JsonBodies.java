package org.reelflow.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

/**
 * Reads a request's JSON object body with the checks the API promises: type 415, size 413, and 400 for anything
 * that is not exactly one well-formed JSON object in UTF-8 — trailing bytes, a second object, duplicate keys,
 * invalid UTF-8, lone surrogates and nesting deeper than any request needs are refused, not guessed at.
 */
final class JsonBodies {

    /** Deeper than any request (a replay score is about six levels); checked before parsing, which recurses. */
    static final int MAX_DEPTH = 32;
    /**
     * A duplicate key is an error instead of last-one-wins. A streaming parser is used because only it can tell
     * that bytes follow the object (a JsonReader stops after it); Parsson's parser honours only its own name for
     * the duplicate rule, its readers the standard JSON-P 2.1 one, so both are given.
     */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(
            Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE, "org.eclipse.parsson.rejectDuplicateKeys", true));

    private final long maxBytes;

    JsonBodies(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    JsonObject readObject(ServerRequest req) {
        checkContentType(req);
        long declared = req.headers().contentLength().orElse(-1L);
        if (declared > maxBytes) {
            throw tooLarge();
        }
        if (!req.content().hasEntity()) {
            throw ApiException.badRequest("Request body is required: a JSON object");
        }
        String text = utf8(readLimited(req.content().inputStream()));
        if (text.isBlank()) {
            throw ApiException.badRequest("Request body is required: a JSON object");
        }
        checkDepth(text);
        JsonObject body;
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            if (parser.next() != JsonParser.Event.START_OBJECT) {
                throw ApiException.badRequest("Request body must be a JSON object");
            }
            body = parser.getObject();
            if (parser.hasNext()) {
                throw ApiException.badRequest("Malformed JSON body: unexpected content after the JSON object");
            }
        } catch (JsonException | IllegalStateException e) {
            throw ApiException.badRequest("Malformed JSON body: " + e.getMessage());
        }
        checkStrings(body, "body");
        return body;
    }

    /**
     * JSON in UTF-8, or no type at all. {@code application/x-www-form-urlencoded} is accepted too because it is
     * what {@code curl -d '{...}'} sends by default; the body must still be JSON.
     */
    private static void checkContentType(ServerRequest req) {
        if (!req.headers().contains(HeaderNames.CONTENT_TYPE)) {
            return;
        }
        String raw = req.headers().get(HeaderNames.CONTENT_TYPE).get();
        Optional<HttpMediaType> type;
        try {
            type = req.headers().contentType();
        } catch (RuntimeException e) {
            type = Optional.empty();
        }
        if (type.isEmpty() || type.get().mediaType().type().isEmpty()) {
            throw unsupported("Content-Type '" + printable(raw) + "' cannot be read: send application/json");
        }
        String subtype = type.get().mediaType().subtype();
        String main = type.get().mediaType().type();
        boolean json = "application".equals(main) && ("json".equals(subtype) || subtype.endsWith("+json"));
        boolean curlDefault = "application".equals(main) && "x-www-form-urlencoded".equals(subtype);
        if (!json && !curlDefault) {
            throw unsupported("Content-Type must be application/json, was " + printable(raw));
        }
        Optional<String> charset = type.get().charset();
        if (charset.isPresent() && !charset.get().equalsIgnoreCase("utf-8") && !charset.get().equalsIgnoreCase("utf8")) {
            throw unsupported("Content-Type charset must be utf-8, was " + printable(charset.get()));
        }
    }

    private byte[] readLimited(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            boolean over = false;
            while ((n = in.read(buf)) > 0) {
                // Past the limit the rest is read and dropped (Helidon ends it at server.max-payload-size), so the
                // 413 goes out on a connection with no unread input: see ConnectionGuard.
                over |= out.size() + n > maxBytes;
                if (!over) {
                    out.write(buf, 0, n);
                }
            }
            if (over) {
                throw tooLarge();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NumberFormatException e) {
            // Helidon parses chunk sizes as the body is read, so a broken size surfaces here.
            throw ApiException.badRequest("Malformed chunked request body: a chunk size is not a hexadecimal number");
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("Request body is not valid UTF-8");
        }
    }

    /** Counts brackets outside strings: a thousand-deep body must be a 400, not a stack overflow in the parser. */
    private static void checkDepth(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    throw ApiException.badRequest("Malformed JSON body: nested deeper than " + MAX_DEPTH + " levels");
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }

    /** A {@code \ud800} escape parses into a string no file, log or vendor can take: refused with its place. */
    private static void checkStrings(JsonValue value, String where) {
        switch (value) {
            case JsonObject o -> o.forEach((k, v) -> {
                if (loneSurrogate(k)) {
                    throw ApiException.badRequest("A key in " + where + " contains an unpaired surrogate escape");
                }
                checkStrings(v, where.equals("body") ? k : where + "." + k);
            });
            case JsonArray a -> {
                for (int i = 0; i < a.size(); i++) {
                    checkStrings(a.get(i), where + "[" + i + "]");
                }
            }
            case JsonString s -> {
                if (loneSurrogate(s.getString())) {
                    throw ApiException.badRequest(where + " contains an unpaired surrogate escape (\\ud800-\\udfff)");
                }
            }
            default -> { }
        }
    }

    private static boolean loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** A header value quoted back to the client, without control bytes. */
    static String printable(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
    }

    private static ApiException unsupported(String message) {
        return new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415, message);
    }

    private ApiException tooLarge() {
        return new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413, "Request body exceeds " + maxBytes + " bytes");
    }
}
