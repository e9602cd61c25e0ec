package org.reelflow.providers.video;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.reelflow.files.AtomicFiles;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.http.RetryPolicy;

/** The plumbing the video vendors share: JSON bodies, polling, and atomic downloads. */
final class Wire {

    private Wire() {
    }

    /** One status check: empty while the job is still running. */
    @FunctionalInterface
    interface Check<T> {
        Optional<T> poll(Duration remaining) throws ProviderException, InterruptedException;
    }

    static JsonObject object(String provider, HttpResponse<byte[]> res) throws ProviderException {
        try (JsonReader r = Json.createReader(new ByteArrayInputStream(res.body()))) {
            JsonValue v = r.readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new ProviderException(provider, Kind.MALFORMED_RESPONSE, res.statusCode(),
                                            provider + " answered with JSON that is not an object");
            }
            return v.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ProviderException(provider, Kind.MALFORMED_RESPONSE, res.statusCode(),
                                        provider + " answered with malformed JSON", e);
        }
    }

    static JsonObject parse(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }

    /** A string member, or null when absent, null or not a string. */
    static String str(JsonObject o, String key) {
        JsonValue v = o == null ? null : o.get(key);
        return v != null && v.getValueType() == JsonValue.ValueType.STRING ? o.getString(key) : null;
    }

    /** A nested object, or null when absent or of another type. */
    static JsonObject obj(JsonObject o, String key) {
        JsonValue v = o == null ? null : o.get(key);
        return v != null && v.getValueType() == JsonValue.ValueType.OBJECT ? v.asJsonObject() : null;
    }

    static ProviderException malformed(String provider, String what) {
        return new ProviderException(provider, Kind.MALFORMED_RESPONSE, 200, provider + " answered without " + what);
    }

    /**
     * Calls {@code check} until it yields a value, sleeping {@code interval} between calls; gives up with a
     * {@link Kind#TIMEOUT} once {@code timeout} has passed. Interrupts end the loop at once (the sleep and any
     * request in flight both give way).
     */
    static <T> T pollUntil(String provider, String what, Duration interval, Duration timeout, Check<T> check)
            throws ProviderException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> done = check.poll(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (done.isPresent()) {
                return done.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new ProviderException(provider, Kind.TIMEOUT, 0,
                                            provider + " " + what + " did not finish within " + human(timeout));
            }
            long sleep = Math.min(interval.toNanos(), left);
            Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
        }
    }

    /** A request policy whose per-attempt timeout does not run past what is left of the poll loop. */
    static RetryPolicy within(RetryPolicy p, Duration remaining) {
        Duration floor = Duration.ofMillis(250);
        Duration t = remaining.compareTo(floor) < 0 ? floor : remaining;
        return t.compareTo(p.timeout()) < 0 ? p.withTimeout(t) : p;
    }

    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * Downloads {@code uri} and writes it to {@code out} atomically (a temporary sibling, then a rename), after
     * checking it looks like an MP4 — an HTML error page must not end up as a scene's clip.
     */
    static Path download(ProviderHttp http, String provider, URI uri, String headerName, String headerValue,
                         RetryPolicy policy, Path out) throws ProviderException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
        if (headerName != null) {
            b.header(headerName, headerValue);
        }
        byte[] body = http.send(provider, b.build(), policy, null).body();
        if (!isMp4(body)) {
            throw new ProviderException(provider, Kind.MALFORMED_RESPONSE, 200,
                                        provider + " returned " + body.length + " bytes that are not an MP4 video");
        }
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            AtomicFiles.write(out, body);
        } catch (IOException e) {
            throw new ProviderException(provider, Kind.NETWORK, 0, "could not save the " + provider + " clip: " + e.getMessage(), e);
        }
        return out;
    }

    /** ISO BMFF files start with a box whose type is {@code ftyp}. */
    static boolean isMp4(byte[] b) {
        return b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p';
    }

    /** The image's MIME type from its signature (PNG or JPEG; WebP last). */
    static String imageMime(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8) {
            return "image/jpeg";
        }
        if (b.length >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return "image/png";
    }

    static byte[] readFrame(String provider, Path firstFrame) throws ProviderException {
        try {
            byte[] b = Files.readAllBytes(firstFrame);
            if (b.length == 0) {
                throw new IOException("the file is empty");
            }
            return b;
        } catch (IOException e) {
            throw new ProviderException(provider, Kind.BAD_REQUEST, 0,
                                        "could not read the first frame " + firstFrame.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** {@code base} + {@code path}, tolerating a trailing slash on the base. */
    static URI join(URI base, String path) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
               && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}
