package org.reelflow.providers.music;

import jakarta.json.JsonObject;

/**
 * Something the music resolution did, as OpenReels reports it on {@code stage:visuals}: {@code music_generating},
 * {@code music_generated}, {@code music_fallback} or {@code music_resolved}, with its payload.
 */
public record MusicEvent(String type, JsonObject data) {
}
