package org.reelflow.providers.image;

import java.nio.file.Path;

import org.reelflow.providers.ProviderException;

/**
 * A vendor that paints one vertical picture from a prompt. A safety refusal is a {@link ProviderException} of
 * kind {@link ProviderException.Kind#REFUSED}, so the caller can re-prompt once; interrupting the calling thread
 * aborts the call.
 */
public interface ImageGenerator {

    /** The provider key a job names ("gemini", "openai"). */
    String provider();

    /** Writes the picture (PNG) to {@code out}, replacing it, and returns {@code out}. */
    Path generate(String prompt, Path out) throws ProviderException, InterruptedException;

    /** Pictures this instance has produced so far (what the vendor bills). */
    int imagesGenerated();
}
