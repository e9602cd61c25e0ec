package org.reelflow.media.render;

/**
 * Remotion's spring (0 → 1 from rest) as the closed-form damped oscillator, so any frame can be evaluated on its own.
 */
record Spring(double damping, double stiffness, double mass) {

    /** The value {@code seconds} after the start; 0 before it. */
    double at(double seconds) {
        if (seconds <= 0) {
            return 0;
        }
        double w0 = Math.sqrt(stiffness / mass);
        double zeta = damping / (2 * Math.sqrt(stiffness * mass));
        double t = seconds;
        if (zeta < 1) {
            double wd = w0 * Math.sqrt(1 - zeta * zeta);
            return 1 - Math.exp(-zeta * w0 * t) * (Math.cos(wd * t) + zeta * w0 / wd * Math.sin(wd * t));
        }
        if (zeta == 1) {
            return 1 - Math.exp(-w0 * t) * (1 + w0 * t);
        }
        double root = Math.sqrt(zeta * zeta - 1);
        double r1 = -w0 * (zeta - root);
        double r2 = -w0 * (zeta + root);
        return 1 - (r2 * Math.exp(r1 * t) - r1 * Math.exp(r2 * t)) / (r2 - r1);
    }
}
