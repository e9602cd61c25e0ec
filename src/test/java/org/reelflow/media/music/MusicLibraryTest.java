package org.reelflow.media.music;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MusicLibraryTest {

    @TempDir
    static Path sharedCache;

    @Test
    void everyMoodHasAtLeastTwoLongEnoughTracksOfOurOwn(@TempDir Path cache) {
        List<Track> tracks = new MusicLibrary(cache).tracks();
        for (Mood mood : Mood.values()) {
            List<Track> ofMood = tracks.stream().filter(t -> t.mood().equals(mood.id())).toList();
            assertThat(mood + " tracks", ofMood.size(), greaterThanOrEqualTo(2));
            for (Track t : ofMood) {
                assertThat(t.id(), t.id().matches(mood.id().replace('_', '-') + "-\\d\\d"), is(true));
                assertThat(t.durationSec(), greaterThanOrEqualTo(75.0));
                assertThat(t.license(), startsWith("CC0"));
            }
        }
        assertThat(tracks.stream().map(Track::id).collect(Collectors.toSet()).size(), is(tracks.size()));
    }

    @Test
    void theSameSeedComposesByteIdenticalAudio(@TempDir Path a, @TempDir Path b) throws IOException {
        Track track = new MusicLibrary(a).tracks().get(4);
        Path first = new MusicLibrary(a).file(track);
        Path second = new MusicLibrary(b).file(track);
        assertThat(Files.mismatch(first, second), is(-1L));

        MoodStyle style = MoodStyle.ALL.get(4);
        Path other = b.resolve("other-seed.wav");
        WavWriter.write(new Composer(style, 12345).render(), other);
        assertThat("another seed composes other music", Files.mismatch(first, other), not(is(-1L)));
    }

    @Test
    void composesOnFirstUseAndReusesTheCachedFile(@TempDir Path cache) throws IOException {
        MusicLibrary library = new MusicLibrary(cache);
        Track track = library.tracks().getFirst();
        Path file = library.file(track);
        assertThat(file, is(cache.resolve(track.id() + ".wav")));
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
        assertThat(new MusicLibrary(cache).file(track), is(file));
        assertThat("not rewritten", Files.getLastModifiedTime(file).toMillis(), is(0L));
        double seconds = (Files.size(file) - 44) / 4.0 / 48_000;
        assertThat(Math.abs(seconds - track.durationSec()), lessThan(0.001));
    }

    /** Energy above 16 kHz of every track, relative to its total, from FFTs of 1 s slices taken every 5 s. */
    @Test
    void everyTrackIsBandLimited() throws IOException {
        MusicLibrary library = new MusicLibrary(sharedCache);
        double worstDb = -999;
        String worst = "";
        for (Track track : library.tracks()) {
            long started = System.nanoTime();
            Path file = library.file(track);
            System.out.printf("music: %s %.1f s composed in %.2f s%n", track.id(), track.durationSec(),
                              (System.nanoTime() - started) / 1e9);
            double db = energyAbove16kDb(file);
            if (db > worstDb) {
                worstDb = db;
                worst = track.id();
            }
        }
        String report = "worst: %s at %.1f dB above 16 kHz".formatted(worst, worstDb);
        System.out.println("music: " + report);
        assertThat(report, worstDb, lessThan(-50.0));
    }

    @Test
    void selectsUniformlyAmongTheMoodsTracksBySeed(@TempDir Path cache) {
        MusicLibrary library = new MusicLibrary(cache);
        Set<String> picked = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            Selection s = library.select("chill_lofi", seed);
            assertThat(s.track().mood(), is("chill_lofi"));
            assertThat(s.fallback(), is(false));
            assertThat(s.requestedMood(), is("chill_lofi"));
            picked.add(s.track().id());
        }
        assertThat("both chill tracks get picked", picked.size(), is(2));
        assertThat(library.select("epic_cinematic", 7), is(library.select("epic_cinematic", 7)));
    }

    @Test
    void fallsBackToAnyTrackWhenTheMoodHasNone(@TempDir Path cache) {
        List<MoodStyle> noLofi = MoodStyle.ALL.stream().filter(s -> s.mood() != Mood.CHILL_LOFI).toList();
        MusicLibrary library = new MusicLibrary(cache, noLofi);
        Set<String> moods = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            Selection s = library.select("chill_lofi", seed);
            assertThat(s.fallback(), is(true));
            assertThat(s.requestedMood(), is("chill_lofi"));
            moods.add(s.track().mood());
        }
        assertThat(moods, everyItem(not(is("chill_lofi"))));
        assertThat("drawn from all tracks", moods.size(), greaterThanOrEqualTo(4));
        assertThat(new MusicLibrary(cache).select("polka", 1).fallback(), is(true));
        assertThat(new MusicLibrary(cache, List.of()).select("chill_lofi", 1), is(nullValue()));
    }

    private static double energyAbove16kDb(Path wav) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
        int frames = (bytes.capacity() - 44) / 4;
        double[] mono = new double[frames];
        for (int i = 0; i < frames; i++) {
            mono[i] = (bytes.getShort(44 + 4 * i) + bytes.getShort(46 + 4 * i)) / 65536.0;
        }
        int n = 1 << 15;
        double total = 0;
        double high = 0;
        for (int offset = 0; offset + n < frames; offset += 5 * 48_000) {
            double[] power = Spectrum.power(mono, offset, n);
            for (int k = 1; k < power.length; k++) {
                total += power[k];
                if (k * 48_000.0 / n > 16_000) {
                    high += power[k];
                }
            }
        }
        return 10 * Math.log10(high / total);
    }
}
