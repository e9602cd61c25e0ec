package org.reelflow.providers.image;

import java.time.Duration;
import java.util.List;

import org.reelflow.providers.KeyRing;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.http.RetryPolicy;
import org.reelflow.providers.vendor.VendorCall;
import org.reelflow.providers.vendor.VendorSettings;

/** Makes the image generator a job asked for, checking its key before any call. */
public final class ImageGenerators {

    /** High-quality portrait images take tens of seconds: two minutes per attempt. */
    public static final RetryPolicy DEFAULT_POLICY = RetryPolicy.DEFAULT.withTimeout(Duration.ofSeconds(120));

    public static final List<String> PROVIDERS = List.of(GeminiImage.PROVIDER, OpenAiImage.PROVIDER);

    private ImageGenerators() {
    }

    public static String keyName(String provider) {
        return switch (provider) {
            case GeminiImage.PROVIDER -> "GOOGLE_API_KEY";
            case OpenAiImage.PROVIDER -> "OPENAI_API_KEY";
            default -> null;
        };
    }

    /**
     * @throws IllegalStateException "&lt;KEY&gt; is required" when the key is missing
     * @throws IllegalArgumentException for an unknown provider ("local" cards are painted, not generated)
     */
    public static ImageGenerator create(String provider, KeyRing keys, VendorSettings settings) {
        return switch (provider) {
            case GeminiImage.PROVIDER -> new GeminiImage(settings, keys.require(keyName(provider)));
            case OpenAiImage.PROVIDER -> new OpenAiImage(settings, keys.require(keyName(provider)));
            default -> throw new IllegalArgumentException("unknown image provider '" + provider + "' (known: "
                                                          + String.join(", ", PROVIDERS) + ")");
        };
    }

    /** A rejected request whose message reads like a safety refusal becomes REFUSED; anything else stays. */
    static ProviderException refusalOr(ProviderException e) {
        if (e.kind() == ProviderException.Kind.BAD_REQUEST && VendorCall.soundsLikeSafetyRefusal(e.getMessage())) {
            return new ProviderException(e.provider(), ProviderException.Kind.REFUSED, e.status(),
                                         e.getMessage(), e);
        }
        return e;
    }
}
