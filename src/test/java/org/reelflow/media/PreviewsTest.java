package org.reelflow.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class PreviewsTest {

    @TempDir
    Path dir;

    @Test
    void aStillClipIsWrittenThroughAPartFileThatIsGoneAfterwards() throws Exception {
        Path picture = dir.resolve("scene-0-ai.png");
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", picture.toFile());
        Path clip = dir.resolve("scene-0-video.mp4");
        Previews.stillClip(picture, clip);
        assertThat(Files.size(clip), greaterThan(0L));
        assertThat(names(), containsInAnyOrder("scene-0-ai.png", "scene-0-video.mp4"));
    }

    @Test
    void whenFfmpegFailsNeitherTheTargetNorAPartFileIsLeft() throws IOException {
        Path notAudio = dir.resolve("track.wav");
        Files.writeString(notAudio, "not audio");
        Path mp3 = dir.resolve("music.mp3");
        assertThrows(IOException.class, () -> Previews.mp3(notAudio, mp3));
        assertThat(Files.exists(mp3), is(false));
        assertThat(names(), containsInAnyOrder("track.wav"));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void aPictureFfmpegCannotDecodeFailsInsteadOfLoopingForever() throws IOException {
        Path bad = dir.resolve("bad.png");
        Files.writeString(bad, "not a picture");
        Path clip = dir.resolve("clip.mp4");
        // Preemptive: on failure the interrupt ends the ffmpeg that would otherwise run on.
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                                  () -> assertThrows(IOException.class, () -> Previews.stillClip(bad, clip)));
        assertThat(Files.exists(clip), is(false));
    }
}
