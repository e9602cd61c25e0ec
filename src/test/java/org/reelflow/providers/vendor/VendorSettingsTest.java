package org.reelflow.providers.vendor;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.http.RetryPolicy;

class VendorSettingsTest {

    @Test
    void readsBaseUrlsTimeoutsAndAttemptsFromConfig() {
        Map<String, String> config = Map.of("providers.elevenlabs.base-url", "http://127.0.0.1:9000/",
                                            "providers.lyria.timeout", "PT4M",
                                            "providers.gemini-image.timeout", "45",
                                            "providers.gemini-image.max-attempts", "2");
        VendorSettings s = VendorSettings.fromConfig(ProviderHttp.create(), k -> Optional.ofNullable(config.get(k)),
                                                     p -> RetryPolicy.DEFAULT);
        assertThat(s.baseUrl("elevenlabs", "https://api.elevenlabs.io"), is("http://127.0.0.1:9000"));
        assertThat(s.baseUrl("inworld", "https://api.inworld.ai"), is("https://api.inworld.ai"));
        assertThat(s.policy("lyria", null).timeout(), is(Duration.ofMinutes(4)));
        assertThat(s.policy("gemini-image", null).timeout(), is(Duration.ofSeconds(45)));
        assertThat(s.policy("gemini-image", null).maxAttempts(), is(2));
        assertThat(s.policy("openai-tts", RetryPolicy.DEFAULT), is(RetryPolicy.DEFAULT));
        assertThat(s.withBaseUrl("x", URI.create("http://h")).baseUrl("x", "y"), is("http://h"));
    }

    @Test
    void secretsAreMaskedInMessagesAndCauses() {
        String key = "abc+def/ghi=";
        assertThat(Secrets.scrub("key abc+def/ghi= or abc%2Bdef%2Fghi%3D", key), is("key *** or ***"));
        ProviderException e = new ProviderException("p", ProviderException.Kind.NETWORK, 0, "failed with " + key,
                                                    new RuntimeException("inner " + key));
        ProviderException clean = Secrets.scrub(e, key);
        assertThat(clean.getMessage(), is("failed with ***"));
        assertThat(clean.getCause() == null, is(true));
        assertThat(clean.kind(), is(ProviderException.Kind.NETWORK));
    }

    @Test
    void safetyPhrasesFromOpenReelsAreRecognised() {
        for (String s : new String[]{"blocked by safety filter", "violates our content policy", "safety_violations=[x]",
                                     "Your request was rejected by the safety system", "content moderation",
                                     "prohibited content"}) {
            assertThat(s, VendorCall.soundsLikeSafetyRefusal(s), is(true));
        }
        assertThat(VendorCall.soundsLikeSafetyRefusal("Invalid value for size"), is(false));
    }
}
