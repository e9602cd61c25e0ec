package org.reelflow.media.render;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reelflow.media.TimedWord;

class CancelRenderTest {

    @TempDir
    Path dir;

    @Test
    void interruptStopsTheEncoderAtOnceAndLeavesNoProcessOrFile() throws Exception {
        List<TimedWord> words = new ArrayList<>();
        List<RenderScene> scenes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {   // about 30 s of video: far longer than the test waits
            words.add(new TimedWord("word" + i, i * 3.0, i * 3.0 + 2.0));
            scenes.add(new RenderScene(i % 2 == 0 ? "ai_image" : "text_card", "zoom_in", "crossfade", "word" + i,
                                       "Scene number " + i, null));
        }
        Look look = new Look("clean", 5, 0.3, "#1a1a2e", "#e94560", "#ffffff", "Inter", 1.2, 12);
        RenderJob job = new RenderJob(scenes, words, null, look, VideoFormat.SHORTS);
        Path out = dir.resolve("final.mp4");
        CountDownLatch encoding = new CountDownLatch(1);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread render = Thread.ofPlatform().start(() -> {
            try {
                new VideoRenderer().render(job, out, (f, n) -> {
                    if (f > 0) {
                        encoding.countDown();
                    }
                });
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        assertThat("encoding started", encoding.await(30, TimeUnit.SECONDS), is(true));
        long t0 = System.nanoTime();
        render.interrupt();
        render.join(10_000);
        long stopMillis = (System.nanoTime() - t0) / 1_000_000;

        assertThat(render.isAlive(), is(false));
        assertThat(outcome.get(), instanceOf(InterruptedException.class));
        assertThat("stopped promptly (ms)", stopMillis, lessThan(2_000L));
        List<String> ffmpegs = ProcessHandle.current().descendants()
                .filter(p -> p.isAlive() && p.info().command().orElse("").contains("ffmpeg"))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList();
        assertThat(ffmpegs, is(empty()));
        assertThat(Files.exists(out), is(false));
        assertThat(Files.exists(dir.resolve("final.mp4.part")), is(false));
    }
}
