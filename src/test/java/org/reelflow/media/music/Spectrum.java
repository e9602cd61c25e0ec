package org.reelflow.media.music;

/** Power spectra for tests: Hann-windowed radix-2 FFT. */
final class Spectrum {

    private Spectrum() {
    }

    /** Power per bin (n/2 bins) of {@code n} samples from {@code offset}; n must be a power of two. */
    static double[] power(double[] signal, int offset, int n) {
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = signal[offset + i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1)));
        }
        fft(re, im);
        double[] power = new double[n / 2];
        for (int k = 0; k < n / 2; k++) {
            power[k] = re[k] * re[k] + im[k] * im[k];
        }
        return power;
    }

    private static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = -2 * Math.PI / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < len / 2; k++) {
                    double wr = Math.cos(angle * k);
                    double wi = Math.sin(angle * k);
                    double xr = re[i + k + len / 2] * wr - im[i + k + len / 2] * wi;
                    double xi = re[i + k + len / 2] * wi + im[i + k + len / 2] * wr;
                    re[i + k + len / 2] = re[i + k] - xr;
                    im[i + k + len / 2] = im[i + k] - xi;
                    re[i + k] += xr;
                    im[i + k] += xi;
                }
            }
        }
    }
}
