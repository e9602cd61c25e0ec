package org.reelflow.media.render;

/**
 * The reference's five Ken Burns moves, I = motion intensity and p = frame / scene length:
 * zoom_in scale 1 → 1 + 0.15·I, zoom_out the reverse, pan_left/pan_right at scale 1.15 moving 0 → ∓/±50·I px, static.
 */
enum Motion {
    ZOOM_IN, ZOOM_OUT, PAN_LEFT, PAN_RIGHT, STATIC;

    /** A frame's transform: scale about the centre, then a horizontal shift in output pixels. */
    record Transform(double scale, double shiftX) {
    }

    static Motion parse(String name) {
        if (name == null) {
            return STATIC;
        }
        return switch (name) {
            case "zoom_in" -> ZOOM_IN;
            case "zoom_out" -> ZOOM_OUT;
            case "pan_left" -> PAN_LEFT;
            case "pan_right" -> PAN_RIGHT;
            default -> STATIC;
        };
    }

    Transform at(double progress, double intensity) {
        return switch (this) {
            case ZOOM_IN -> new Transform(1 + 0.15 * intensity * progress, 0);
            case ZOOM_OUT -> new Transform(1 + 0.15 * intensity * (1 - progress), 0);
            case PAN_LEFT -> new Transform(1.15, -50 * intensity * progress);
            case PAN_RIGHT -> new Transform(1.15, 50 * intensity * progress);
            case STATIC -> new Transform(1, 0);
        };
    }

    /** The largest scale this move reaches, so the source can be prepared at that size and only ever shrunk. */
    double maxScale(double intensity) {
        return switch (this) {
            case ZOOM_IN, ZOOM_OUT -> 1 + 0.15 * Math.max(0, intensity);
            case PAN_LEFT, PAN_RIGHT -> 1.15;
            case STATIC -> 1;
        };
    }
}
