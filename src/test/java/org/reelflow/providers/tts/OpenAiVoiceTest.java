package org.reelflow.providers.tts;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.sound.sampled.AudioSystem;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelflow.media.align.AlignmentException;
import org.reelflow.media.align.PocketsphinxAligner;
import org.reelflow.media.voice.ChildProcesses;
import org.reelflow.media.voice.FestivalVoice;
import org.reelflow.media.voice.FestivalVoiceTest;
import org.reelflow.media.voice.TextNormalizer;
import org.reelflow.media.voice.Voiceover;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.support.VendorDouble;

class OpenAiVoiceTest {

    static final String KEY = "sk-proj-openai-test-key-42";
    static SpeechFixture speech;

    VendorDouble vendor;
    @TempDir
    Path out;

    @BeforeAll
    static void speech() throws Exception {
        speech = SpeechFixture.get();
    }

    @BeforeEach
    void start() throws Exception {
        vendor = new VendorDouble();
    }

    @AfterEach
    void stop() {
        vendor.close();
    }

    private OpenAiVoice voice() {
        return new OpenAiVoice(vendor.settings("openai-tts"), KEY, new PocketsphinxAligner());
    }

    /** OpenAI streams its WAV, so the header's sizes are placeholders (0xFFFFFFFF). */
    static byte[] streamedWav(byte[] wav) {
        byte[] copy = wav.clone();
        ByteBuffer b = ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(4, -1);
        for (int pos = 12; pos + 8 <= copy.length; ) {
            String id = new String(copy, pos, 4, java.nio.charset.StandardCharsets.US_ASCII);
            int size = b.getInt(pos + 4);
            if (id.equals("data")) {
                b.putInt(pos + 4, -1);
                break;
            }
            pos += 8 + size;
        }
        return copy;
    }

    @Test
    void sendsSpeakableTextAndForceAlignsTheWav() throws Exception {
        vendor.then(VendorDouble.bytes(200, "audio/wav", streamedWav(speech.wav())));
        OpenAiVoice voice = voice();

        Voiceover v = voice.synthesize(SpeechFixture.SCRIPT, out);

        VendorDouble.Seen r = vendor.only();
        assertThat(r.method(), is("POST"));
        assertThat(r.path(), is("/v1/audio/speech"));
        assertThat(r.header("Authorization"), is("Bearer " + KEY));
        JsonObject body = r.json();
        assertThat(body.getString("model"), is("gpt-4o-mini-tts"));
        assertThat(body.getString("voice"), is("alloy"));
        assertThat(body.getString("response_format"), is("wav"));
        String spoken = new TextNormalizer().normalize(SpeechFixture.SCRIPT).speakableText();
        assertThat(body.getString("input"), is(spoken));
        assertThat(body.getString("input"), containsString("twenty twenty four"));

        assertThat(v.audio(), is(out.resolve("voiceover.wav")));
        assertThat("the header now tells the truth",
                   AudioSystem.getAudioFileFormat(v.audio().toFile()).getFrameLength() > 0, is(true));
        assertThat(v.durationSec(), closeTo(speech.festival.durationSec(), 0.001));
        Alignments.assertClose(SpeechFixture.SCRIPT, v.words(), speech.words());
        assertThat(voice.charactersSent(), is((long) spoken.length()));
    }

    @Test
    void audioThatDoesNotHoldTheScriptFailsLoudlyInsteadOfSpacingWordsEvenly() throws Exception {
        vendor.then(VendorDouble.bytes(200, "audio/wav", SpeechFixture.silenceWav(out, 0.5)));
        Path dir = out.resolve("job");
        AlignmentException e = assertThrows(AlignmentException.class, () -> voice().synthesize(SpeechFixture.SCRIPT, dir));
        assertThat(e.getMessage(), containsString("openai-tts returned audio without word timings, and forced "
                                                  + "alignment of the script failed: pocketsphinx aligned 0 of"));
    }

    @Test
    void aBodyThatIsNotAWavIsMalformed() {
        vendor.then(VendorDouble.json(200, "{\"error\":null}"));
        VoiceProviderException e = assertThrows(VoiceProviderException.class,
                                                () -> voice().synthesize(SpeechFixture.SCRIPT, out));
        assertThat(e.failure().kind(), is(Kind.MALFORMED_RESPONSE));
        assertThat(e.getMessage(), containsString("not a WAV (application/json"));
    }

    @Test
    void anInvalidKeyIsAuthAndNeverShowsTheKey() {
        vendor.then(VendorDouble.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY
                                           + ". You can find your API key at https://platform.openai.com\","
                                           + "\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));
        VoiceProviderException e = assertThrows(VoiceProviderException.class,
                                                () -> voice().synthesize(SpeechFixture.SCRIPT, out));
        assertThat(e.failure().kind(), is(Kind.AUTH));
        assertThat(e.getMessage(), not(containsString(KEY)));
    }

    @Test
    void cancellingDuringAlignmentLeavesNoAlignerRunning() throws Exception {
        Path longDir = Files.createDirectories(out.resolve("long"));
        Voiceover longSpeech = new FestivalVoice().synthesize(FestivalVoiceTest.LONG_SCRIPT, longDir);
        vendor.then(VendorDouble.bytes(200, "audio/wav", Files.readAllBytes(longSpeech.audio())));
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        OpenAiVoice voice = voice();
        Thread job = Thread.ofPlatform().start(() -> {
            try {
                voice.synthesize(FestivalVoiceTest.LONG_SCRIPT, out.resolve("job"));
                outcome.set(new AssertionError("finished before it was interrupted"));
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        assertThat("the aligner started", ChildProcesses.awaitRunning("pocketsphinx", 20_000), is(true));
        long t0 = System.nanoTime();
        job.interrupt();
        job.join(10_000);
        assertThat(job.isAlive(), is(false));
        assertThat((System.nanoTime() - t0) / 1_000_000, lessThan(6_000L));
        assertThat(outcome.get(), instanceOf(InterruptedException.class));
        assertThat(ChildProcesses.alive(), is(empty()));
    }

    @Test
    void aSlowAnswerTimesOutAfterItsAttempts() {
        vendor.then(VendorDouble.slow(5_000, VendorDouble.bytes(200, "audio/wav", new byte[0])));
        OpenAiVoice voice = new OpenAiVoice(vendor.settings("openai-tts", VendorDouble.FAST.withTimeout(
                Duration.ofMillis(250))), KEY, new PocketsphinxAligner());
        VoiceProviderException e = assertThrows(VoiceProviderException.class,
                                                () -> voice.synthesize(SpeechFixture.SCRIPT, out));
        assertThat(e.failure().kind(), is(Kind.TIMEOUT));
        assertThat(vendor.requests().size(), is(3));
    }
}
