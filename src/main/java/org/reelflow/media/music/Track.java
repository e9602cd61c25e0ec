package org.reelflow.media.music;

/** One bundled music bed: {@code mood} is a {@link Mood#id()}, {@code license} says who may use it and how. */
public record Track(String id, String mood, double durationSec, String license) {
}
