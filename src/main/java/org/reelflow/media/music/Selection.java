package org.reelflow.media.music;

/** The track picked for a requested mood; {@code fallback} when the library had none of that mood. */
public record Selection(Track track, String requestedMood, boolean fallback) {
}
