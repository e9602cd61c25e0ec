package org.reelflow.providers.tts;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reelflow.media.align.PocketsphinxAligner;
import org.reelflow.media.voice.FestivalVoice;
import org.reelflow.providers.KeyRing;
import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.vendor.VendorSettings;

class VoiceEnginesTest {

    private final VendorSettings settings = VendorSettings.defaults(ProviderHttp.create());
    private final KeyRing none = new KeyRing(Map.of(), n -> null);

    @Test
    void eachCloudVoiceNamesTheKeyItLacks() {
        Map<String, String> expected = Map.of("elevenlabs", "ELEVENLABS_API_KEY", "inworld", "INWORLD_TTS_API_KEY",
                                              "openai-tts", "OPENAI_API_KEY", "gemini-tts", "GOOGLE_API_KEY");
        expected.forEach((provider, key) -> {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> VoiceEngines.create(provider, none, settings, new PocketsphinxAligner()));
            assertThat(e.getMessage(), is(key + " is required"));
        });
    }

    @Test
    void buildsTheRequestedVoiceFromByokOrServerKeys() {
        KeyRing keys = new KeyRing(Map.of("ELEVENLABS_API_KEY", "k1"), n -> n.equals("GOOGLE_API_KEY") ? "k2" : null);
        assertThat(VoiceEngines.create("elevenlabs", keys, settings, null), instanceOf(ElevenLabsVoice.class));
        assertThat(VoiceEngines.create("gemini-tts", keys, settings, null).provider(), is("gemini-tts"));
        assertThat(VoiceEngines.create("local", none, settings, null), instanceOf(FestivalVoice.class));
        assertThrows(IllegalArgumentException.class, () -> VoiceEngines.create("kokoro-cloud", keys, settings, null));
    }

    @Test
    void openReelsLocalKeyGetsTheLocalVoiceWhichSaysWhatItIs() {
        var voice = VoiceEngines.create("kokoro", none, settings, null);
        assertThat(voice, instanceOf(FestivalVoice.class));
        assertThat("events and the record name the voice that spoke", voice.provider(), is("local"));
    }
}
