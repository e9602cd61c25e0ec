package org.reelflow.providers.image;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.reelflow.providers.Model;
import org.reelflow.providers.ModelChoice;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.vendor.VendorCall;
import org.reelflow.providers.vendor.VendorSettings;

/**
 * OpenAI image generation ({@code POST /v1/images/generations}, the model of {@code providers.models.image.openai},
 * 1024x1536, high quality, PNG as {@code b64_json}). A moderation block (HTTP 400 "rejected by the safety system") is
 * {@link ProviderException.Kind#REFUSED}.
 */
public final class OpenAiImage implements ImageGenerator {

    public static final String PROVIDER = "openai";
    public static final String HTTP_NAME = "openai-image";
    public static final String DEFAULT_BASE_URL = "https://api.openai.com";
    public static final String SIZE = "1024x1536";
    public static final String SUFFIX = ". Vertical portrait orientation, 2:3 aspect ratio. No text, no watermarks.";

    private final VendorCall call;
    private final String url;
    private final String key;
    private final ModelChoice model;
    private final AtomicInteger generated = new AtomicInteger();

    public OpenAiImage(VendorSettings settings, String key) {
        this.key = key;
        this.call = new VendorCall(settings, HTTP_NAME, settings.policy(HTTP_NAME, ImageGenerators.DEFAULT_POLICY), key);
        this.url = settings.baseUrl(HTTP_NAME, DEFAULT_BASE_URL) + "/v1/images/generations";
        this.model = settings.models().choice(Model.IMAGE_OPENAI);
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public int imagesGenerated() {
        return generated.get();
    }

    @Override
    public Path generate(String prompt, Path out) throws ProviderException, InterruptedException {
        JsonObject body = Json.createObjectBuilder().add("model", model.id()).add("prompt", prompt + SUFFIX).add("n", 1)
                .add("size", SIZE).add("quality", "high").add("output_format", "png").build();
        JsonObject answer;
        try {
            answer = call.postJson(url, Map.of("Authorization", "Bearer " + key), body);
        } catch (ProviderException e) {
            throw ImageGenerators.refusalOr(model.explain(e));
        }
        JsonValue data = answer.get("data");
        if (data == null || data.getValueType() != JsonValue.ValueType.ARRAY || data.asJsonArray().isEmpty()
            || data.asJsonArray().get(0).getValueType() != JsonValue.ValueType.OBJECT) {
            throw call.malformed("returned no image data");
        }
        String b64 = VendorCall.text(data.asJsonArray().getJsonObject(0), "b64_json");
        Path written = ImageFiles.writePng(call, call.base64("b64_json", b64), out);
        generated.incrementAndGet();
        return written;
    }

    @Override
    public String toString() {
        return "OpenAiImage[" + model.id() + "]";
    }
}
