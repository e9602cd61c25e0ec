package org.reelflow.media.music;

import java.util.Locale;

/** The eight music moods a creative director can ask for (OpenReels' enum, same ids). */
public enum Mood {
    EPIC_CINEMATIC, TENSE_ELECTRONIC, CHILL_LOFI, UPLIFTING_POP, MYSTERIOUS_AMBIENT, WARM_ACOUSTIC, DARK_CINEMATIC,
    DREAMY_ETHEREAL;

    /** The id used in plans and settings, e.g. "chill_lofi". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The track id prefix, e.g. "chill-lofi". */
    String slug() {
        return id().replace('_', '-');
    }
}
