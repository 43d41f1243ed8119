package org.spectlab.metrics.stats;

import org.apache.commons.statistics.inference.KolmogorovSmirnovTest;

/**
 * Two-sample Kolmogorov-Smirnov tests for spectra and profiles.
 *
 * <ul>
 *   <li>{@link #samples}: two samples of values (e.g. event energies, keV); delegated to Commons
 *       Statistics {@code KolmogorovSmirnovTest} (two-sided; exact p-value for small samples,
 *       asymptotic otherwise).</li>
 *   <li>{@link #binned}: two histograms of counts on the same bins. {@code D} is the largest
 *       difference of the two empirical cumulative distributions at the bin edges; the p-value is the
 *       asymptotic Kolmogorov distribution at {@code lambda = (sqrt(n_e) + 0.12 + 0.11/sqrt(n_e)) D}
 *       with {@code n_e = n m / (n + m)} (Stephens, J. R. Stat. Soc. B 32:115, 1970). Binning can only
 *       lower {@code D}, so this test is conservative (it rejects less often than its level).</li>
 * </ul>
 */
public final class KolmogorovSmirnov {

    private KolmogorovSmirnov() {
    }

    /** Two-sided two-sample test on raw values. */
    public static TestOutcome samples(double[] x, double[] y) {
        KolmogorovSmirnovTest.TwoResult r = KolmogorovSmirnovTest.withDefaults().test(x, y);
        return TestOutcome.of("Kolmogorov-Smirnov two-sample", r.getStatistic(), 0, r.getPValue());
    }

    /** Two-sided two-sample test on histograms of counts with identical bins. */
    public static TestOutcome binned(long[] a, long[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("histograms must have the same number of bins: "
                    + a.length + " vs " + b.length);
        }
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] < 0 || b[i] < 0) {
                throw new IllegalArgumentException("counts must be >= 0 (bin " + i + ")");
            }
            na += a[i];
            nb += b[i];
        }
        if (na == 0 || nb == 0) {
            throw new IllegalArgumentException("both histograms need at least one count");
        }
        double ca = 0;
        double cb = 0;
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            ca += a[i];
            cb += b[i];
            d = Math.max(d, Math.abs(ca / na - cb / nb));
        }
        double ne = na * nb / (na + nb);
        double sq = Math.sqrt(ne);
        double lambda = (sq + 0.12 + 0.11 / sq) * d;
        return TestOutcome.of("Kolmogorov-Smirnov two-sample (binned, asymptotic)", d, 0,
                kolmogorovSurvival(lambda));
    }

    /**
     * P(K > lambda) for the Kolmogorov distribution. For small lambda the theta-function form
     * {@code P(K <= l) = sqrt(2 pi)/l sum exp(-(2k-1)^2 pi^2 / (8 l^2))} converges fast, for large
     * lambda the alternating series {@code 2 sum (-1)^(k-1) exp(-2 k^2 l^2)} does.
     */
    static double kolmogorovSurvival(double lambda) {
        if (lambda <= 0) {
            return 1;
        }
        if (lambda < 1.18) {
            double s = 0;
            double f = -Math.PI * Math.PI / (8 * lambda * lambda);
            for (int k = 1; k <= 20; k++) {
                int m = 2 * k - 1;
                s += Math.exp(m * m * f);
            }
            double cdf = Math.sqrt(2 * Math.PI) / lambda * s;
            return Math.min(1, Math.max(0, 1 - cdf));
        }
        double s = 0;
        for (int k = 1; k <= 100; k++) {
            double term = Math.exp(-2.0 * k * k * lambda * lambda);
            s += (k % 2 == 1) ? term : -term;
            if (term < 1e-17) {
                break;
            }
        }
        return Math.min(1, Math.max(0, 2 * s));
    }
}
