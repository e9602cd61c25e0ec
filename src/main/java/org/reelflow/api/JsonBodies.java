package org.reelflow.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;

/** Reads a request's JSON object body with the checks the API promises: type 415, size 413, syntax 400. */
final class JsonBodies {

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
        byte[] body = readLimited(req.content().inputStream());
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw ApiException.badRequest("Request body is required: a JSON object");
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            JsonStructure s = reader.read();
            if (!(s instanceof JsonObject o)) {
                throw ApiException.badRequest("Request body must be a JSON object");
            }
            return o;
        } catch (JsonException e) {
            throw ApiException.badRequest("Malformed JSON body: " + e.getMessage());
        }
    }

    /**
     * JSON, or no type at all. {@code application/x-www-form-urlencoded} is accepted too because it is what
     * {@code curl -d '{...}'} sends by default; the body must still be JSON.
     */
    private static void checkContentType(ServerRequest req) {
        Optional<HttpMediaType> type = req.headers().contentType();
        if (type.isEmpty()) {
            return;
        }
        String subtype = type.get().mediaType().subtype();
        String main = type.get().mediaType().type();
        boolean json = "application".equals(main) && ("json".equals(subtype) || subtype.endsWith("+json"));
        boolean curlDefault = "application".equals(main) && "x-www-form-urlencoded".equals(subtype);
        if (!json && !curlDefault) {
            throw new ApiException(Status.UNSUPPORTED_MEDIA_TYPE_415,
                                   "Content-Type must be application/json, was " + req.headers().get(HeaderNames.CONTENT_TYPE).get());
        }
    }

    private byte[] readLimited(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > maxBytes) {
                    throw tooLarge();
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ApiException tooLarge() {
        return new ApiException(Status.REQUEST_ENTITY_TOO_LARGE_413, "Request body exceeds " + maxBytes + " bytes");
    }
}
