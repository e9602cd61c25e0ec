package org.reelflow.providers.tts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

import org.reelflow.media.TimedWord;
import org.reelflow.media.align.AlignmentException;
import org.reelflow.media.align.ForcedAligner;
import org.reelflow.media.voice.VoiceEngine;
import org.reelflow.media.voice.Voiceover;
import org.reelflow.providers.ProviderException;

/**
 * What every cloud voice shares: one vendor call for the whole script, the audio written as
 * {@code outDir/voiceover.wav|mp3}, and one timed word per script word — from the vendor's own timings mapped onto
 * the script, or, when the vendor gives none (or timings that do not fit the script), from forced alignment of the
 * known script against the audio. There is no third option: if alignment fails the voiceover fails, loudly.
 */
public abstract class CloudVoice implements VoiceEngine {

    private static final Logger LOG = Logger.getLogger(CloudVoice.class.getName());

    /** What the vendor sent: audio, its container, and its word timings (null when it has none). */
    protected record Speech(byte[] audio, AudioFiles.Format format, List<TimedWord> vendorWords) {
    }

    private final String provider;
    private final ForcedAligner aligner;
    private final AtomicLong characters = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final WordMapper mapper = new WordMapper();

    protected CloudVoice(String provider, ForcedAligner aligner) {
        this.provider = provider;
        this.aligner = aligner;
    }

    @Override
    public final String provider() {
        return provider;
    }

    /** Characters sent to the vendor in successful calls by this instance (the unit vendors bill TTS by). */
    public long charactersSent() {
        return characters.get();
    }

    /** Successful vendor calls made by this instance. */
    public long requests() {
        return requests.get();
    }

    @Override
    public final Voiceover synthesize(String script, Path outDir) throws IOException, InterruptedException {
        if (script == null || script.isBlank()) {
            throw new IllegalArgumentException("script has nothing to say");
        }
        String text = textToSend(script);
        Speech speech;
        try {
            speech = speak(text);
        } catch (ProviderException e) {
            throw new VoiceProviderException(e);
        }
        characters.addAndGet(text.length());
        requests.incrementAndGet();
        Path audio = AudioFiles.writeVoiceover(outDir, speech.audio(), speech.format());
        double duration = AudioFiles.durationSec(audio);
        List<TimedWord> words;
        if (speech.vendorWords() == null || speech.vendorWords().isEmpty()) {
            words = align(audio, script, "returned audio without word timings");
        } else {
            WordMapper.Result mapped = mapper.map(script, speech.vendorWords());
            if (mapped.acceptable()) {
                words = mapped.words();
            } else {
                LOG.warning(provider + " word timings do not fit the script (" + mapped.describe()
                            + "); aligning the audio instead");
                words = align(audio, script, "sent word timings that do not fit the script ("
                                             + mapped.describe() + ")");
            }
        }
        return new Voiceover(audio, duration, words);
    }

    private List<TimedWord> align(Path audio, String script, String why) throws IOException, InterruptedException {
        if (aligner == null) {
            throw new AlignmentException(provider + " " + why + " and no forced aligner is configured");
        }
        try {
            return aligner.align(audio, script);
        } catch (AlignmentException e) {
            throw new AlignmentException(provider + " " + why + ", and forced alignment of the script failed: "
                                         + e.getMessage());
        }
    }

    /** The text the vendor is given for {@code script} (counted as characters sent). */
    protected String textToSend(String script) {
        return script;
    }

    /** One vendor call for the whole text. */
    protected abstract Speech speak(String text) throws ProviderException, InterruptedException, IOException;

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + provider + "]";
    }
}
