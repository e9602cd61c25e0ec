package org.reelflow.providers.video;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.reelflow.providers.Model;
import org.reelflow.providers.ModelChoice;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.http.RetryPolicy;

/**
 * Image-to-video through fal's queue API, by default Kling 2.6 Pro (the endpoint is
 * {@code providers.models.video.fal}, or the job's {@code videoModel} when fal is its primary video provider).
 * <ol>
 *   <li>The first frame is uploaded to fal storage as fal's own client does ({@code POST
 *       https://rest.fal.ai/storage/upload/initiate?storage_type=fal-cdn-v3} with {@code content_type},
 *       {@code file_name} and an {@code X-Fal-Object-Lifecycle} expiry → {@code upload_url}, {@code file_url};
 *       {@code PUT} the bytes to {@code upload_url}). fal documents URLs as the input every model takes (data URIs
 *       only "some models"), and OpenReels uploads too.</li>
 *   <li>{@code POST <queue>/<endpoint>} with {@code Authorization: Key <key>} →
 *       {@code request_id}, {@code status_url}, {@code response_url}, {@code cancel_url}.</li>
 *   <li>{@code GET status_url} until {@code COMPLETED}; {@code GET response_url} → {@code video.url}; download.</li>
 * </ol>
 * If the wait is abandoned (interrupt or poll timeout) the request is cancelled in the background, so an
 * abandoned clip is not left running up a bill.
 */
public final class FalVideoGenerator implements VideoGenerator {

    private static final Logger LOG = Logger.getLogger(FalVideoGenerator.class.getName());
    public static final String HTTP_NAME = "fal";
    private static final int[] DURATIONS = {5, 10};

    private final ProviderHttp http;
    private final String auth;
    private final VideoSettings settings;
    private final ModelChoice endpoint;

    public FalVideoGenerator(ProviderHttp http, String apiKey, VideoSettings settings) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalStateException("FAL_API_KEY is required");
        }
        this.http = http;
        this.auth = "Key " + apiKey;
        this.settings = settings;
        this.endpoint = settings.models().choice(Model.VIDEO_FAL);
    }

    @Override
    public String provider() {
        return "fal";
    }

    @Override
    public int[] durations() {
        return DURATIONS.clone();
    }

    @Override
    public Path generate(Path firstFrame, String motionPrompt, String negativePrompt, double sceneSeconds, Path out)
            throws ProviderException, InterruptedException {
        int seconds = VideoGenerator.pickDuration(DURATIONS, sceneSeconds);
        String imageUrl = upload(Wire.readFrame(HTTP_NAME, firstFrame));
        var input = Json.createObjectBuilder()
                .add("prompt", motionPrompt == null ? "" : motionPrompt)
                .add("start_image_url", imageUrl)
                .add("duration", String.valueOf(seconds))
                .add("cfg_scale", 0.5)
                // Kling 2.6 adds its own soundtrack by default (and bills double); the pipeline brings voice and music.
                .add("generate_audio", false);
        if (negativePrompt != null && !negativePrompt.isBlank()) {
            input.add("negative_prompt", negativePrompt);
        }
        JsonObject queued;
        try {
            queued = post(Wire.join(settings.falQueueUrl(), "/" + endpoint.id()), input.build(), Map.of());
        } catch (ProviderException e) {
            throw endpoint.explain(e);
        }
        String requestId = Wire.str(queued, "request_id");
        if (requestId == null || !requestId.matches("[A-Za-z0-9._-]+")) {
            throw Wire.malformed(HTTP_NAME, "a request_id");
        }
        String appBase = "/" + appId(endpoint.id()) + "/requests/" + requestId;
        URI statusUrl = url(queued, "status_url", appBase + "/status");
        URI responseUrl = url(queued, "response_url", appBase);
        URI cancelUrl = url(queued, "cancel_url", appBase + "/cancel");
        boolean finished = false;
        try {
            JsonObject status = Wire.pollUntil(HTTP_NAME, "video request", settings.pollInterval(), settings.pollTimeout(), remaining -> {
                JsonObject s = get(statusUrl, Wire.within(settings.requests(), remaining));
                String state = Wire.str(s, "status");
                if (state == null) {
                    throw Wire.malformed(HTTP_NAME, "a queue status");
                }
                return switch (state) {
                    case "COMPLETED" -> Optional.of(s);
                    case "IN_QUEUE", "IN_PROGRESS" -> Optional.empty();
                    default -> throw new ProviderException(HTTP_NAME, Kind.MALFORMED_RESPONSE, 200,
                                                           "fal reported an unknown queue status " + state);
                };
            });
            finished = true;
            String error = Wire.str(status, "error");
            if (error != null && !error.isBlank()) {
                throw new ProviderException(HTTP_NAME, Kind.SERVER, 0, "fal request failed: " + error);
            }
        } finally {
            if (!finished) {
                cancelInBackground(cancelUrl);
            }
        }
        JsonObject result = get(responseUrl, settings.requests());
        String videoUrl = Wire.str(Wire.obj(result, "video"), "url");
        if (videoUrl == null || !(videoUrl.startsWith("https://") || videoUrl.startsWith("http://"))) {
            throw Wire.malformed(HTTP_NAME, "video.url");
        }
        // The result lives on fal's public CDN: no key goes with the download.
        return Wire.download(http, HTTP_NAME, URI.create(videoUrl), null, null, settings.downloads(), out);
    }

    /**
     * How long fal keeps an uploaded frame: Kling reads it when the clip starts, so a day covers any queue, and the
     * frame does not stay on a public CDN for good. The value is what fal's client sends for its {@code "1d"}.
     */
    static final String FRAME_LIFECYCLE = "{\"expiration_duration_seconds\":86400,\"allow_io_storage\":true}";

    /** Puts the frame in fal storage and returns its public URL. */
    private String upload(byte[] image) throws ProviderException, InterruptedException {
        String mime = Wire.imageMime(image);
        JsonObject slot = post(Wire.join(settings.falRestUrl(), "/storage/upload/initiate?storage_type=fal-cdn-v3"),
                               Json.createObjectBuilder().add("content_type", mime)
                                       .add("file_name", "first-frame." + mime.substring(mime.indexOf('/') + 1)).build(),
                               Map.of("X-Fal-Object-Lifecycle", FRAME_LIFECYCLE));
        String uploadUrl = Wire.str(slot, "upload_url");
        String fileUrl = Wire.str(slot, "file_url");
        if (uploadUrl == null || fileUrl == null || !uploadUrl.matches("https?://.+")) {
            throw Wire.malformed(HTTP_NAME, "an upload_url and file_url");
        }
        // A signed URL: it carries its own authorisation, so the key is not sent there.
        http.send(HTTP_NAME, HttpRequest.newBuilder(URI.create(uploadUrl)).header("Content-Type", mime)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(image)).build(), settings.downloads(), null);
        return fileUrl;
    }

    private JsonObject post(URI uri, JsonObject body, Map<String, String> headers) throws ProviderException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Authorization", auth).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        headers.forEach(b::header);
        return Wire.object(HTTP_NAME, http.send(HTTP_NAME, b.build(), settings.requests(), null));
    }

    private JsonObject get(URI uri, RetryPolicy policy) throws ProviderException, InterruptedException {
        return Wire.object(HTTP_NAME, http.send(HTTP_NAME, HttpRequest.newBuilder(uri).header("Authorization", auth).GET().build(),
                                                policy, null));
    }

    /** The URL fal gave (it says not to build them), or the documented shape when it gave none. */
    /** The app an endpoint belongs to, its first two segments: fal keeps a request's status and result there. */
    static String appId(String endpoint) {
        int second = endpoint.indexOf('/', endpoint.indexOf('/') + 1);
        return second < 0 ? endpoint : endpoint.substring(0, second);
    }

    private URI url(JsonObject queued, String field, String fallbackPath) throws ProviderException {
        String u = Wire.str(queued, field);
        if (u == null) {
            return Wire.join(settings.falQueueUrl(), fallbackPath);
        }
        if (!u.matches("https?://.+")) {
            throw Wire.malformed(HTTP_NAME, "a usable " + field);
        }
        try {
            return URI.create(u);
        } catch (IllegalArgumentException e) {
            throw Wire.malformed(HTTP_NAME, "a usable " + field);
        }
    }

    private void cancelInBackground(URI cancelUrl) {
        RetryPolicy once = new RetryPolicy(Duration.ofSeconds(10), 1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        Thread.ofVirtual().name("fal-cancel").start(() -> {
            try {
                http.send(HTTP_NAME, HttpRequest.newBuilder(cancelUrl).header("Authorization", auth)
                        .PUT(HttpRequest.BodyPublishers.noBody()).build(), once, null);
            } catch (ProviderException | InterruptedException e) {
                LOG.log(Level.FINE, "could not cancel a fal request: {0}", e.getMessage());
            }
        });
    }

    @Override
    public String toString() {
        return "FalVideoGenerator[" + endpoint.id() + "]";
    }
}
