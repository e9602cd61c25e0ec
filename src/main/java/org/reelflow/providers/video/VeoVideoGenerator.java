package org.reelflow.providers.video;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.reelflow.providers.Model;
import org.reelflow.providers.ModelChoice;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.http.ProviderHttp;

/**
 * Google Veo through the Gemini API: {@code POST /v1beta/models/<model>:predictLongRunning} with the first frame
 * inline (base64), then {@code GET /v1beta/<operation>} until {@code done}, then the clip is fetched from the
 * returned file URI. Veo takes no negative prompt on this API; one given is dropped (logged once). The model is
 * {@code providers.models.video.veo}, or the job's {@code videoModel} when Veo is its primary video provider.
 */
public final class VeoVideoGenerator implements VideoGenerator {

    private static final Logger LOG = Logger.getLogger(VeoVideoGenerator.class.getName());
    /** The name this vendor's calls carry in {@link ProviderHttp} (limits, errors). */
    public static final String HTTP_NAME = "veo";
    private static final int[] DURATIONS = {4, 6, 8};
    private static final String KEY_HEADER = "x-goog-api-key";

    private final ProviderHttp http;
    private final String apiKey;
    private final VideoSettings settings;
    private final ModelChoice model;
    private final AtomicBoolean warnedNegative = new AtomicBoolean();

    public VeoVideoGenerator(ProviderHttp http, String apiKey, VideoSettings settings) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalStateException("GOOGLE_API_KEY is required");
        }
        this.http = http;
        this.apiKey = apiKey;
        this.settings = settings;
        this.model = settings.models().choice(Model.VIDEO_VEO);
    }

    @Override
    public String provider() {
        return "gemini";
    }

    @Override
    public int[] durations() {
        return DURATIONS.clone();
    }

    public String model() {
        return model.id();
    }

    @Override
    public Path generate(Path firstFrame, String motionPrompt, String negativePrompt, double sceneSeconds, Path out)
            throws ProviderException, InterruptedException {
        int seconds = VideoGenerator.pickDuration(DURATIONS, sceneSeconds);
        byte[] image = Wire.readFrame(HTTP_NAME, firstFrame);
        if (negativePrompt != null && !negativePrompt.isBlank() && warnedNegative.compareAndSet(false, true)) {
            LOG.info("Veo does not take a negative prompt on the Gemini API; it is ignored");
        }
        JsonObject body = Json.createObjectBuilder()
                .add("instances", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("prompt", motionPrompt == null ? "" : motionPrompt)
                        .add("image", Json.createObjectBuilder()
                                .add("bytesBase64Encoded", Base64.getEncoder().encodeToString(image))
                                .add("mimeType", Wire.imageMime(image)))))
                .add("parameters", Json.createObjectBuilder().add("aspectRatio", "9:16").add("durationSeconds", seconds))
                .build();
        URI submit = Wire.join(settings.googleBaseUrl(),
                               "/v1beta/models/" + URLEncoder.encode(model.id(), StandardCharsets.UTF_8) + ":predictLongRunning");
        JsonObject started;
        try {
            started = Wire.object(HTTP_NAME, http.send(HTTP_NAME, HttpRequest.newBuilder(submit)
                    .header(KEY_HEADER, apiKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), settings.requests(), null));
        } catch (ProviderException e) {
            throw model.explain(e);
        }
        String operation = Wire.str(started, "name");
        if (operation == null || !operation.matches("[A-Za-z0-9._/-]+") || operation.contains("..")) {
            throw Wire.malformed(HTTP_NAME, "an operation name");
        }
        URI status = Wire.join(settings.googleBaseUrl(), "/v1beta/" + operation);
        JsonObject done = Wire.pollUntil(HTTP_NAME, "video operation", settings.pollInterval(), settings.pollTimeout(), remaining -> {
            JsonObject op = Wire.object(HTTP_NAME, http.send(HTTP_NAME, HttpRequest.newBuilder(status)
                    .header(KEY_HEADER, apiKey).GET().build(), Wire.within(settings.requests(), remaining), null));
            return op.getBoolean("done", false) ? Optional.of(op) : Optional.empty();
        });
        URI video = videoUri(done);
        // The file URI is on the Gemini API and needs the key; never send it anywhere else.
        boolean ours = Wire.sameOrigin(video, settings.googleBaseUrl());
        return Wire.download(http, HTTP_NAME, video, ours ? KEY_HEADER : null, ours ? apiKey : null, settings.downloads(), out);
    }

    /** The clip's URI from a finished operation, or why there is none. */
    private static URI videoUri(JsonObject op) throws ProviderException {
        JsonObject error = Wire.obj(op, "error");
        if (error != null) {
            int code = error.getInt("code", 0);
            String message = Wire.str(error, "message");
            // google.rpc.Code 3 INVALID_ARGUMENT, 9 FAILED_PRECONDITION: the request itself is at fault.
            Kind kind = code == 3 || code == 9 ? Kind.BAD_REQUEST : Kind.SERVER;
            throw new ProviderException(HTTP_NAME, kind, 0, "Veo operation failed (code " + code + "): "
                                                             + (message == null ? "no message" : message));
        }
        JsonObject response = Wire.obj(Wire.obj(op, "response"), "generateVideoResponse");
        if (response == null) {
            throw Wire.malformed(HTTP_NAME, "a generateVideoResponse");
        }
        JsonValue samples = response.get("generatedSamples");
        if (samples == null || samples.getValueType() != JsonValue.ValueType.ARRAY || samples.asJsonArray().isEmpty()) {
            JsonValue reasons = response.get("raiMediaFilteredReasons");
            if (reasons != null && reasons.getValueType() == JsonValue.ValueType.ARRAY) {
                throw new ProviderException(HTTP_NAME, Kind.REFUSED, 0, "Veo filtered the video: "
                                                                        + String.join("; ", strings(reasons.asJsonArray())));
            }
            throw Wire.malformed(HTTP_NAME, "a generated sample");
        }
        JsonValue first = samples.asJsonArray().get(0);
        String uri = first.getValueType() == JsonValue.ValueType.OBJECT ? Wire.str(Wire.obj(first.asJsonObject(), "video"), "uri") : null;
        if (uri == null || uri.isBlank()) {
            throw Wire.malformed(HTTP_NAME, "a video uri");
        }
        try {
            URI u = URI.create(uri);
            if (!"https".equalsIgnoreCase(u.getScheme()) && !"http".equalsIgnoreCase(u.getScheme())) {
                throw new IllegalArgumentException("not http(s)");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw Wire.malformed(HTTP_NAME, "a usable video uri");
        }
    }

    private static java.util.List<String> strings(JsonArray a) {
        return a.stream().map(v -> v.getValueType() == JsonValue.ValueType.STRING ? ((jakarta.json.JsonString) v).getString() : v.toString())
                .toList();
    }

    @Override
    public String toString() {
        return "VeoVideoGenerator[" + model.id() + "]";
    }
}
