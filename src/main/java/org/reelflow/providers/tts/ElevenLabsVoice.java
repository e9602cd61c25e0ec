package org.reelflow.providers.tts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.reelflow.media.TimedWord;
import org.reelflow.media.align.ForcedAligner;
import org.reelflow.providers.Model;
import org.reelflow.providers.ModelChoice;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.vendor.VendorCall;
import org.reelflow.providers.vendor.VendorSettings;

/**
 * ElevenLabs text-to-speech with character timestamps ({@code POST /v1/text-to-speech/<voice>/with-timestamps}).
 * The script goes as written; the answer's per-character times are grouped into whitespace-separated words
 * (start of the first character, end of the last) and mapped onto the script. Audio is MP3. The voice and model are
 * {@code providers.models.voice.elevenlabs} and {@code .tts.elevenlabs}; the default voice is a premade one, which
 * every plan may use over the API (Voice Library voices need a paid plan and must be added to the account).
 */
public final class ElevenLabsVoice extends CloudVoice {

    public static final String PROVIDER = "elevenlabs";
    public static final String DEFAULT_BASE_URL = "https://api.elevenlabs.io";
    /** The request limit of eleven_multilingual_v2. */
    public static final int MAX_CHARACTERS = 10_000;

    private final VendorCall call;
    private final String url;
    private final String key;
    private final String model;
    private final ModelChoice voice;

    public ElevenLabsVoice(VendorSettings settings, String key, ForcedAligner aligner) {
        super(PROVIDER, aligner);
        this.key = key;
        this.call = new VendorCall(settings, PROVIDER, settings.policy(PROVIDER, VoiceEngines.DEFAULT_POLICY), key);
        this.model = settings.models().id(Model.TTS_ELEVENLABS);
        this.voice = settings.models().choice(Model.VOICE_ELEVENLABS);
        this.url = settings.baseUrl(PROVIDER, DEFAULT_BASE_URL) + "/v1/text-to-speech/"
                   + URLEncoder.encode(voice.id(), StandardCharsets.UTF_8) + "/with-timestamps";
    }

    @Override
    protected Speech speak(String text) throws ProviderException, InterruptedException {
        if (text.length() > MAX_CHARACTERS) {
            throw new ProviderException(PROVIDER, Kind.BAD_REQUEST, 0, "ElevenLabs accepts at most " + MAX_CHARACTERS
                    + " characters per request; the script has " + text.length()
                    + ". Shorten the script or use a different TTS provider.");
        }
        JsonObject body = Json.createObjectBuilder().add("text", text).add("model_id", model)
                .add("voice_settings", Json.createObjectBuilder().add("stability", 0.5).add("similarity_boost", 0.75))
                .build();
        JsonObject answer;
        try {
            answer = call.postJson(url, Map.of("xi-api-key", key, "Accept", "application/json"), body);
        } catch (ProviderException e) {
            throw voice.explain(e);
        }
        byte[] audio = call.base64("audio_base64", VendorCall.text(answer, "audio_base64"));
        AudioFiles.Format format = AudioFiles.detect(audio);
        if (format == null) {
            throw call.malformed("sent audio that is neither MP3 nor WAV");
        }
        JsonObject alignment = VendorCall.object(answer, "alignment");
        return new Speech(audio, format, alignment == null ? null : words(alignment));
    }

    /** Characters grouped into words at whitespace; the three arrays must be equally long. */
    List<TimedWord> words(JsonObject alignment) throws ProviderException {
        JsonArray chars = array(alignment, "characters");
        JsonArray starts = array(alignment, "character_start_times_seconds");
        JsonArray ends = array(alignment, "character_end_times_seconds");
        if (chars.size() != starts.size() || chars.size() != ends.size()) {
            throw call.malformed("sent an alignment whose arrays differ in length: characters=" + chars.size()
                                 + ", starts=" + starts.size() + ", ends=" + ends.size());
        }
        List<TimedWord> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        double start = 0;
        double end = 0;
        for (int i = 0; i <= chars.size(); i++) {
            String c = i < chars.size() ? string(chars.get(i)) : " ";
            if (c.isBlank()) {
                if (!word.isEmpty()) {
                    words.add(new TimedWord(word.toString(), start, Math.max(start, end)));
                    word.setLength(0);
                }
                continue;
            }
            double s = seconds(starts.get(i));
            double e = seconds(ends.get(i));
            if (word.isEmpty()) {
                start = s;
            }
            end = e;
            word.append(c);
        }
        return words;
    }

    private JsonArray array(JsonObject o, String key) throws ProviderException {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw call.malformed("sent an alignment without " + key);
        }
        return v.asJsonArray();
    }

    private String string(JsonValue v) throws ProviderException {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw call.malformed("sent an alignment character that is not a string");
    }

    private double seconds(JsonValue v) throws ProviderException {
        if (v instanceof JsonNumber n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= 0) {
            return n.doubleValue();
        }
        throw call.malformed("sent an alignment time that is not a non-negative number: " + v);
    }
}
