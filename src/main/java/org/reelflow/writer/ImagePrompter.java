package org.reelflow.writer;

import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.reelflow.catalog.Archetype;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.llm.LlmClient;
import org.reelflow.providers.llm.OutputSchema;

/**
 * OpenReels' {@code optimizeImagePrompt}: the job's LLM turns a scene's visual description into an image-model
 * prompt (or, in {@link Mode#VIDEO}, a motion prompt for image-to-video) under the archetype's style bible. A
 * failure keeps the raw prompt ({@link #stylePrompt} for images, the visual description for motion) — a picture is
 * never lost to a prompt call. Without an LLM (the offline writer) the stage uses {@link #stylePrompt} directly.
 */
public final class ImagePrompter {

    private static final Logger LOG = Logger.getLogger(ImagePrompter.class.getName());

    public enum Mode { IMAGE, VIDEO }

    /** What OpenReels' safety re-prompt tells the model after an image provider refused a prompt. */
    public static final String SAFETY_CONTEXT = "The image provider rejected the previous prompt for this scene on "
            + "safety grounds. Rewrite it to show the same idea in a clearly safe, non-graphic, non-violent way: no "
            + "real people's likenesses, no injuries, weapons, nudity or distressing detail; keep the mood with symbols, "
            + "setting and light instead.";

    /** Error texts by which OpenReels recognises a safety rejection when the provider does not say so plainly. */
    static final List<String> SAFETY_WORDS = List.of("safety", "content policy", "safety_violations", "rejected by the safety",
                                                     "content moderation", "prohibited content");

    static final String IMAGE_SYSTEM = """
            You are an expert prompt writer for text-to-image models making vertical 9:16 frames for a short video. \
            Turn the scene's visual description into one vivid, concrete image prompt: subject, action, setting, \
            camera framing, lighting and colour, following the STYLE BIBLE exactly. Never ask for text, letters, \
            captions, logos or watermarks in the picture. Answer with JSON: optimized_prompt (string).""";

    static final String VIDEO_SYSTEM = """
            You are an expert prompt writer for image-to-video models. The first frame already exists; describe only \
            the motion for a few seconds of vertical video: camera movement, subject movement, atmosphere, in one or \
            two sentences, physically plausible and gentle, following the STYLE BIBLE. No text on screen. Answer \
            with JSON: optimized_prompt (string).""";

    static final OutputSchema<String> SCHEMA = new OutputSchema<>("image_prompt", Json.createObjectBuilder()
            .add("type", "object")
            .add("properties", Json.createObjectBuilder().add("optimized_prompt", Json.createObjectBuilder().add("type", "string")))
            .add("required", Json.createArrayBuilder().add("optimized_prompt"))
            .add("additionalProperties", false)
            .build(), ImagePrompter::read);

    private final LlmClient client;

    public ImagePrompter(LlmClient client) {
        this.client = client;
    }

    /**
     * @param rejectionContext why an earlier attempt was turned down (rejected stock results, a safety refusal), or null
     * @return the optimised prompt, or the raw one when the call fails
     */
    public String optimize(Mode mode, Archetype a, int scene, int sceneCount, String visual, String narration,
                           String rejectionContext) throws InterruptedException {
        String user = "Scene " + (scene + 1) + " of " + sceneCount + "\nVisual description: " + visual + "\nNarration: "
                      + (narration == null ? "" : narration)
                      + (rejectionContext == null ? "" : "\n\nIMPORTANT — previous attempt rejected:\n" + rejectionContext);
        String system = (mode == Mode.VIDEO ? VIDEO_SYSTEM : IMAGE_SYSTEM) + "\n\n" + styleBible(a);
        try {
            return client.generate(system, user, SCHEMA, false).value();
        } catch (ProviderException | RuntimeException e) {
            LOG.log(Level.INFO, "scene {0}: prompt optimisation failed, using the raw prompt: {1}", new Object[] {scene, e.getMessage()});
            return mode == Mode.VIDEO ? visual : stylePrompt(a, visual, rejectionContext);
        }
    }

    /** The archetype's visual rules as OpenReels' prompter sees them. */
    static String styleBible(Archetype a) {
        return "STYLE BIBLE\nArt style: " + a.artStyle() + "\nColour palette: " + String.join(", ", a.visualColorPalette())
               + "\nLighting: " + a.lighting() + "\nComposition: " + a.compositionRules() + "\nCultural markers: "
               + a.culturalMarkers() + "\nMood: " + a.mood() + "\nAvoid: " + a.antiArtifactGuidance();
    }

    /** The scene's description in the archetype's style without an LLM pass (and the fallback of a failed one). */
    public static String stylePrompt(Archetype a, String visual, String rejectionContext) {
        String p = visual + ". Style: " + a.artStyle() + " Lighting: " + a.lighting() + " Palette: "
                   + String.join(", ", a.visualColorPalette()) + ". Mood: " + a.mood();
        return rejectionContext == null ? p : p + ". " + rejectionContext;
    }

    /** Whether an image provider's error is a safety refusal (its kind, or the reference's words in its text). */
    public static boolean isSafetyRejection(Exception e) {
        if (e instanceof ProviderException p && p.kind() == ProviderException.Kind.REFUSED) {
            return true;
        }
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return SAFETY_WORDS.stream().anyMatch(m::contains);
    }

    static String read(JsonObject json) throws OutputSchema.InvalidOutputException {
        String p = json.getString("optimized_prompt", "").strip();
        if (p.isEmpty()) {
            throw new OutputSchema.InvalidOutputException("optimized_prompt must be a non-empty string");
        }
        return p;
    }
}
