package org.reelflow.support;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.reelflow.media.ExternalProcess;
import org.reelflow.media.TimedWord;
import org.reelflow.media.voice.FestivalVoice;
import org.reelflow.media.voice.Voiceover;

/**
 * The vendors' answers as whole-server doubles send them (bodies follow the vendors' API references, as the
 * provider tests under {@code org.reelflow.providers} do), plus real media to put in them: Festival speech with
 * its word timings, an MP3 music bed and PNG pictures.
 */
public final class VendorWire {

    private VendorWire() {
    }

    // ---- Anthropic Messages API -----------------------------------------------------------------------------

    /** A Messages API answer whose one text block is {@code text} (structured output arrives as JSON text). */
    public static String anthropicMessage(String text, int in, int out) {
        return Json.createObjectBuilder().add("id", "msg_01XFDUDYJgAACzvnptvVoYEL").add("type", "message")
                .add("role", "assistant").add("model", "claude-sonnet-4-6")
                .add("content", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "text").add("text", text)))
                .add("stop_reason", "end_turn").addNull("stop_sequence")
                .add("usage", Json.createObjectBuilder().add("input_tokens", in).add("output_tokens", out))
                .build().toString();
    }

    public static String anthropicError(int status, String message) {
        String type = switch (status) {
            case 401 -> "authentication_error";
            case 429 -> "rate_limit_error";
            case 400 -> "invalid_request_error";
            default -> "api_error";
        };
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}";
    }

    // ---- Google generateContent (Gemini text, Gemini image, Lyria) -----------------------------------------

    public static String geminiText(String text, int in, int out) {
        return Json.createObjectBuilder()
                .add("candidates", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("content", Json.createObjectBuilder().add("role", "model")
                                .add("parts", Json.createArrayBuilder().add(Json.createObjectBuilder().add("text", text))))
                        .add("finishReason", "STOP").add("index", 0)))
                .add("usageMetadata", Json.createObjectBuilder().add("promptTokenCount", in)
                        .add("candidatesTokenCount", out).add("totalTokenCount", in + out))
                .add("modelVersion", "gemini-3.8-flash").add("responseId", "abc123")
                .build().toString();
    }

    /** A candidate with a text part and an inline-data part (an image or Lyria's audio). */
    public static String geminiInline(String text, String mimeType, byte[] data) {
        return Json.createObjectBuilder().add("candidates", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("content", Json.createObjectBuilder().add("role", "model").add("parts", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("text", text))
                        .add(Json.createObjectBuilder().add("inlineData", Json.createObjectBuilder()
                                .add("mimeType", mimeType).add("data", Base64.getEncoder().encodeToString(data))))))
                .add("finishReason", "STOP")))
                .add("usageMetadata", Json.createObjectBuilder().add("promptTokenCount", 25)).build().toString();
    }

    public static String geminiError(int status, String message) {
        String s = switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 429 -> "RESOURCE_EXHAUSTED";
            default -> "INTERNAL";
        };
        return "{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"status\":\"" + s + "\"}}";
    }

    // ---- OpenAI Chat Completions, Responses (native web search), speech and images ---------------------------

    public static String openAiChat(String content, int in, int out) {
        return Json.createObjectBuilder().add("id", "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT")
                .add("object", "chat.completion").add("created", 1741569952).add("model", "gpt-5.4")
                .add("choices", Json.createArrayBuilder().add(Json.createObjectBuilder().add("index", 0)
                        .add("message", Json.createObjectBuilder().add("role", "assistant").add("content", content)
                                .addNull("refusal"))
                        .add("finish_reason", "stop")))
                .add("usage", Json.createObjectBuilder().add("prompt_tokens", in).add("completion_tokens", out)
                        .add("total_tokens", in + out))
                .build().toString();
    }

    /** A Responses API answer: one message whose output_text cites {@code url}. */
    public static String openAiResponse(String text, String url) {
        return Json.createObjectBuilder().add("id", "resp_67ccd2bed1ec8190").add("object", "response")
                .add("status", "completed").add("model", "gpt-5.4")
                .add("output", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "web_search_call").add("id", "ws_1").add("status", "completed"))
                        .add(Json.createObjectBuilder().add("type", "message").add("id", "msg_1").add("role", "assistant")
                                .add("content", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                        .add("type", "output_text").add("text", text)
                                        .add("annotations", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                                .add("type", "url_citation").add("url", url)))))))
                .add("usage", Json.createObjectBuilder().add("input_tokens", 300).add("output_tokens", 120))
                .build().toString();
    }

    public static String openAiImage(byte[] png) {
        return Json.createObjectBuilder().add("created", 1_767_000_000)
                .add("data", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("b64_json", Base64.getEncoder().encodeToString(png))))
                .add("usage", Json.createObjectBuilder().add("total_tokens", 6_300).add("input_tokens", 40)
                        .add("output_tokens", 6_240)).build().toString();
    }

    /** A reply that speaks the request's {@code input} with Festival and answers a WAV with no timings. */
    public static VendorDouble.Reply openAiSpeaking(Path workDir) {
        return (ex, seen) -> {
            Path dir = Files.createTempDirectory(workDir, "speech");
            Voiceover v = new FestivalVoice().synthesize(seen.json().getString("input"), dir);
            byte[] wav = Files.readAllBytes(v.audio());
            ex.getResponseHeaders().add("Content-Type", "audio/wav");
            ex.sendResponseHeaders(200, wav.length);
            ex.getResponseBody().write(wav);
        };
    }

    // ---- ElevenLabs with-timestamps -------------------------------------------------------------------------

    /** ElevenLabs' answer: the audio and one time span per character of {@code text}, spaces included. */
    public static String elevenLabs(String text, List<TimedWord> words, byte[] audio) {
        JsonArrayBuilder chars = Json.createArrayBuilder();
        JsonArrayBuilder starts = Json.createArrayBuilder();
        JsonArrayBuilder ends = Json.createArrayBuilder();
        String[] tokens = text.split(" ");
        if (tokens.length != words.size()) {
            throw new IllegalStateException(tokens.length + " tokens but " + words.size() + " timed words");
        }
        for (int w = 0; w < tokens.length; w++) {
            TimedWord tw = words.get(w);
            String token = tokens[w];
            double step = (tw.end() - tw.start()) / token.length();
            for (int c = 0; c < token.length(); c++) {
                chars.add(String.valueOf(token.charAt(c)));
                starts.add(tw.start() + c * step);
                ends.add(c == token.length() - 1 ? tw.end() : tw.start() + (c + 1) * step);
            }
            if (w < tokens.length - 1) {
                chars.add(" ");
                starts.add(tw.end());
                ends.add(words.get(w + 1).start());
            }
        }
        return Json.createObjectBuilder().add("audio_base64", Base64.getEncoder().encodeToString(audio))
                .add("alignment", Json.createObjectBuilder().add("characters", chars)
                        .add("character_start_times_seconds", starts).add("character_end_times_seconds", ends))
                .add("normalized_alignment", JsonObject.NULL).build().toString();
    }

    /** A reply that speaks the request's {@code text} with Festival and answers as ElevenLabs does. */
    public static VendorDouble.Reply elevenLabsSpeaking(Path workDir) {
        return (ex, seen) -> {
            String text = seen.json().getString("text");
            Path dir = Files.createTempDirectory(workDir, "speech");
            Voiceover v = new FestivalVoice().synthesize(text, dir);
            byte[] mp3 = ffmpeg(dir.resolve("speech.mp3"), List.of("-i", v.audio().toString(),
                                                                   "-codec:a", "libmp3lame", "-q:a", "4"));
            VendorDouble.send(ex, 200, elevenLabs(text, v.words(), mp3), Map.of());
        };
    }

    // ---- media --------------------------------------------------------------------------------------------

    /** {@code seconds} of a soft two-tone MP3, stereo 44.1 kHz: a music bed a vendor could send. */
    public static byte[] musicMp3(Path dir, double seconds) throws IOException, InterruptedException {
        return ffmpeg(dir.resolve("music.mp3"), List.of("-f", "lavfi", "-i",
                "aevalsrc=0.2*sin(2*PI*220*t)+0.1*sin(2*PI*330*t):s=44100:c=stereo:d=" + seconds,
                "-codec:a", "libmp3lame", "-q:a", "5"));
    }

    /** Bytes that start like an MP4 (an {@code ftyp} box) so providers accept them as a clip. */
    public static byte[] fakeMp4(String tag) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '2'});
        b.writeBytes(("mdat:" + tag).getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    /** A real PNG (vertical, 90×160, one blue) to use as a video's first frame. */
    public static byte[] firstFrame() {
        BufferedImage img = new BufferedImage(90, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(30, 90, 160));
        g.fillRect(0, 0, 90, 160);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A real PNG, {@code w}×{@code h}, an orange-to-blue gradient. */
    public static byte[] png(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, 0, h, Color.BLUE));
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] ffmpeg(Path out, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
        cmd.addAll(args);
        cmd.add(out.toString());
        ExternalProcess.Result r = ExternalProcess.run(cmd, null, null);
        if (!r.ok()) {
            throw new IOException("ffmpeg failed: " + r.output());
        }
        return Files.readAllBytes(out);
    }
}
