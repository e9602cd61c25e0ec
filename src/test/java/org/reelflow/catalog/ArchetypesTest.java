package org.reelflow.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reelflow.score.ScoreVocabulary;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ArchetypesTest {

    private static final Archetypes ARCHETYPES = Archetypes.load();

    @Test
    void allFourteenInRegistryOrder() {
        List<String> expected = List.of("editorial_caricature", "warm_narrative", "studio_realism", "infographic",
                                        "anime_illustration", "pastoral_watercolor", "comic_book", "gothic_fantasy",
                                        "vintage_snapshot", "surreal_dreamscape", "warm_editorial",
                                        "cinematic_documentary", "moody_cinematic", "bold_illustration");
        assertThat(ARCHETYPES.names(), is(expected));
        assertThat(ARCHETYPES.all().stream().map(Archetype::name).toList(), is(expected));
    }

    /** One row per archetype, straight from the reference table (§4). */
    @ParameterizedTest
    @CsvSource({
            "anime_illustration, moderate, bold_outline, 5, 0.3, Inter, 1.4, flip, 12, #0f0f1a, #ff4081, #ffffff, 'Intense, dynamic, dramatic, electrifying.'",
            "bold_illustration, fast, color_highlight, 6, 0.15, Space Grotesk, 1.0, slide_left, 12, #0a1628, #ff6b4a, #ffffff, 'Energetic, clear, accessible, modern.'",
            "cinematic_documentary, cinematic, clean, 4, 0.5, Inter, 0.9, crossfade, 18, #1a1a14, #c8a96e, #e8e0d0, 'Grounded, authoritative, contemplative.'",
            "comic_book, fast, color_highlight, 6, 0.15, Inter, 1.3, slide_left, 12, #1a1a2e, #e94560, #ffffff, 'Energetic, bold, action-driven, punchy.'",
            "editorial_caricature, moderate, bold_outline, 5, 0.3, Inter, 1.5, slide_left, 12, #1a1a2e, #e94560, #ffffff, 'Bold, provocative, narrative-driven, theatrical.'",
            "gothic_fantasy, moderate, block_impact, 5, 0.3, Merriweather, 1.1, wipe, 15, #0d0d14, #6a0dad, #d4d4d4, 'Epic, foreboding, awe-inspiring, mythic.'",
            "infographic, fast, box_highlight, 6, 0.15, Space Grotesk, 0.8, slide_left, 10, #0f0f0f, #00d4ff, #ffffff, 'Authoritative, fast-paced, modern, informative.'",
            "moody_cinematic, cinematic, block_impact, 4, 0.5, Space Grotesk, 1.1, crossfade, 18, #0a0a0f, #8b1a1a, #d4d4d4, 'Tense, mysterious, foreboding, dramatic.'",
            "pastoral_watercolor, cinematic, gradient_rise, 4, 0.5, Merriweather, 0.9, crossfade, 20, #2a3a2a, #7cb342, #faf3e0, 'Serene, wondrous, nostalgic, bittersweet.'",
            "studio_realism, cinematic, clean, 4, 0.5, Inter, 1, slide_left, 10, #0a0a0a, #c8a96e, #ffffff, 'Aspirational, polished, authoritative, real.'",
            "surreal_dreamscape, moderate, karaoke_sweep, 5, 0.3, Merriweather, 1.2, wipe, 15, #0a1628, #00e5ff, #e0f7fa, 'Awe-inspiring, dreamlike, mysterious, transcendent.'",
            "vintage_snapshot, moderate, clean, 5, 0.3, Merriweather, 0.7, flip, 12, #f5f0e8, #c97b3a, #2a2a2a, 'Intimate, nostalgic, authentic, personal.'",
            "warm_editorial, moderate, clean, 5, 0.3, Merriweather, 0.9, crossfade, 20, #2a2218, #d4956a, #faf3e0, 'Warm, relatable, trustworthy, human.'",
            "warm_narrative, cinematic, karaoke_sweep, 4, 0.5, Merriweather, 1.2, crossfade, 20, #2d1b00, #ff9f43, #ffeaa7, 'Warm, nostalgic, contemplative, immersive.'",
    })
    void matchesReferenceTable(String name, String pacing, String caption, int chunk, double linger, String font,
                               double motion, String transition, int frames, String bg, String accent, String text,
                               String mood) {
        Archetype a = ARCHETYPES.find(name).orElseThrow();
        assertThat(a.name(), is(name));
        assertThat(a.scenePacing(), is(pacing));
        assertThat(a.captionStyle(), is(caption));
        assertThat(a.captionChunkSize(), is(chunk));
        assertThat(a.captionLingerS(), is(linger));
        assertThat(a.textCardFont(), is(font));
        assertThat(a.motionIntensity(), is(motion));
        assertThat(a.defaultTransition(), is(transition));
        assertThat(a.transitionDurationFrames(), is(frames));
        assertThat(a.colorPalette(), is(new Palette(bg, accent, text)));
        assertThat(a.mood(), is(mood));
    }

    @Test
    void editorialCaricatureKeepsTheReferenceStyleBible() {
        Archetype a = ARCHETYPES.find("editorial_caricature").orElseThrow();
        assertThat(a.artStyle(), startsWith("Digital caricature illustration with semi-realistic rendering"));
        assertThat(a.lighting(), startsWith("Dramatic theatrical spotlighting"));
        assertThat(a.visualColorPalette(),
                   is(List.of("deep navy blue", "rich amber gold", "dark burgundy", "warm burnt orange", "muted teal")));
    }

    @Test
    void everyArchetypeHasItsOwnStyleBible() {
        Set<String> artStyles = new HashSet<>();
        Set<String> lightings = new HashSet<>();
        Set<List<String>> palettes = new HashSet<>();
        for (Archetype a : ARCHETYPES.all()) {
            for (String prose : List.of(a.artStyle(), a.lighting(), a.compositionRules(), a.culturalMarkers(),
                                        a.antiArtifactGuidance())) {
                assertThat(a.name(), prose.length(), greaterThan(60));
                assertThat(a.name(), prose, not(containsString("\u2014")));
            }
            assertThat(a.name(), a.visualColorPalette(), hasSize(greaterThanOrEqualTo(4)));
            artStyles.add(a.artStyle());
            lightings.add(a.lighting());
            palettes.add(a.visualColorPalette());
        }
        assertThat(artStyles, hasSize(14));
        assertThat(lightings, hasSize(14));
        assertThat(palettes, hasSize(14));
    }

    @Test
    void enumeratedFieldsUseKnownValues() {
        List<String> captionStyles = List.of("bold_outline", "color_highlight", "clean", "block_impact",
                                             "box_highlight", "gradient_rise", "karaoke_sweep");
        for (Archetype a : ARCHETYPES.all()) {
            assertThat(a.name(), a.captionStyle(), isIn(captionStyles));
            assertThat(a.name(), a.defaultTransition(), isIn(ScoreVocabulary.TRANSITIONS));
            assertThat(a.name(), a.scenePacing(), isIn(List.of("fast", "moderate", "cinematic")));
        }
    }

    @Test
    void apiJsonHasExactlyTheReferenceShape() {
        JsonObject json = ARCHETYPES.find("infographic").orElseThrow().toApiJson();
        assertThat(List.copyOf(json.keySet()), is(List.of("name", "captionStyle", "artStyle", "mood", "colorPalette",
                                                          "visualColorPalette", "scenePacing", "motionIntensity")));
        assertThat(json.getString("name"), is("infographic"));
        assertThat(json.getString("captionStyle"), is("box_highlight"));
        assertThat(json.getString("scenePacing"), is("fast"));
        assertThat(json.getJsonNumber("motionIntensity").doubleValue(), is(0.8));
        assertThat(json.getJsonObject("colorPalette").toString(),
                   is("{\"background\":\"#0f0f0f\",\"accent\":\"#00d4ff\",\"text\":\"#ffffff\"}"));
        assertThat(json.getJsonArray("visualColorPalette").getString(0), is("electric cyan"));
    }

    @Test
    void unknownNames() {
        assertThat(ARCHETYPES.find("glitch").isPresent(), is(false));
        assertThat(ARCHETYPES.find(null).isPresent(), is(false));
        var e = assertThrows(IllegalArgumentException.class, () -> ARCHETYPES.require("glitch"));
        assertThat(e.getMessage(), startsWith("Unknown archetype: glitch. Available: editorial_caricature, warm_narrative,"));
        assertThat(e.getMessage(), endsWith("moody_cinematic, bold_illustration"));
    }
}
