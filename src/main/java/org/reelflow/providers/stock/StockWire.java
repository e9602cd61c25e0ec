package org.reelflow.providers.stock;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.reelflow.files.AtomicFiles;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.http.RetryPolicy;

/** JSON reading and cache downloads shared by the stock vendors. */
final class StockWire {

    private StockWire() {
    }

    static JsonObject object(String provider, HttpResponse<byte[]> res) throws ProviderException {
        try (JsonReader r = Json.createReader(new ByteArrayInputStream(res.body()))) {
            JsonValue v = r.readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new ProviderException(provider, Kind.MALFORMED_RESPONSE, res.statusCode(), provider + " answered with JSON that is not an object");
            }
            return v.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ProviderException(provider, Kind.MALFORMED_RESPONSE, res.statusCode(), provider + " answered with malformed JSON");
        }
    }

    static String str(JsonObject o, String key) {
        JsonValue v = o == null ? null : o.get(key);
        return v != null && v.getValueType() == JsonValue.ValueType.STRING ? o.getString(key) : null;
    }

    static JsonObject obj(JsonObject o, String key) {
        JsonValue v = o == null ? null : o.get(key);
        return v != null && v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject() : null;
    }

    static int integer(JsonObject o, String key) {
        JsonValue v = o == null ? null : o.get(key);
        return v instanceof JsonNumber n ? n.intValue() : 0;
    }

    static double number(JsonObject o, String key) {
        JsonValue v = o == null ? null : o.get(key);
        return v instanceof JsonNumber n ? n.doubleValue() : 0;
    }

    /** An id that is a number or a string in the vendor's JSON. */
    static String id(JsonObject o) {
        JsonValue v = o == null ? null : o.get("id");
        if (v instanceof JsonNumber n) {
            return n.toString();
        }
        return v != null && v.getValueType() == JsonValue.ValueType.STRING ? o.getString("id") : null;
    }

    static java.util.List<JsonObject> objects(JsonObject o, String key) {
        JsonValue v = o == null ? null : o.get(key);
        if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
            return java.util.List.of();
        }
        return v.asJsonArray().stream().filter(x -> x.getValueType() == JsonValue.ValueType.OBJECT).map(JsonValue::asJsonObject).toList();
    }

    /** An absolute http(s) URI, or null. */
    static URI httpUri(String s) {
        if (s == null || !(s.startsWith("https://") || s.startsWith("http://"))) {
            return null;
        }
        try {
            return URI.create(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static URI join(URI base, String pathAndQuery) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + pathAndQuery);
    }

    /**
     * Fetches a candidate into {@code dir} unless a complete copy is already there. The bytes are checked to be
     * the media they claim (an HTML error page is not a photo), written to a temporary sibling and renamed.
     */
    static Path download(ProviderHttp http, StockCandidate c, Path dir, RetryPolicy policy) throws ProviderException, InterruptedException {
        Path target = dir.resolve(c.fileName());
        if (Files.isRegularFile(target)) {
            return target;
        }
        byte[] body = http.send(c.provider(), HttpRequest.newBuilder(c.url()).GET().build(), policy, null).body();
        if (c.video() ? !isVideo(body) : !isImage(body)) {
            throw new ProviderException(c.provider(), Kind.MALFORMED_RESPONSE, 200, c.provider() + " " + c.id() + " download is not "
                                                                                    + (c.video() ? "a video" : "an image"));
        }
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(target, body);
        } catch (IOException e) {
            throw new ProviderException(c.provider(), Kind.NETWORK, 0, "could not cache " + c.key() + ": " + e.getMessage());
        }
        return target;
    }

    static boolean isImage(byte[] b) {
        return b.length >= 12 && (((b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8)                      // JPEG
                                  || ((b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G')  // PNG
                                  || (b[0] == 'R' && b[1] == 'I' && b[8] == 'W' && b[9] == 'E'));          // WebP
    }

    static boolean isVideo(byte[] b) {
        return b.length >= 12 && ((b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p')                 // MP4/MOV
                                  || ((b[0] & 0xff) == 0x1a && (b[1] & 0xff) == 0x45 && (b[2] & 0xff) == 0xdf)); // WebM
    }
}
