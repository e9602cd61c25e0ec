package org.reelflow.providers.video;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.reelflow.providers.KeyRing;
import org.reelflow.providers.http.ProviderHttp;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Choosing clip lengths, and building providers (and the chain) from a job's keys. */
class VideoGeneratorsTest {

    static KeyRing keys(Map<String, String> byok) {
        return new KeyRing(byok, n -> null);
    }

    static java.util.List<String> chain(String preferred, Map<String, String> k) {
        return VideoGenerators.chain(preferred, keys(k), ProviderHttp.create(), VideoSettings.defaults()).stream()
                .map(VideoGenerator::provider).toList();
    }

    @Test
    void picksTheSmallestLengthCoveringTheSceneElseTheLongest() {
        int[] veo = {4, 6, 8};
        assertThat(VideoGenerator.pickDuration(veo, 3.0), is(4));
        assertThat(VideoGenerator.pickDuration(veo, 4.0), is(4));
        assertThat(VideoGenerator.pickDuration(veo, 4.01), is(6));
        assertThat(VideoGenerator.pickDuration(veo, 8.0), is(8));
        assertThat(VideoGenerator.pickDuration(veo, 12.5), is(8));
        assertThat("unknown length counts as 5 s", VideoGenerator.pickDuration(veo, 0), is(6));
        assertThat(VideoGenerator.pickDuration(veo, Double.NaN), is(6));
        int[] kling = {5, 10};
        assertThat(VideoGenerator.pickDuration(kling, 5.0), is(5));
        assertThat(VideoGenerator.pickDuration(kling, 5.5), is(10));
        assertThat(VideoGenerator.pickDuration(kling, 30), is(10));
        assertThat(VideoGenerator.pickDuration(new int[] {10, 5}, 2), is(5));
    }

    @Test
    void aMissingKeyIsNamedBeforeAnyCall() {
        IllegalStateException g = assertThrows(IllegalStateException.class,
                () -> VideoGenerators.create("gemini", keys(Map.of()), ProviderHttp.create(), VideoSettings.defaults()));
        assertThat(g.getMessage(), is("GOOGLE_API_KEY is required"));
        IllegalStateException f = assertThrows(IllegalStateException.class,
                () -> VideoGenerators.create("fal", keys(Map.of("GOOGLE_API_KEY", "g")), ProviderHttp.create(), VideoSettings.defaults()));
        assertThat(f.getMessage(), is("FAL_API_KEY is required"));
        assertThrows(IllegalArgumentException.class,
                () -> VideoGenerators.create("runway", keys(Map.of()), ProviderHttp.create(), VideoSettings.defaults()));
    }

    @Test
    void theChainFollowsOpenReels() {
        assertThat(chain(null, Map.of()), empty());
        assertThat(chain(null, Map.of("GOOGLE_API_KEY", "g")), contains("gemini"));
        assertThat(chain(null, Map.of("FAL_API_KEY", "f")), contains("fal"));
        assertThat(chain(null, Map.of("GOOGLE_API_KEY", "g", "FAL_API_KEY", "f")), contains("gemini", "fal"));
        assertThat(chain("fal", Map.of("GOOGLE_API_KEY", "g", "FAL_API_KEY", "f")), contains("fal", "gemini"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> chain("fal", Map.of("GOOGLE_API_KEY", "g")));
        assertThat(e.getMessage(), is("FAL_API_KEY is required"));
    }

    @Test
    void keysFromTheServerEnvironmentCountToo() {
        KeyRing ring = new KeyRing(Map.of(), n -> n.equals("GOOGLE_API_KEY") ? "server-key" : null);
        assertThat(VideoGenerators.chain(null, ring, ProviderHttp.create(), VideoSettings.defaults()).get(0).provider(), is("gemini"));
    }
}
