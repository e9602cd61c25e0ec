package org.reelflow.providers.tts;

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
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.ProviderException.Kind;
import org.reelflow.providers.vendor.VendorCall;
import org.reelflow.providers.vendor.VendorSettings;

/**
 * Inworld TTS ({@code POST /tts/v1/voice}) with word timestamps. The key is already the Basic credential Inworld
 * issues. Input is limited to 2000 characters; the word arrays must be equally long. Audio is MP3. Voice and model
 * are {@code providers.models.voice.inworld} and {@code .tts.inworld}.
 */
public final class InworldVoice extends CloudVoice {

    public static final String PROVIDER = "inworld";
    public static final String DEFAULT_BASE_URL = "https://api.inworld.ai";
    public static final int MAX_CHARACTERS = 2000;

    private final VendorCall call;
    private final String url;
    private final String key;
    private final String voice;
    private final String model;

    public InworldVoice(VendorSettings settings, String key, ForcedAligner aligner) {
        super(PROVIDER, aligner);
        this.key = key;
        this.call = new VendorCall(settings, PROVIDER, settings.policy(PROVIDER, VoiceEngines.DEFAULT_POLICY), key);
        this.url = settings.baseUrl(PROVIDER, DEFAULT_BASE_URL) + "/tts/v1/voice";
        this.voice = settings.models().id(Model.VOICE_INWORLD);
        this.model = settings.models().id(Model.TTS_INWORLD);
    }

    @Override
    protected Speech speak(String text) throws ProviderException, InterruptedException {
        if (text.length() > MAX_CHARACTERS) {
            throw new ProviderException(PROVIDER, Kind.BAD_REQUEST, 0, "Inworld TTS limit exceeded: script is "
                    + text.length() + " chars, max " + MAX_CHARACTERS
                    + ". Shorten the script or use a different TTS provider.");
        }
        JsonObject body = Json.createObjectBuilder().add("text", text).add("voiceId", voice).add("modelId", model)
                .add("audioConfig", Json.createObjectBuilder().add("audioEncoding", "MP3"))
                .add("timestampType", "WORD").add("applyTextNormalization", "ON").build();
        JsonObject answer = call.postJson(url, Map.of("Authorization", "Basic " + key), body);
        byte[] audio = call.base64("audioContent", VendorCall.text(answer, "audioContent"));
        AudioFiles.Format format = AudioFiles.detect(audio);
        if (format == null) {
            throw call.malformed("sent audio that is neither MP3 nor WAV");
        }
        JsonObject alignment = VendorCall.object(VendorCall.object(answer, "timestampInfo"), "wordAlignment");
        return new Speech(audio, format, alignment == null ? null : words(alignment));
    }

    List<TimedWord> words(JsonObject alignment) throws ProviderException {
        JsonArray words = array(alignment, "words");
        JsonArray starts = array(alignment, "wordStartTimeSeconds");
        JsonArray ends = array(alignment, "wordEndTimeSeconds");
        if (words.size() != starts.size() || words.size() != ends.size()) {
            throw call.malformed("timestamp array length mismatch: words=" + words.size() + ", starts="
                                 + starts.size() + ", ends=" + ends.size());
        }
        List<TimedWord> out = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); i++) {
            if (!(words.get(i) instanceof JsonString w)) {
                throw call.malformed("sent a timestamp word that is not a string");
            }
            double s = seconds(starts.get(i));
            double e = seconds(ends.get(i));
            out.add(new TimedWord(w.getString(), s, Math.max(s, e)));
        }
        return out;
    }

    private JsonArray array(JsonObject o, String key) throws ProviderException {
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw call.malformed("sent word alignment without " + key);
        }
        return v.asJsonArray();
    }

    private double seconds(JsonValue v) throws ProviderException {
        if (v instanceof JsonNumber n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= 0) {
            return n.doubleValue();
        }
        throw call.malformed("sent a timestamp that is not a non-negative number: " + v);
    }
}
