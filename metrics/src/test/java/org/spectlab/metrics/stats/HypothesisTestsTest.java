package org.spectlab.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Chi-square and KS tests checked statistically: under the null, rejections at level alpha = 0.05 over
 * R independent repeats are binomial(R, 0.05); we accept counts within 3.5 binomial SD of the expected
 * (a false alarm rate of about 5e-4 per check). Under a clear alternative every repeat must reject.
 */
class HypothesisTestsTest {

    private static final double ALPHA = 0.05;
    private static final int BINS = 20;

    /** Expected counts of a Gaussian-shaped photopeak over 20 bins (centre, width in bins). */
    private static double[] peak(double total, double centre, double widthBins) {
        double[] m = new double[BINS];
        double s = 0;
        for (int i = 0; i < BINS; i++) {
            double u = (i - centre) / widthBins;
            m[i] = Math.exp(-0.5 * u * u) + 0.05; // flat scatter floor keeps every bin populated
            s += m[i];
        }
        for (int i = 0; i < BINS; i++) {
            m[i] *= total / s;
        }
        return m;
    }

    private static long[] poisson(UniformRandomProvider rng, double[] means) {
        long[] c = new long[means.length];
        for (int i = 0; i < means.length; i++) {
            c[i] = PoissonSampler.of(rng, means[i]).sample();
        }
        return c;
    }

    private static void assertRejectionRateIsAlpha(int rejections, int repeats) {
        double expected = ALPHA * repeats;
        double sd = Math.sqrt(repeats * ALPHA * (1 - ALPHA));
        assertThat(Math.abs(rejections - expected)).as("%d rejections of %d", rejections, repeats)
                .isLessThan(3.5 * sd);
    }

    @Test
    void poissonChiSquareHasItsLevelUnderTheNullAndRejectsAShift() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        double[] a = peak(5000, 10, 2.5);
        double[] b = peak(8000, 10, 2.5); // same shape, different total: allowed
        double[] shifted = peak(8000, 11, 2.5);
        int repeats = 1000;
        int rejections = 0;
        for (int r = 0; r < repeats; r++) {
            TestOutcome t = HistogramComparison.poissonCounts(poisson(rng, a), poisson(rng, b));
            assertThat(t.degreesOfFreedom()).isEqualTo(BINS - 1);
            if (t.rejects(ALPHA)) {
                rejections++;
            }
        }
        assertRejectionRateIsAlpha(rejections, repeats);
        for (int r = 0; r < 50; r++) {
            assertThat(HistogramComparison.poissonCounts(poisson(rng, a), poisson(rng, shifted)).rejects(ALPHA)).isTrue();
        }
    }

    @Test
    void weightedChiSquareHasItsLevelUnderTheNullAndRejectsAShift() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(12L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] mu = peak(1000, 10, 2.5);
        double[] muShift = peak(1000, 11, 2.5);
        double[] sigma = new double[BINS];
        for (int i = 0; i < BINS; i++) {
            sigma[i] = 0.05 * mu[i] + 1; // 5% + 1 unit tally error per bin
        }
        int repeats = 1000;
        int rejAbs = 0;
        int rejShape = 0;
        for (int r = 0; r < repeats; r++) {
            double[] a = new double[BINS];
            double[] b = new double[BINS];
            for (int i = 0; i < BINS; i++) {
                a[i] = mu[i] + sigma[i] * g.sample();
                b[i] = mu[i] + sigma[i] * g.sample();
            }
            rejAbs += HistogramComparison.weighted(a, sigma, b, sigma, false).rejects(ALPHA) ? 1 : 0;
            rejShape += HistogramComparison.weighted(a, sigma, b, sigma, true).rejects(ALPHA) ? 1 : 0;
        }
        assertRejectionRateIsAlpha(rejAbs, repeats);
        // Shape-only: rescaling by the noisy ratio of totals makes the statistic only approximately
        // chi-square(k - 1); the rate must still be near alpha.
        assertRejectionRateIsAlpha(rejShape, repeats);
        for (int r = 0; r < 50; r++) {
            double[] a = new double[BINS];
            double[] b = new double[BINS];
            for (int i = 0; i < BINS; i++) {
                a[i] = mu[i] + sigma[i] * g.sample();
                b[i] = muShift[i] + sigma[i] * g.sample();
            }
            assertThat(HistogramComparison.weighted(a, sigma, b, sigma, true).rejects(ALPHA)).isTrue();
        }
    }

    @Test
    void kolmogorovSmirnovOnSamplesHasItsLevelAndRejectsAShift() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(13L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int repeats = 600;
        int rejections = 0;
        for (int r = 0; r < repeats; r++) {
            double[] x = new double[150];
            double[] y = new double[200];
            for (int i = 0; i < x.length; i++) {
                x[i] = 140.5 + 7 * g.sample(); // photopeak energies, keV
            }
            for (int i = 0; i < y.length; i++) {
                y[i] = 140.5 + 7 * g.sample();
            }
            if (KolmogorovSmirnov.samples(x, y).rejects(ALPHA)) {
                rejections++;
            }
        }
        // The exact/asymptotic KS p-value on discrete D is slightly conservative; the binomial band holds.
        assertRejectionRateIsAlpha(rejections, repeats);
        for (int r = 0; r < 20; r++) {
            double[] x = new double[400];
            double[] y = new double[400];
            for (int i = 0; i < x.length; i++) {
                x[i] = 140.5 + 7 * g.sample();
                y[i] = 144.0 + 7 * g.sample(); // shifted by 0.5 sigma: power ~ 1 at n = 400
            }
            assertThat(KolmogorovSmirnov.samples(x, y).rejects(ALPHA)).isTrue();
        }
    }

    @Test
    void binnedKolmogorovSmirnovIsConservativeAndRejectsAShift() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(14L);
        double[] a = peak(3000, 10, 2.5);
        double[] shifted = peak(3000, 11, 2.5);
        int repeats = 600;
        int rejections = 0;
        for (int r = 0; r < repeats; r++) {
            if (KolmogorovSmirnov.binned(poisson(rng, a), poisson(rng, a)).rejects(ALPHA)) {
                rejections++;
            }
        }
        // conservative: at most alpha (plus 3.5 binomial SD)
        assertThat(rejections).isLessThan((int) Math.ceil(ALPHA * repeats + 3.5 * Math.sqrt(repeats * ALPHA * 0.95)));
        for (int r = 0; r < 20; r++) {
            assertThat(KolmogorovSmirnov.binned(poisson(rng, a), poisson(rng, shifted)).rejects(ALPHA)).isTrue();
        }
    }

    @Test
    void kolmogorovSurvivalMatchesTabulatedCriticalValues() {
        // Asymptotic Kolmogorov critical values: P(K > 1.3581) = 0.05, P(K > 1.6276) = 0.01
        // (e.g. Smirnov 1948, Ann. Math. Statist. 19:279, table 1).
        assertThat(KolmogorovSmirnov.kolmogorovSurvival(1.3581)).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(KolmogorovSmirnov.kolmogorovSurvival(1.6276)).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-4));
        // small-lambda branch: P(K <= 1.0) = 0.7300 (same table)
        assertThat(KolmogorovSmirnov.kolmogorovSurvival(1.0)).isCloseTo(0.2700, org.assertj.core.data.Offset.offset(1e-4));
    }
}
