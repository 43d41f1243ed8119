package org.spectlab.metrics.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Percentile bootstrap confidence intervals over cases (Efron and Tibshirani, "An Introduction to the
 * Bootstrap", 1993, ch. 13): cases are resampled with replacement {@code B} times, the statistic is
 * recomputed on each resample, and the interval is formed by the {@code (1-level)/2} and
 * {@code (1+level)/2} empirical quantiles of the replicates (linear interpolation between order
 * statistics, the "type 7" definition). Resamples where the statistic is NaN (e.g. no lesion drawn)
 * are dropped; if more than half are, the interval is NaN.
 *
 * <p>Resampling whole cases keeps the correlation between lesions and marks within a case, which is
 * why FROC figures are bootstrapped by case and not by lesion. The random stream is
 * {@code XO_RO_SHI_RO_128_PP} seeded with the given seed, so results are reproducible.
 *
 * @param replicates number of bootstrap resamples B (at least 100)
 * @param level      confidence level in (0, 1)
 * @param seed       seed of the random stream
 */
public record CaseBootstrap(int replicates, double level, long seed) {

    /** Checks the arguments. */
    public CaseBootstrap {
        if (replicates < 100) {
            throw new IllegalArgumentException("bootstrap replicates must be >= 100, got " + replicates);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
    }

    /** A bootstrap with B replicates, the given level and seed. */
    public static CaseBootstrap of(int replicates, double level, long seed) {
        return new CaseBootstrap(replicates, level, seed);
    }

    /**
     * The percentile interval of a statistic over cases.
     *
     * @param cases     the cases (at least one)
     * @param statistic the figure computed from a list of cases
     * @param <T>       the case type
     */
    public <T> ConfidenceInterval interval(List<T> cases, ToDoubleFunction<List<T>> statistic) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("bootstrap needs at least one case");
        }
        double estimate = statistic.applyAsDouble(cases);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int n = cases.size();
        double[] reps = new double[replicates];
        int kept = 0;
        List<T> sample = new ArrayList<>(n);
        for (int b = 0; b < replicates; b++) {
            sample.clear();
            for (int i = 0; i < n; i++) {
                sample.add(cases.get(rng.nextInt(n)));
            }
            double v = statistic.applyAsDouble(sample);
            if (!Double.isNaN(v)) {
                reps[kept++] = v;
            }
        }
        if (kept < replicates / 2) {
            return ConfidenceInterval.of(estimate, Double.NaN, Double.NaN, level);
        }
        double[] sorted = Arrays.copyOf(reps, kept);
        Arrays.sort(sorted);
        return ConfidenceInterval.of(estimate, quantile(sorted, 0.5 * (1 - level)),
                quantile(sorted, 0.5 * (1 + level)), level);
    }

    /** Type-7 quantile of sorted data: interpolation between order statistics at {@code (n-1) p}. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
