package org.reelflow.media.render;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.reelflow.media.TimedWord;

/**
 * Builds each output frame: the scene (or the two scenes of a transition), then the captions on top. Scene layers are
 * prepared in order on one background thread, so decoding and scaling the next picture overlaps with encoding the
 * current scene, and each layer is released as soon as its last frame has gone.
 */
final class FrameComposer implements AutoCloseable {

    private final Timeline timeline;
    private final List<Future<SceneLayer>> layers = new ArrayList<>();
    private final CaptionLayer captions;
    private final ExecutorService preparer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "render-prepare");
        t.setDaemon(true);
        return t;
    });
    private final YuvFrame outgoing;
    private final YuvFrame incoming;
    private int released;

    FrameComposer(List<RenderScene> scenes, List<TimedWord> words, Look look, VideoFormat format, ProcessSet processes) {
        this.timeline = Timeline.plan(scenes, words, look.transitionDurationFrames(), format.fps());
        this.captions = new CaptionLayer(words, look, format);
        this.outgoing = new YuvFrame(format.width(), format.height());
        this.incoming = new YuvFrame(format.width(), format.height());
        for (Timeline.Span span : timeline.spans()) {
            RenderScene scene = scenes.get(span.index());
            layers.add(preparer.submit(() -> SceneLayers.open(scene, span.index(), span.frames(), look, format, processes)));
        }
        preparer.shutdown();
    }

    Timeline timeline() {
        return timeline;
    }

    void compose(int frame, YuvFrame out) throws IOException {
        Timeline.Slice slice = timeline.at(frame);
        if (slice.inTransition()) {
            layer(slice.outgoing().index()).render(slice.outgoingFrame(), outgoing);
            layer(slice.incoming().index()).render(slice.incomingFrame(), incoming);
            Transition.parse(slice.incoming().transitionIn()).apply(outgoing, incoming, slice.progress(), out);
        } else {
            layer(slice.outgoing().index()).render(slice.outgoingFrame(), out);
        }
        captions.drawOnto(frame, out);
        releaseFinished(frame);
    }

    private SceneLayer layer(int index) throws IOException {
        try {
            return layers.get(index).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("render cancelled");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("scene " + index + " failed", e.getCause());
        }
    }

    private void releaseFinished(int frame) {
        while (released < layers.size() && timeline.spans().get(released).end() <= frame + 1) {
            closeLayer(released++);
        }
    }

    private void closeLayer(int i) {
        Future<SceneLayer> f = layers.get(i);
        if (f.isDone() && !f.isCancelled()) {
            try {
                f.get().close();
            } catch (InterruptedException | ExecutionException e) {
                // nothing to release
            }
        }
        layers.set(i, CompletableFuture.failedFuture(new IllegalStateException("scene " + i + " already released")));
    }

    @Override
    public void close() {
        preparer.shutdownNow();
        for (int i = released; i < layers.size(); i++) {
            closeLayer(i);
        }
        released = layers.size();
    }
}
