package org.reelflow.providers.stock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.reelflow.files.AtomicFiles;
import org.reelflow.media.ExternalProcess;

/** The frame at 1 s (0 s for clips shorter than that), as OpenReels' verifier takes it, with ffmpeg. */
public final class FfmpegFrameGrabber implements FrameGrabber {

    private final String ffmpeg;

    public FfmpegFrameGrabber(String ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    public FfmpegFrameGrabber() {
        this("ffmpeg");
    }

    @Override
    public Path grab(Path video, Path png) throws IOException, InterruptedException {
        if (Files.isRegularFile(png) && Files.size(png) > 0) {
            return png;
        }
        // A unique temp per call (two judges may grab one clip's frame at once); ".png" so ffmpeg picks the muxer.
        AtomicFiles.write(png, AtomicFiles.tempNextTo(png, ".png"), tmp -> {
            String last = "";
            for (String at : List.of("1", "0")) {
                ExternalProcess.Result r = ExternalProcess.run(List.of(ffmpeg, "-nostdin", "-v", "error", "-y", "-ss", at, "-i",
                                                                       video.toString(), "-frames:v", "1", tmp.toString()), null, null);
                if (r.ok() && Files.isRegularFile(tmp) && Files.size(tmp) > 0) {
                    return;
                }
                last = r.output().strip();
            }
            throw new IOException("ffmpeg could not take a frame from " + video.getFileName() + (last.isEmpty() ? "" : ": " + last));
        });
        return png;
    }
}
