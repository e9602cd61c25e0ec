package org.reelflow.score;

import java.util.List;

/** The closed value sets of a DirectorScore, in OpenReels' schema order. Parser, writers and tests all use these. */
public final class ScoreVocabulary {

    public static final String AI_IMAGE = "ai_image";
    public static final String AI_VIDEO = "ai_video";
    public static final String STOCK_IMAGE = "stock_image";
    public static final String STOCK_VIDEO = "stock_video";
    public static final String TEXT_CARD = "text_card";

    public static final List<String> VISUAL_TYPES = List.of(AI_IMAGE, AI_VIDEO, STOCK_IMAGE, STOCK_VIDEO, TEXT_CARD);

    public static final List<String> MOTIONS = List.of("zoom_in", "zoom_out", "pan_right", "pan_left", "static");

    /** A scene's transition is one of these or JSON null (null = the archetype's default transition). */
    public static final List<String> TRANSITIONS = List.of("none", "crossfade", "slide_left", "slide_right", "wipe", "flip");

    public static final List<String> MUSIC_MOODS = List.of(
            "epic_cinematic", "tense_electronic", "chill_lofi", "uplifting_pop",
            "mysterious_ambient", "warm_acoustic", "dark_cinematic", "dreamy_ethereal");

    public static final int MIN_SCENES = 3;
    public static final int MAX_SCENES = 16;
    /** The golden rule: never more than this many consecutive scenes of one visual_type. */
    public static final int MAX_SAME_VISUAL_TYPE_RUN = 2;
    public static final String GOLDEN_RULE_MESSAGE =
            "Golden rule violation: no more than 2 consecutive scenes of the same visual_type";

    private ScoreVocabulary() {
    }
}
