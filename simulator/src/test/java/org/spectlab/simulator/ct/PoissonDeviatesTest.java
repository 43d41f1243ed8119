package org.spectlab.simulator.ct;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.spectlab.simulator.run.BatchRandom;

class PoissonDeviatesTest {

    @Test
    void chiSquareAgainstThePoissonPmfAtFixedLevelRepeated() {
        // Both branches (inversion below 10, PTRS above). Each mean: 20 repetitions of 20 000 draws, chi-square
        // over the bins with expected count >= 5 (tails pooled); at level 0.01 the number of rejections is
        // Binomial(20, 0.01): P(>= 4) < 1e-4, so the test fails only if far more runs fail than the level predicts.
        for (double mean : new double[] {0.7, 6.5, 12.0, 47.3}) {
            int rejections = 0;
            for (int rep = 0; rep < 20; rep++) {
                UniformRandomProvider rng = BatchRandom.stream(99, rep + (long) (mean * 1000));
                if (pValue(rng, mean, 20000) < 0.01) {
                    rejections++;
                }
            }
            assertThat(rejections).as("rejections at mean %s", mean).isLessThan(4);
        }
    }

    @Test
    void meanAndVarianceAtCtCountLevels() {
        // z-scores of the sample mean (SE sqrt(lambda/N)) and variance (SE sqrt((lambda + 2 lambda^2)/N)) < 4.
        UniformRandomProvider rng = BatchRandom.stream(5, 0);
        for (double lambda : new double[] {150.0, 2.0e4, 3.0e6}) {
            int n = 100000;
            double s = 0;
            double s2 = 0;
            for (int i = 0; i < n; i++) {
                double k = PoissonDeviates.sample(rng, lambda);
                s += k;
                s2 += k * k;
            }
            double m = s / n;
            double var = (s2 - n * m * m) / (n - 1);
            assertThat(Math.abs(m - lambda) / Math.sqrt(lambda / n)).isLessThan(4);
            assertThat(Math.abs(var - lambda) / Math.sqrt((lambda + 2 * lambda * lambda) / n)).isLessThan(4);
        }
    }

    private static double pValue(UniformRandomProvider rng, double mean, int n) {
        int maxK = (int) (mean + 12 * Math.sqrt(mean) + 15);
        long[] counts = new long[maxK + 1];
        for (int i = 0; i < n; i++) {
            long k = PoissonDeviates.sample(rng, mean);
            counts[(int) Math.min(k, maxK)]++;
        }
        double[] pmf = new double[maxK + 1];
        double p = Math.exp(-mean);
        double cum = 0;
        for (int k = 0; k < maxK; k++) {
            pmf[k] = p;
            cum += p;
            p *= mean / (k + 1);
        }
        pmf[maxK] = Math.max(0, 1 - cum);
        // Pool bins from both ends until each has expected >= 5.
        java.util.List<double[]> bins = new java.util.ArrayList<>();
        double e = 0;
        double o = 0;
        for (int k = 0; k <= maxK; k++) {
            e += pmf[k] * n;
            o += counts[k];
            if (e >= 5 && (k == maxK || sumTail(pmf, k + 1) * n >= 5)) {
                bins.add(new double[] {e, o});
                e = 0;
                o = 0;
            }
        }
        if (e > 0 && !bins.isEmpty()) {
            bins.get(bins.size() - 1)[0] += e;
            bins.get(bins.size() - 1)[1] += o;
        }
        double[] expected = new double[bins.size()];
        long[] observed = new long[bins.size()];
        for (int b = 0; b < expected.length; b++) {
            expected[b] = bins.get(b)[0];
            observed[b] = (long) bins.get(b)[1];
        }
        return ChiSquareTest.withDefaults().test(expected, observed).getPValue();
    }

    private static double sumTail(double[] pmf, int from) {
        double s = 0;
        for (int k = from; k < pmf.length; k++) {
            s += pmf[k];
        }
        return s;
    }
}
