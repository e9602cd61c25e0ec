package org.reelflow.providers.image;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;

import org.reelflow.providers.Model;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.vendor.GeminiContent;
import org.reelflow.providers.vendor.VendorCall;
import org.reelflow.providers.vendor.VendorSettings;

/**
 * Gemini image generation: the model of {@code providers.models.image.gemini} via generateContent with
 * {@code responseModalities ["IMAGE","TEXT"]}; the picture is the first inline image part. A blocked prompt, a
 * safety finish reason or a refusal in the text is {@link ProviderException.Kind#REFUSED}.
 */
public final class GeminiImage implements ImageGenerator {

    public static final String PROVIDER = "gemini";
    /** The name this vendor's calls go by in {@code ProviderHttp} (limits, retries, messages) and settings. */
    public static final String HTTP_NAME = "gemini-image";
    public static final String SUFFIX = ". Vertical 9:16 aspect ratio, 1080x1920 pixels. No text, no watermarks.";

    /** Gemini's name for the reel's vertical frame ({@code generationConfig.imageConfig.aspectRatio}). */
    static final String ASPECT_RATIO = "9:16";

    private final GeminiContent gemini;
    private final AtomicInteger generated = new AtomicInteger();

    public GeminiImage(VendorSettings settings, String key) {
        this.gemini = new GeminiContent(settings, HTTP_NAME, settings.models().choice(Model.IMAGE_GEMINI),
                                        settings.policy(HTTP_NAME, ImageGenerators.DEFAULT_POLICY), key);
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
        // The aspect ratio must be asked for in imageConfig: said only in the prompt, the picture comes back square
        // and the vertical frame is cropped out of it.
        var config = Json.createObjectBuilder()
                .add("responseModalities", Json.createArrayBuilder().add("IMAGE").add("TEXT"))
                .add("imageConfig", Json.createObjectBuilder().add("aspectRatio", ASPECT_RATIO));
        GeminiContent.Answer answer;
        try {
            answer = gemini.generate(GeminiContent.body(prompt + SUFFIX, config));
        } catch (ProviderException e) {
            throw ImageGenerators.refusalOr(e);
        }
        VendorCall call = gemini.call();
        if (answer.blockReason() != null) {
            throw call.refused("rejected the prompt for safety (blockReason " + answer.blockReason()
                               + (answer.blockMessage() == null ? "" : ": " + answer.blockMessage()) + ")");
        }
        GeminiContent.Part part = answer.firstInline("image/");
        if (part == null) {
            String text = answer.text().strip();
            String why = "returned no image (finishReason " + answer.finishReason()
                         + (text.isEmpty() ? "" : ", said: " + clip(text)) + ")";
            if (answer.safetyFinish() || VendorCall.soundsLikeSafetyRefusal(text)
                || VendorCall.soundsLikeSafetyRefusal(answer.finishMessage())) {
                throw call.refused(why + " — rejected by the safety filter");
            }
            throw call.malformed(why);
        }
        Path written = ImageFiles.writePng(call, call.base64("image data", part.data()), out);
        generated.incrementAndGet();
        return written;
    }

    private static String clip(String s) {
        String t = s.replaceAll("\\s+", " ");
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }

    @Override
    public String toString() {
        return "GeminiImage[" + gemini.model().id() + "]";
    }
}
