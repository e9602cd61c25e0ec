package org.reelflow.media.music;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import org.reelflow.files.AtomicFiles;

/**
 * The bundled music: our own procedurally composed tracks, two per mood, rendered on first use into a cache
 * directory as 48 kHz 16-bit stereo WAV and reused afterwards. Selection follows OpenReels' bundled provider:
 * uniform among the requested mood's tracks, or among all tracks (marked as a fallback) when the mood has none.
 */
public final class MusicLibrary {

    public static final String LICENSE = "CC0-1.0 (composed procedurally by Reelflow)";

    private final Path cacheDir;
    private final Map<String, MoodStyle> styles = new LinkedHashMap<>();
    private final List<Track> tracks = new ArrayList<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public MusicLibrary(Path cacheDir) {
        this(cacheDir, MoodStyle.ALL);
    }

    MusicLibrary(Path cacheDir, List<MoodStyle> available) {
        this.cacheDir = cacheDir;
        for (MoodStyle style : available) {
            styles.put(style.trackId(), style);
            tracks.add(new Track(style.trackId(), style.mood().id(), Composer.lengthSec(style),
                                 LICENSE));
        }
    }

    public List<Track> tracks() {
        return List.copyOf(tracks);
    }

    /** The track's WAV, composed now if the cache does not hold it yet. Safe to call from several jobs at once. */
    public Path file(Track track) throws IOException {
        MoodStyle style = styles.get(track.id());
        if (style == null) {
            throw new IllegalArgumentException("not a track of this library: " + track.id());
        }
        Path file = cacheDir.resolve(track.id() + ".wav");
        synchronized (locks.computeIfAbsent(track.id(), id -> new Object())) {
            if (!Files.isRegularFile(file)) {
                Files.createDirectories(cacheDir);
                AtomicFiles.write(file, AtomicFiles.partNextTo(file),
                                  partial -> WavWriter.write(new Composer(style, seed(style)).render(), partial));
            }
        }
        return file;
    }

    /**
     * Picks a track for {@code requestedMood} by {@code seed}: uniformly among that mood's tracks, or among all
     * tracks with {@code fallback = true} when there are none. Returns null only when the library is empty.
     */
    public Selection select(String requestedMood, long seed) {
        List<Track> matching = tracks.stream().filter(t -> t.mood().equals(requestedMood)).toList();
        boolean fallback = matching.isEmpty();
        List<Track> pool = fallback ? tracks : matching;
        if (pool.isEmpty()) {
            return null;
        }
        return new Selection(pool.get(new SplittableRandom(seed).nextInt(pool.size())), requestedMood, fallback);
    }

    /** Fixed per track: String.hashCode is specified, so a track id always composes the same music. */
    static long seed(MoodStyle style) {
        return style.trackId().hashCode() * 0x9E3779B97F4A7C15L;
    }
}
