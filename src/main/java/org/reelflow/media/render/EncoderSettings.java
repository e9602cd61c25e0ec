package org.reelflow.media.render;

import java.util.List;

/**
 * The x264 trade-off: preset (speed against file size at equal quality) and CRF (quality). The default is the one the
 * benchmark supports on a 2-core machine; see RenderBench.
 */
public record EncoderSettings(String preset, int crf) {

    public static final EncoderSettings DEFAULT = new EncoderSettings("veryfast", 21);

    public EncoderSettings {
        if (!List.of("ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow").contains(preset)) {
            throw new IllegalArgumentException("unknown x264 preset: " + preset);
        }
        if (crf < 0 || crf > 51) {
            throw new IllegalArgumentException("crf must be 0-51: " + crf);
        }
    }

    /** The video encoder arguments, tagged BT.709 limited range to match the frames' conversion. */
    public List<String> videoArgs() {
        return List.of("-c:v", "libx264", "-preset", preset, "-crf", Integer.toString(crf), "-pix_fmt", "yuv420p",
                       "-colorspace", "bt709", "-color_primaries", "bt709", "-color_trc", "bt709", "-color_range", "tv");
    }

    /** The raw-frame input arguments for frames of {@code format} arriving on a pipe or file. */
    public static List<String> rawInputArgs(VideoFormat format) {
        return List.of("-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", format.width() + "x" + format.height(),
                       "-framerate", Integer.toString(format.fps()));
    }
}
