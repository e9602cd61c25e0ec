package org.reelflow.catalog;

import java.util.List;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PlatformsTest {

    private static final Platforms PLATFORMS = Platforms.load();

    @Test
    void threePlatformsInReferenceOrder() {
        assertThat(PLATFORMS.names(), is(List.of("youtube", "tiktok", "instagram")));
        assertThat(PLATFORMS.all().get(0).name(), is(Platforms.DEFAULT));
    }

    @Test
    void matchesReferenceTable() {
        assertThat(PLATFORMS.find("youtube").orElseThrow(), is(new Platform("youtube", 1080, 1920, 30, 60, 40, 55)));
        assertThat(PLATFORMS.find("tiktok").orElseThrow(), is(new Platform("tiktok", 1080, 1920, 30, 180, 40, 60)));
        assertThat(PLATFORMS.find("instagram").orElseThrow(), is(new Platform("instagram", 1080, 1920, 30, 90, 40, 55)));
    }

    @Test
    void apiJsonHasExactlyTheReferenceShape() {
        JsonObject json = PLATFORMS.find("tiktok").orElseThrow().toApiJson();
        assertThat(json.toString(),
                   is("{\"name\":\"tiktok\",\"width\":1080,\"height\":1920,\"fps\":30,\"maxDurationSeconds\":180}"));
    }

    @Test
    void unknownPlatform() {
        assertThat(PLATFORMS.find("vimeo").isPresent(), is(false));
        var e = assertThrows(IllegalArgumentException.class, () -> PLATFORMS.require("vimeo"));
        assertThat(e.getMessage(), is("Unknown platform: vimeo. Available: youtube, tiktok, instagram"));
    }
}
