package org.spectlab.recon.localization;

/**
 * Median and median absolute deviation of the first {@code n} values of a scratch array (the array
 * is reordered). The robust SD is 1.4826 × MAD, which equals the SD for Gaussian data (1.4826 =
 * 1 / Φ⁻¹(3/4); Rousseeuw PJ, Croux C, J Am Stat Assoc 88 (1993) 1273-1283).
 */
final class RobustStats {
    /** MAD to SD for Gaussian data. */
    static final double MAD_TO_SD = 1.4826;

    private RobustStats() {
    }

    /** The median of values[0..n) (reorders them); NaN when n = 0. */
    static double median(float[] values, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        int h = n / 2;
        double upper = select(values, n, h);
        if ((n & 1) == 1) {
            return upper;
        }
        float lower = Float.NEGATIVE_INFINITY;
        for (int a = 0; a < h; a++) {
            if (values[a] > lower) {
                lower = values[a];
            }
        }
        return 0.5 * (lower + upper);
    }

    /** The value of rank floor(q (n - 1)) of values[0..n), 0 <= q <= 1 (reorders them); NaN when n = 0. */
    static double quantile(float[] values, int n, double q) {
        if (n == 0) {
            return Double.NaN;
        }
        return select(values, n, (int) Math.floor(q * (n - 1)));
    }

    /** 1.4826 × MAD of values[0..n) about {@code centre} (overwrites them). */
    static double robustSd(float[] values, int n, double centre) {
        for (int a = 0; a < n; a++) {
            values[a] = (float) Math.abs(values[a] - centre);
        }
        return MAD_TO_SD * median(values, n);
    }

    /** Hoare quickselect: puts the k-th smallest at index k, smaller ones before it; returns it. */
    private static float select(float[] v, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            float pivot = v[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (v[i] < pivot) {
                    i++;
                }
                while (v[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = v[i];
                    v[i] = v[j];
                    v[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                break;
            }
        }
        return v[k];
    }
}
