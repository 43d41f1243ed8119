package org.spectlab.metrics.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.SignificanceResult;

/**
 * Chi-square tests of whether two histograms (spectra, profiles, projections) come from the same
 * distribution.
 *
 * <ul>
 *   <li>{@link #poissonCounts}: two histograms of raw counts, each with its own Poisson errors and
 *       possibly different totals; the classical two-sample statistic
 *       {@code sum (sqrt(B/A) a_i - sqrt(A/B) b_i)^2 / (a_i + b_i)} with {@code k - 1} degrees of
 *       freedom (Press et al., Numerical Recipes 3rd ed., sec. 14.3), computed by Commons Statistics
 *       {@code ChiSquareTest}. Bins empty in both histograms carry no information and are dropped.</li>
 *   <li>{@link #weighted}: histograms of weighted values with given standard deviations per bin
 *       (e.g. Monte Carlo tallies); {@code chi2 = sum (a_i - s b_i)^2 / (sigma_a,i^2 + s^2 sigma_b,i^2)}
 *       with {@code s = 1} and {@code k} degrees of freedom for absolute comparison, or
 *       {@code s = sum a / sum b} and {@code k - 1} degrees of freedom for shape-only comparison. The
 *       Gaussian approximation requires enough entries per bin (about 10 or more) for the statistic to
 *       follow the chi-square law; bins with zero variance in both are dropped.</li>
 * </ul>
 */
public final class HistogramComparison {

    private HistogramComparison() {
    }

    /** Two-sample chi-square test on raw counts (see class documentation). */
    public static TestOutcome poissonCounts(long[] a, long[] b) {
        requireSameLength(a.length, b.length);
        int k = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0 || b[i] < 0) {
                throw new IllegalArgumentException("counts must be >= 0 (bin " + i + ")");
            }
            if (a[i] + b[i] > 0) {
                k++;
            }
        }
        if (k < 2) {
            throw new IllegalArgumentException("chi-square test needs at least two non-empty bins, got " + k);
        }
        long[] x = new long[k];
        long[] y = new long[k];
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] + b[i] > 0) {
                x[n] = a[i];
                y[n] = b[i];
                n++;
            }
        }
        SignificanceResult r = ChiSquareTest.withDefaults().test(x, y);
        return TestOutcome.of("chi-square two-sample (Poisson counts)", r.getStatistic(), k - 1, r.getPValue());
    }

    /**
     * Chi-square test on weighted histograms with per-bin standard deviations.
     *
     * @param a         first histogram values
     * @param sigmaA    standard deviation of each value of a
     * @param b         second histogram values
     * @param sigmaB    standard deviation of each value of b
     * @param shapeOnly when true, b is scaled to a's total first and one degree of freedom is lost
     */
    public static TestOutcome weighted(double[] a, double[] sigmaA, double[] b, double[] sigmaB, boolean shapeOnly) {
        requireSameLength(a.length, b.length);
        requireSameLength(a.length, sigmaA.length);
        requireSameLength(a.length, sigmaB.length);
        double s = 1;
        if (shapeOnly) {
            double sa = 0;
            double sb = 0;
            for (int i = 0; i < a.length; i++) {
                sa += a[i];
                sb += b[i];
            }
            if (sb == 0) {
                throw new IllegalArgumentException("shape-only comparison needs a non-zero total in the second histogram");
            }
            s = sa / sb;
        }
        double chi2 = 0;
        int k = 0;
        for (int i = 0; i < a.length; i++) {
            double var = sigmaA[i] * sigmaA[i] + s * s * sigmaB[i] * sigmaB[i];
            double d = a[i] - s * b[i];
            if (var == 0) {
                if (d != 0) {
                    throw new IllegalArgumentException("bin " + i + " differs but has zero variance");
                }
                continue;
            }
            chi2 += d * d / var;
            k++;
        }
        int dof = shapeOnly ? k - 1 : k;
        if (dof < 1) {
            throw new IllegalArgumentException("chi-square test needs more bins with non-zero variance");
        }
        double p = ChiSquaredDistribution.of(dof).survivalProbability(chi2);
        return TestOutcome.of(shapeOnly ? "chi-square (weighted, shape only)" : "chi-square (weighted)",
                chi2, dof, p);
    }

    private static void requireSameLength(int n, int m) {
        if (n != m) {
            throw new IllegalArgumentException("histograms must have the same number of bins: " + n + " vs " + m);
        }
    }
}
