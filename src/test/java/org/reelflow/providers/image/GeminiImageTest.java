package org.reelflow.providers.image;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.http.RetryPolicy;
import org.reelflow.support.VendorDouble;

class GeminiImageTest {

    static final String KEY = "AIzaSyImageTestKey-1111111111";

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

    private GeminiImage images() {
        return images(VendorDouble.FAST);
    }

    private GeminiImage images(RetryPolicy policy) {
        return new GeminiImage(vendor.settings("gemini-image", policy), KEY);
    }

    static JsonObject imageAnswer(String mime, String b64) {
        return Json.createObjectBuilder().add("candidates", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("content", Json.createObjectBuilder().add("role", "model").add("parts", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("text", "Here is your image of a lighthouse."))
                        .add(Json.createObjectBuilder().add("inlineData", Json.createObjectBuilder()
                                .add("mimeType", mime).add("data", b64)))))
                .add("finishReason", "STOP")))
                .add("usageMetadata", Json.createObjectBuilder().add("promptTokenCount", 25)).build();
    }

    @Test
    void sendsThePromptWithTheVerticalSuffixAndWritesThePng() throws Exception {
        vendor.then(VendorDouble.json(200, imageAnswer("image/png", Pictures.base64("png", 54, 96))));
        GeminiImage images = images();
        Path out = dir.resolve("scene-0-ai.png");

        assertThat(images.generate("A lighthouse at dusk", out), is(out));

        VendorDouble.Seen r = vendor.only();
        assertThat(r.method(), is("POST"));
        assertThat(r.path(), is("/v1beta/models/gemini-3.1-flash-image:generateContent"));
        assertThat(r.header("x-goog-api-key"), is(KEY));
        assertThat(r.rawQuery(), is(nullValue()));
        JsonObject body = r.json();
        assertThat(body.getJsonArray("contents").getJsonObject(0).getJsonArray("parts").getJsonObject(0)
                       .getString("text"), is("A lighthouse at dusk. Vertical 9:16 aspect ratio, 1080x1920 pixels. "
                                              + "No text, no watermarks."));
        var modalities = body.getJsonObject("generationConfig").getJsonArray("responseModalities");
        assertThat(modalities.getString(0), is("IMAGE"));
        assertThat(modalities.getString(1), is("TEXT"));
        BufferedImage png = ImageIO.read(out.toFile());
        assertThat(png.getWidth(), is(54));
        assertThat(images.imagesGenerated(), is(1));
        assertThat(images.provider(), is("gemini"));
    }

    @Test
    void asksForTheVerticalFrameInImageConfigSoThePictureComesBackVertical() throws Exception {
        // As Gemini does: the aspect ratio of imageConfig shapes the picture; without it the picture is square.
        vendor.then((ex, seen) -> {
            JsonObject imageConfig = seen.json().getJsonObject("generationConfig").getJsonObject("imageConfig");
            boolean vertical = imageConfig != null && "9:16".equals(imageConfig.getString("aspectRatio", null));
            VendorDouble.send(ex, 200, imageAnswer("image/png", vertical ? Pictures.base64("png", 54, 96)
                    : Pictures.base64("png", 64, 64)).toString(), java.util.Map.of());
        });
        Path out = images().generate("A lighthouse at dusk", dir.resolve("scene-0-ai.png"));

        assertThat(vendor.only().json().getJsonObject("generationConfig").getJsonObject("imageConfig")
                         .getString("aspectRatio"), is("9:16"));
        BufferedImage png = ImageIO.read(out.toFile());
        assertThat(png.getWidth() + "x" + png.getHeight(), is("54x96"));
    }

    @Test
    void aJpegAnswerIsStoredAsPng() throws Exception {
        vendor.then(VendorDouble.json(200, imageAnswer("image/jpeg", Pictures.base64("jpg", 54, 96))));
        Path out = images().generate("x", dir.resolve("scene-1-ai.png"));
        byte[] head = Files.readAllBytes(out);
        assertThat(new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII), is("PNG"));
    }

    @Test
    void aBlockedPromptIsRefused() {
        vendor.then(VendorDouble.json(200, "{\"promptFeedback\":{\"blockReason\":\"SAFETY\",\"safetyRatings\":[]}}"));
        ProviderException e = assertThrows(ProviderException.class, () -> images().generate("x", dir.resolve("a.png")));
        assertThat(e.kind(), is(Kind.REFUSED));
        assertThat(e.getMessage(), containsString("blockReason SAFETY"));
    }

    @Test
    void anImageSafetyFinishIsRefused() {
        vendor.then(VendorDouble.json(200, "{\"candidates\":[{\"finishReason\":\"IMAGE_SAFETY\",\"index\":0}]}"));
        ProviderException e = assertThrows(ProviderException.class, () -> images().generate("x", dir.resolve("a.png")));
        assertThat(e.kind(), is(Kind.REFUSED));
        assertThat(images().imagesGenerated(), is(0));
    }

    @Test
    void aTextOnlyAnswerIsRefusedWhenItTalksAboutSafetyElseMalformed() {
        vendor.then(VendorDouble.json(200, "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"I can't create that "
                                           + "image because it may violate our content policy.\"}]},"
                                           + "\"finishReason\":\"STOP\"}]}"),
                    VendorDouble.json(200, "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Sure! Here is a "
                                           + "description of a lighthouse.\"}]},\"finishReason\":\"STOP\"}]}"));
        GeminiImage images = images();
        ProviderException refused = assertThrows(ProviderException.class, () -> images.generate("x", dir.resolve("a.png")));
        assertThat(refused.kind(), is(Kind.REFUSED));
        ProviderException odd = assertThrows(ProviderException.class, () -> images.generate("x", dir.resolve("a.png")));
        assertThat(odd.kind(), is(Kind.MALFORMED_RESPONSE));
        assertThat(odd.getMessage(), containsString("returned no image (finishReason STOP, said: Sure!"));
    }

    @Test
    void httpFailuresKeepTheirKindsAndNeverShowTheKey() {
        vendor.then(VendorDouble.json(401, "{\"error\":{\"code\":401,\"message\":\"key " + KEY + " revoked\","
                                           + "\"status\":\"UNAUTHENTICATED\"}}"));
        ProviderException auth = assertThrows(ProviderException.class, () -> images().generate("x", dir.resolve("a.png")));
        assertThat(auth.kind(), is(Kind.AUTH));
        assertThat(auth.getMessage(), not(containsString(KEY)));
    }

    @Test
    void aRateLimitIsRetriedThenSucceeds() throws Exception {
        vendor.then(VendorDouble.rateLimited("0"), VendorDouble.json(500, "{\"error\":{\"code\":500}}"),
                    VendorDouble.json(200, imageAnswer("image/png", Pictures.base64("png", 20, 30))));
        images().generate("x", dir.resolve("a.png"));
        assertThat(vendor.requests().size(), is(3));
    }

    @Test
    void malformedJsonAndUndecodableImagesAreMalformed() {
        vendor.then(VendorDouble.json(200, "<html>Bad gateway</html>"),
                    VendorDouble.json(200, imageAnswer("image/png", "aGVsbG8gd29ybGQ=")));
        GeminiImage images = images();
        ProviderException e1 = assertThrows(ProviderException.class, () -> images.generate("x", dir.resolve("a.png")));
        assertThat(e1.kind(), is(Kind.MALFORMED_RESPONSE));
        ProviderException e2 = assertThrows(ProviderException.class, () -> images.generate("x", dir.resolve("a.png")));
        assertThat(e2.getMessage(), containsString("does not decode as a picture"));
        assertThat(Files.exists(dir.resolve("a.png")), is(false));
    }

    @Test
    void aSlowAnswerTimesOutAndInterruptAborts() throws Exception {
        vendor.then(VendorDouble.slow(30_000, VendorDouble.json(200, "{}")));
        RetryPolicy one = new RetryPolicy(Duration.ofMillis(300), 1, Duration.ofMillis(10), Duration.ofMillis(10),
                                          Duration.ofSeconds(1));
        ProviderException e = assertThrows(ProviderException.class,
                                           () -> images(one).generate("x", dir.resolve("a.png")));
        assertThat(e.kind(), is(Kind.TIMEOUT));

        AtomicReference<Throwable> outcome = new AtomicReference<>();
        GeminiImage patient = images(one.withTimeout(Duration.ofSeconds(60)));
        Thread job = Thread.ofVirtual().start(() -> {
            try {
                patient.generate("x", dir.resolve("b.png"));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        while (vendor.requests().size() < 2) {
            Thread.sleep(5);
        }
        long t0 = System.nanoTime();
        job.interrupt();
        job.join(5_000);
        assertThat((System.nanoTime() - t0) / 1_000_000, lessThan(1_000L));
        assertThat(outcome.get(), instanceOf(InterruptedException.class));
        assertThat(vendor.arrived.await(0, TimeUnit.SECONDS), is(true));
    }
}
