package org.reelflow.providers.tts;

import java.io.IOException;

import org.reelflow.providers.ProviderException;

/**
 * A cloud voice's vendor call failed for good. {@link org.reelflow.media.voice.VoiceEngine#synthesize} may only throw IOException, so the
 * {@link ProviderException} (with its {@link ProviderException.Kind}: AUTH fails the job naming the provider) rides
 * along as {@link #failure()} and as the cause.
 */
public final class VoiceProviderException extends IOException {

    private final ProviderException failure;

    public VoiceProviderException(ProviderException failure) {
        super(failure.getMessage(), failure);
        this.failure = failure;
    }

    public ProviderException failure() {
        return failure;
    }
}
