package org.reelflow.providers.image;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelflow.providers.KeyRing;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.support.VendorDouble;
import org.reelflow.providers.vendor.VendorSettings;

class OpenAiImageTest {

    static final String KEY = "sk-proj-image-test-9876543210";

    VendorDouble vendor;
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        vendor = new VendorDouble();
    }

    @AfterEach
    void stop() {
        vendor.close();
    }

    private OpenAiImage images() {
        return new OpenAiImage(vendor.settings("openai-image"), KEY);
    }

    static JsonObject answer(String b64) {
        return Json.createObjectBuilder().add("created", 1_767_000_000)
                .add("data", Json.createArrayBuilder().add(Json.createObjectBuilder().add("b64_json", b64)))
                .add("usage", Json.createObjectBuilder().add("total_tokens", 6_300).add("input_tokens", 40)
                        .add("output_tokens", 6_240)).build();
    }

    @Test
    void requestsAHighQualityPortraitPng() throws Exception {
        vendor.then(VendorDouble.json(200, answer(Pictures.base64("png", 64, 96))));
        OpenAiImage images = images();
        Path out = images.generate("A fox in snow", dir.resolve("scene-2-ai.png"));

        VendorDouble.Seen r = vendor.only();
        assertThat(r.method(), is("POST"));
        assertThat(r.path(), is("/v1/images/generations"));
        assertThat(r.header("Authorization"), is("Bearer " + KEY));
        JsonObject body = r.json();
        assertThat(body.getString("model"), is("gpt-image-1.5"));
        assertThat(body.getString("prompt"), is("A fox in snow. Vertical portrait orientation, 2:3 aspect ratio. "
                                                + "No text, no watermarks."));
        assertThat(body.getString("size"), is("1024x1536"));
        assertThat(body.getString("quality"), is("high"));
        assertThat(body.getString("output_format"), is("png"));
        assertThat(body.getInt("n"), is(1));
        assertThat(ImageIO.read(out.toFile()).getHeight(), is(96));
        assertThat(images.imagesGenerated(), is(1));
    }

    @Test
    void aModerationBlockIsRefused() {
        vendor.then(VendorDouble.json(400, "{\"error\":{\"message\":\"Your request was rejected by the safety system. "
                                           + "If you believe this is an error, contact us. safety_violations=[violence]."
                                           + "\",\"type\":\"image_generation_user_error\",\"param\":null,"
                                           + "\"code\":\"moderation_blocked\"}}"));
        ProviderException e = assertThrows(ProviderException.class, () -> images().generate("x", dir.resolve("a.png")));
        assertThat(e.kind(), is(Kind.REFUSED));
        assertThat(e.status(), is(400));
        assertThat(e.getMessage(), containsString("rejected by the safety system"));
        assertThat(vendor.requests().size(), is(1));
    }

    @Test
    void anOrdinaryBadRequestStaysABadRequest() {
        vendor.then(VendorDouble.json(400, "{\"error\":{\"message\":\"Invalid value: '1024x1537'. Supported values "
                                           + "are: '1024x1024', '1024x1536', '1536x1024', and 'auto'.\","
                                           + "\"type\":\"invalid_request_error\",\"param\":\"size\","
                                           + "\"code\":\"invalid_value\"}}"));
        ProviderException e = assertThrows(ProviderException.class, () -> images().generate("x", dir.resolve("a.png")));
        assertThat(e.kind(), is(Kind.BAD_REQUEST));
    }

    @Test
    void missingDataIsMalformedAndKeysStayHidden() {
        vendor.then(VendorDouble.json(200, "{\"created\":1,\"data\":[]}"),
                    VendorDouble.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}"));
        OpenAiImage images = images();
        ProviderException e = assertThrows(ProviderException.class, () -> images.generate("x", dir.resolve("a.png")));
        assertThat(e.kind(), is(Kind.MALFORMED_RESPONSE));
        assertThat(e.getMessage(), is("openai-image returned no image data"));
        ProviderException auth = assertThrows(ProviderException.class, () -> images.generate("x", dir.resolve("a.png")));
        assertThat(auth.kind(), is(Kind.AUTH));
        assertThat(auth.getMessage(), not(containsString(KEY)));
    }

    @Test
    void serverErrorsAreRetriedThreeTimes() {
        vendor.then(VendorDouble.json(503, "{\"error\":{\"message\":\"overloaded\"}}"));
        ProviderException e = assertThrows(ProviderException.class, () -> images().generate("x", dir.resolve("a.png")));
        assertThat(e.kind(), is(Kind.SERVER));
        assertThat(vendor.requests().size(), is(3));
    }

    @Test
    void theFactoryNamesTheMissingKey() {
        VendorSettings settings = VendorSettings.defaults(ProviderHttp.create());
        KeyRing none = new KeyRing(Map.of(), n -> null);
        assertThat(assertThrows(IllegalStateException.class, () -> ImageGenerators.create("openai", none, settings))
                           .getMessage(), is("OPENAI_API_KEY is required"));
        assertThat(assertThrows(IllegalStateException.class, () -> ImageGenerators.create("gemini", none, settings))
                           .getMessage(), is("GOOGLE_API_KEY is required"));
        KeyRing keys = new KeyRing(Map.of("GOOGLE_API_KEY", "g"), n -> null);
        assertThat(ImageGenerators.create("gemini", keys, settings).provider(), is("gemini"));
        assertThrows(IllegalArgumentException.class, () -> ImageGenerators.create("midjourney", keys, settings));
    }
}
