package org.reelflow.media.render;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The long-running ffmpeg that takes raw frames on stdin and the finished audio, and writes H.264 + AAC 48 kHz with
 * the index at the front (faststart). The audio is padded with silence or cut so it ends with the last frame.
 * ffmpeg reports encoded frames on stdout ({@code -progress}); its stderr is kept for the error message.
 */
final class X264Encoder {

    private final Process process;
    private final OutputStream frames;
    private final AtomicInteger encoded = new AtomicInteger();
    private final StringBuilder errors = new StringBuilder();
    private final Thread progressReader;
    private final Thread errorReader;

    X264Encoder(Path output, VideoFormat format, Path audio, int totalFrames, EncoderSettings settings,
                ProcessSet processes) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                                                   "-progress", "pipe:1", "-stats_period", "0.5"));
        cmd.addAll(EncoderSettings.rawInputArgs(format));
        // ffmpeg reads each input on its own thread when there are two; a deeper queue lets it drain the pipe while
        // x264 is busy, instead of the 64 KB pipe stalling the composer (16 frames ≈ 50 MB at 1080×1920)
        cmd.addAll(List.of("-thread_queue_size", "16", "-i", "pipe:0"));
        if (audio != null) {
            cmd.addAll(List.of("-i", audio.toString()));
        } else {
            cmd.addAll(List.of("-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo"));
        }
        cmd.addAll(List.of("-map", "0:v:0", "-map", "1:a:0"));
        cmd.addAll(settings.videoArgs());
        cmd.addAll(List.of("-af", "apad", "-c:a", "aac", "-b:a", "160k", "-ar", "48000", "-ac", "2",
                           "-t", String.format(Locale.ROOT, "%.6f", totalFrames / (double) format.fps()),
                           "-movflags", "+faststart", "-f", "mp4", output.toString()));
        process = processes.start(new ProcessBuilder(cmd));
        frames = process.getOutputStream();
        progressReader = Thread.ofVirtual().start(() -> readProgress(process.getInputStream()));
        errorReader = Thread.ofVirtual().start(() -> readErrors(process.getErrorStream()));
    }

    /** Frames the encoder has finished so far. */
    int encodedFrames() {
        return encoded.get();
    }

    void write(YuvFrame frame) throws IOException {
        frames.write(frame.y);
        frames.write(frame.u);
        frames.write(frame.v);
    }

    /** Ends the input and waits for the file to be complete; fails with ffmpeg's own message. */
    void finish() throws IOException, InterruptedException {
        frames.close();
        int code = process.waitFor();
        progressReader.join();
        errorReader.join();
        if (code != 0) {
            synchronized (errors) {
                throw new IOException("ffmpeg encoder exited with " + code + ": " + errors.toString().strip());
            }
        }
    }

    private void readProgress(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("frame=")) {
                    try {
                        encoded.set(Integer.parseInt(line.substring(6).strip()));
                    } catch (NumberFormatException e) {
                        // a malformed line changes nothing
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone; finish() reports why
        }
    }

    private void readErrors(InputStream in) {
        try (in) {
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (errors) {
                    if (errors.length() < 20_000) {
                        errors.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }
}
