package org.reelflow.media.render;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.reelflow.files.AtomicFiles;
import org.reelflow.media.visuals.Headless;

/**
 * Renders the final short. Java composes every frame directly in 4:2:0 (scaling, transitions and caption sprites cost
 * a few ms a frame) and pipes it to one ffmpeg running libx264, which is where the time goes; no ffmpeg filtergraph is
 * involved. The frames are fed from a worker thread while the calling thread waits, reports progress, and on an
 * interrupt kills every ffmpeg child at once, so a cancel never leaves an encoder running or a half-written file.
 */
public final class VideoRenderer {

    private final EncoderSettings settings;

    public VideoRenderer() {
        this(EncoderSettings.DEFAULT);
    }

    public VideoRenderer(EncoderSettings settings) {
        Headless.ensure();
        this.settings = settings;
    }

    /**
     * Writes {@code output} (e.g. {@code <runDir>/final.mp4}) from {@code job}. Throws InterruptedException, with no
     * child process left and no output file, when the calling thread is interrupted.
     */
    public RenderResult render(RenderJob job, Path output, RenderProgress progress) throws IOException, InterruptedException {
        Path dir = output.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path partial = AtomicFiles.partNextTo(dir.resolve(output.getFileName()));
        Timeline timeline;
        try (ProcessSet processes = new ProcessSet()) {
            FrameComposer composer = new FrameComposer(job.scenes(), job.words(), job.look(), job.format(), processes);
            timeline = composer.timeline();
            int total = timeline.totalFrames();
            X264Encoder encoder;
            try {
                encoder = new X264Encoder(partial, job.format(), job.audio(), total, settings, processes);
            } catch (IOException e) {
                composer.close();
                throw e;
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            Thread feeder = Thread.ofPlatform().name("render-feed").start(() -> feed(composer, encoder, job.format(), total, done));
            try {
                awaitWithProgress(done, encoder, total, progress);
            } catch (InterruptedException e) {
                processes.close();          // kills the encoder first: the feeder's next write fails at once
                feeder.interrupt();
                feeder.join(Duration.ofSeconds(5));
                Files.deleteIfExists(partial);
                throw e;
            } catch (IOException | RuntimeException e) {
                processes.close();
                feeder.join(Duration.ofSeconds(5));
                Files.deleteIfExists(partial);
                throw e;
            }
        }
        AtomicFiles.moveIntoPlace(partial, output);
        progress.onFrame(timeline.totalFrames(), timeline.totalFrames());
        return new RenderResult(output, timeline.totalFrames(), timeline.totalFrames() / (double) job.format().fps(),
                                timeline.spans().stream().map(Timeline.Span::frames).toList());
    }

    /**
     * Writes the composed frames as raw yuv420p to {@code out}, without encoding: for measuring the encoder alone
     * (RenderBench) and for debugging. Returns the frame count.
     */
    public int composeRaw(RenderJob job, OutputStream out) throws IOException {
        try (ProcessSet processes = new ProcessSet();
             FrameComposer composer = new FrameComposer(job.scenes(), job.words(), job.look(), job.format(), processes)) {
            YuvFrame frame = new YuvFrame(job.format().width(), job.format().height());
            int total = composer.timeline().totalFrames();
            for (int f = 0; f < total; f++) {
                composer.compose(f, frame);
                out.write(frame.y);
                out.write(frame.u);
                out.write(frame.v);
            }
            return total;
        }
    }

    private static void feed(FrameComposer composer, X264Encoder encoder, VideoFormat format, int total,
                             CompletableFuture<Void> done) {
        try (composer; FramePipe pipe = new FramePipe(format, 3, encoder::write)) {
            for (int f = 0; f < total; f++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("render cancelled");
                }
                YuvFrame frame = pipe.next();
                composer.compose(f, frame);
                pipe.send(frame);
            }
            pipe.drain();
            encoder.finish();
            done.complete(null);
        } catch (Throwable t) {
            done.completeExceptionally(t);
        }
    }

    private static void awaitWithProgress(CompletableFuture<Void> done, X264Encoder encoder, int total,
                                          RenderProgress progress) throws IOException, InterruptedException {
        while (true) {
            try {
                done.get(500, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                progress.onFrame(Math.min(encoder.encodedFrames(), total), total);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof InterruptedException ie) {
                    throw new IOException("encoder wait interrupted", ie);
                }
                throw new IOException("render failed: " + cause, cause);
            }
        }
    }
}
