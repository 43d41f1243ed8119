package org.spectlab.recon.filter;

import org.apache.commons.numbers.gamma.Erf;

/**
 * Discrete Gaussian kernels and separable convolution with zero padding. Kernel taps are the
 * Gaussian integrated over each pixel (via erf), so narrow kernels (σ below one pixel) keep the
 * right variance; they are truncated at {@value #TRUNCATION_SIGMAS} σ and renormalised to sum to
 * one. A symmetric kernel with zero padding is a symmetric operator (its own adjoint).
 */
public final class GaussianKernel {
    /** Kernel half-width in units of σ. */
    public static final double TRUNCATION_SIGMAS = 3.0;
    /** FWHM / σ of a Gaussian, {@code 2 sqrt(2 ln 2)}. */
    public static final double FWHM_PER_SIGMA = 2.0 * Math.sqrt(2.0 * Math.log(2.0));

    private GaussianKernel() {
    }

    /** Half-kernel (taps 0..h) of standard deviation {@code sigmaPx} pixels; {@code {1}} when σ = 0. */
    public static float[] halfKernel(double sigmaPx) {
        if (!(sigmaPx > 0)) {
            return new float[] {1f};
        }
        int h = Math.max(1, (int) Math.ceil(TRUNCATION_SIGMAS * sigmaPx));
        double[] w = new double[h + 1];
        double scale = 1.0 / (Math.sqrt(2.0) * sigmaPx);
        double total = 0;
        for (int m = 0; m <= h; m++) {
            w[m] = 0.5 * (Erf.value((m + 0.5) * scale) - Erf.value((m - 0.5) * scale));
            total += m == 0 ? w[m] : 2 * w[m];
        }
        float[] out = new float[h + 1];
        for (int m = 0; m <= h; m++) {
            out[m] = (float) (w[m] / total);
        }
        return out;
    }

    /**
     * Blurs one {@code rows x cols} plane starting at {@code base} in place, along columns with
     * {@code wCols} and along rows with {@code wRows} (half-kernels), using {@code tmp}
     * ({@code rows*cols}) as scratch.
     */
    public static void blurPlane(float[] data, int base, int rows, int cols, float[] wCols, float[] wRows,
                                 float[] tmp) {
        final int hc = wCols.length - 1;
        final float w0 = wCols[0];
        for (int k = 0; k < rows; k++) {
            int r = base + k * cols;
            int t = k * cols;
            for (int i = 0; i < cols; i++) {
                tmp[t + i] = w0 * data[r + i];
            }
            for (int m = 1; m <= hc && m < cols; m++) {
                float wm = wCols[m];
                for (int i = 0; i < cols - m; i++) {
                    tmp[t + i] += wm * data[r + i + m];
                }
                for (int i = m; i < cols; i++) {
                    tmp[t + i] += wm * data[r + i - m];
                }
            }
        }
        final int hr = wRows.length - 1;
        final float v0 = wRows[0];
        for (int k = 0; k < rows; k++) {
            int r = base + k * cols;
            int t = k * cols;
            for (int i = 0; i < cols; i++) {
                data[r + i] = v0 * tmp[t + i];
            }
            for (int m = 1; m <= hr; m++) {
                float wm = wRows[m];
                if (k - m >= 0) {
                    int tb = (k - m) * cols;
                    for (int i = 0; i < cols; i++) {
                        data[r + i] += wm * tmp[tb + i];
                    }
                }
                if (k + m < rows) {
                    int tb = (k + m) * cols;
                    for (int i = 0; i < cols; i++) {
                        data[r + i] += wm * tmp[tb + i];
                    }
                }
            }
        }
    }

    /**
     * Blurs a 1D line of {@code n} values spaced {@code stride} apart starting at {@code base}, in
     * place with zero padding, using {@code tmp} (length ≥ n) as scratch.
     */
    public static void blurLine(float[] data, int base, int n, int stride, float[] w, float[] tmp) {
        final int h = w.length - 1;
        for (int a = 0; a < n; a++) {
            double acc = w[0] * data[base + a * stride];
            for (int m = 1; m <= h; m++) {
                if (a - m >= 0) {
                    acc += w[m] * data[base + (a - m) * stride];
                }
                if (a + m < n) {
                    acc += w[m] * data[base + (a + m) * stride];
                }
            }
            tmp[a] = (float) acc;
        }
        for (int a = 0; a < n; a++) {
            data[base + a * stride] = tmp[a];
        }
    }
}
