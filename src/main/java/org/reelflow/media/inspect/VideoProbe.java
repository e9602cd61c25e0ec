package org.reelflow.media.inspect;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.reelflow.media.ExternalProcess;

/** What ffprobe says about a rendered file, plus whether its index (moov) comes before the media data (faststart). */
public final class VideoProbe {

    /** The facts a delivery check needs; audio fields are null/0 when the file has no audio stream. */
    public record Info(String videoCodec, String profile, String pixelFormat, int width, int height, double fps,
                       double durationSeconds, String audioCodec, int sampleRate, int audioChannels, boolean faststart) {
    }

    private VideoProbe() {
    }

    public static Info probe(Path file) throws IOException, InterruptedException {
        ExternalProcess.Result r = ExternalProcess.run(List.of("ffprobe", "-v", "error", "-print_format", "json",
                "-show_streams", "-show_format", file.toString()), null, null);
        if (!r.ok()) {
            throw new IOException("ffprobe failed on " + file + ": " + r.output().strip());
        }
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(jsonPart(r.output())))) {
            json = reader.readObject();
        }
        JsonObject video = null;
        JsonObject audio = null;
        for (JsonValue v : json.getJsonArray("streams") == null ? JsonValue.EMPTY_JSON_ARRAY : json.getJsonArray("streams")) {
            JsonObject s = v.asJsonObject();
            if (video == null && "video".equals(s.getString("codec_type", ""))) {
                video = s;
            } else if (audio == null && "audio".equals(s.getString("codec_type", ""))) {
                audio = s;
            }
        }
        if (video == null) {
            throw new IOException("no video stream in " + file);
        }
        double duration = Double.parseDouble(json.getJsonObject("format").getString("duration", "0"));
        return new Info(video.getString("codec_name", null), video.getString("profile", null),
                        video.getString("pix_fmt", null), video.getInt("width", 0), video.getInt("height", 0),
                        rate(video.getString("avg_frame_rate", "0/1")), duration,
                        audio == null ? null : audio.getString("codec_name", null),
                        audio == null ? 0 : Integer.parseInt(audio.getString("sample_rate", "0")),
                        audio == null ? 0 : audio.getInt("channels", 0), moovBeforeMdat(file));
    }

    /** Walks the top-level MP4 boxes: faststart means {@code moov} appears before {@code mdat}. */
    public static boolean moovBeforeMdat(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long pos = 0;
            ByteBuffer header = ByteBuffer.allocate(16);
            while (pos + 8 <= ch.size()) {
                header.clear();
                ch.read(header, pos);
                header.flip();
                long size = Integer.toUnsignedLong(header.getInt());
                String type = new String(new byte[] {header.get(), header.get(), header.get(), header.get()},
                                         StandardCharsets.ISO_8859_1);
                if (size == 1 && header.remaining() >= 8) {
                    size = header.getLong();
                } else if (size == 0) {
                    size = ch.size() - pos;
                }
                if (type.equals("moov")) {
                    return true;
                }
                if (type.equals("mdat") || size < 8) {
                    return false;
                }
                pos += size;
            }
        }
        return false;
    }

    static double rate(String fraction) {
        String[] p = fraction.split("/");
        double num = Double.parseDouble(p[0]);
        double den = p.length > 1 ? Double.parseDouble(p[1]) : 1;
        return den == 0 ? 0 : num / den;
    }

    private static String jsonPart(String output) {
        int start = output.indexOf('{');
        return start < 0 ? "{}" : output.substring(start);
    }

}
