package org.reelflow.media.align;

import java.io.IOException;

/** The audio could not be matched to the script; callers must not invent timings instead. */
public class AlignmentException extends IOException {

    public AlignmentException(String message) {
        super(message);
    }
}
