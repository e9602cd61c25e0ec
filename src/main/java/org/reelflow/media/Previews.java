package org.reelflow.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.reelflow.files.AtomicFiles;

/**
 * Files made only for players in a browser, never read by the pipeline: a picture as a short clip for a
 * {@code <video>} element, a music track as MP3 for an {@code <audio>} element. Each is written through a
 * temporary file, so a player never gets half of one.
 */
public final class Previews {

    private Previews() {
    }

    /**
     * A one-second, silent H.264 clip of {@code picture} at half the width (even sizes, yuv420p, index first),
     * so a {@code <video>} that was promised a clip shows the picture instead of an error.
     */
    public static void stillClip(Path picture, Path out) throws IOException, InterruptedException {
        // -xerror: a looped input that cannot be decoded would otherwise be retried forever, and the job with it.
        ffmpeg(List.of("-xerror", "-loop", "1", "-framerate", "5", "-i", picture.toString(), "-t", "1",
                       "-vf", "scale=trunc(iw/4)*2:-2,format=yuv420p", "-c:v", "libx264", "-preset", "veryfast",
                       "-tune", "stillimage", "-an", "-movflags", "+faststart", "-f", "mp4"), out);
    }

    /** {@code track} (WAV or MP3) as an MP3 (LAME VBR quality 2, about 190 kbit/s). */
    public static void mp3(Path track, Path out) throws IOException, InterruptedException {
        ffmpeg(List.of("-i", track.toString(), "-vn", "-c:a", "libmp3lame", "-q:a", "2", "-f", "mp3"), out);
    }

    private static void ffmpeg(List<String> args, Path out) throws IOException, InterruptedException {
        if (!ExternalProcess.onPath("ffmpeg")) {
            throw new IOException("ffmpeg is not installed (apt-get install ffmpeg)");
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        // "<name>.part" has no extension ffmpeg knows: every caller's args name the muxer with -f.
        AtomicFiles.write(out, AtomicFiles.partNextTo(out), part -> {
            List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
            command.addAll(args);
            command.add(part.toString());
            ExternalProcess.Result result = ExternalProcess.run(command, null, null);
            if (!result.ok()) {
                throw new IOException("ffmpeg could not write " + out.getFileName() + " (exit " + result.exitCode()
                                      + "): " + result.output().strip());
            }
        });
    }
}
