package org.reelflow.media.render;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.reelflow.media.ExternalProcess;

/**
 * A video asset (stock or AI clip), decoded by an ffmpeg child straight into cover-cropped 4:2:0 frames at the output
 * rate. Stock clips loop when shorter than the scene, as in the reference; an AI clip holds its last frame instead.
 */
final class VideoClipLayer implements SceneLayer {

    private final Path file;
    private final boolean loop;
    private final VideoFormat format;
    private final ProcessSet processes;
    private Process decoder;
    private DataInputStream frames;
    private YuvFrame last;
    private YuvFrame spare;
    private int next;
    private boolean ended;

    VideoClipLayer(Path file, boolean loop, VideoFormat format, ProcessSet processes) {
        this.file = file;
        this.loop = loop;
        this.format = format;
        this.processes = processes;
    }

    @Override
    public void render(int localFrame, YuvFrame out) throws IOException {
        if (decoder == null) {
            start();
        }
        while (next <= localFrame && !ended) {
            // read into a spare buffer so a clip ending mid-frame leaves the last whole frame intact
            YuvFrame f = spare == null ? new YuvFrame(format.width(), format.height()) : spare;
            try {
                frames.readFully(f.y);
                frames.readFully(f.u);
                frames.readFully(f.v);
                spare = last;
                last = f;
            } catch (EOFException e) {
                ended = true;
            }
            next++;
        }
        if (last == null) {
            throw new IOException("no frames decoded from " + file);
        }
        out.copyFrom(last);
    }

    private void start() throws IOException {
        int w = format.width();
        int h = format.height();
        List<String> cmd = new java.util.ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error"));
        if (loop) {
            cmd.addAll(List.of("-stream_loop", "-1"));
        }
        cmd.addAll(List.of("-i", file.toString(), "-an", "-sn",
                "-vf", "scale=" + w + ":" + h + ":force_original_aspect_ratio=increase:flags=bilinear,crop=" + w + ":" + h
                       + ",fps=" + format.fps() + ",format=yuv420p",
                "-f", "rawvideo", "pipe:1"));
        decoder = processes.start(new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD));
        decoder.getOutputStream().close();
        frames = new DataInputStream(new java.io.BufferedInputStream(decoder.getInputStream(), 1 << 20));
    }

    @Override
    public void close() {
        if (decoder != null) {
            ExternalProcess.destroy(decoder);
        }
        last = null;
        spare = null;
    }
}
