package org.reelflow.media.audio;

/** EBU R128 integrated loudness (LUFS) and true peak (dBTP) of a file. */
public record Loudness(double integratedLufs, double truePeakDbtp) {
}
