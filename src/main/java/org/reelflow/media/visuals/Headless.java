package org.reelflow.media.visuals;

/** Java2D must never look for a display: the server and the tests run on machines without one. */
public final class Headless {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Headless() {
    }

    /** Call before the first AWT use; the property only counts if set before AWT initialises. */
    public static void ensure() {
        // the static initialiser did the work
    }
}
