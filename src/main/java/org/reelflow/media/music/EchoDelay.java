package org.reelflow.media.music;

/** Ping-pong echo with a low-pass in the feedback path, so repeats get darker the way a tape echo does. */
final class EchoDelay {

    private EchoDelay() {
    }

    static void apply(StereoBuffer bus, double delaySec, double feedback) {
        int delay = (int) Math.round(delaySec * bus.sampleRate);
        float[] l = bus.left;
        float[] r = bus.right;
        Filter toneL = new Filter(bus.sampleRate, 3500, 0.7);
        Filter toneR = new Filter(bus.sampleRate, 3500, 0.7);
        float[] echoL = new float[l.length];
        float[] echoR = new float[r.length];
        for (int i = delay; i < l.length; i++) {
            // Left echoes come from the right channel and vice versa: the repeats bounce across the stereo field.
            echoL[i] = (float) toneL.low((r[i - delay] + echoR[i - delay]) * feedback);
            echoR[i] = (float) toneR.low((l[i - delay] + echoL[i - delay]) * feedback);
        }
        for (int i = 0; i < l.length; i++) {
            l[i] += echoL[i];
            r[i] += echoR[i];
        }
    }
}
