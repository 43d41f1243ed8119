package org.spectlab.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class CaseBootstrapTest {

    private static double mean(List<Double> xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.size();
    }

    @Test
    void sameSeedGivesSameInterval() {
        List<Double> xs = List.of(1.0, 2.0, 3.0, 4.0, 10.0);
        ConfidenceInterval a = CaseBootstrap.of(500, 0.95, 3).interval(xs, CaseBootstrapTest::mean);
        ConfidenceInterval b = CaseBootstrap.of(500, 0.95, 3).interval(xs, CaseBootstrapTest::mean);
        assertThat(a).isEqualTo(b);
        assertThat(a.estimate()).isEqualTo(4.0);
        assertThat(a.lower()).isLessThan(4.0);
        assertThat(a.upper()).isGreaterThan(4.0);
    }

    /**
     * Coverage of the 95% percentile interval of a mean, over R independent seeded data sets of n = 100
     * normal localization errors (true mean 3 mm). For n = 100 the percentile interval's coverage is
     * about 94.5% (it behaves like a z-interval with the n-denominator SD: P(|t_99| < 1.96 sqrt(0.99))
     * = 0.946). With R = 400 the binomial SD of the observed coverage is sqrt(0.95*0.05/400) = 0.011;
     * we require the coverage within 3.5 SD of 0.95 (two-sided level about 5e-4), which would fail for
     * a wrong quantile rule (e.g. a 90% interval) or a resampler that does not resample with replacement.
     */
    @Test
    void percentileIntervalCoversTheTrueMeanAboutNinetyFivePercentOfTheTime() {
        UniformRandomProvider data = RandomSource.XO_RO_SHI_RO_128_PP.create(2024L);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(data);
        int repeats = 400;
        int covered = 0;
        for (int r = 0; r < repeats; r++) {
            List<Double> xs = new ArrayList<>(100);
            for (int i = 0; i < 100; i++) {
                xs.add(3.0 + 1.5 * gauss.sample());
            }
            ConfidenceInterval ci = CaseBootstrap.of(1000, 0.95, 1000L + r).interval(xs, CaseBootstrapTest::mean);
            if (ci.contains(3.0)) {
                covered++;
            }
        }
        double coverage = covered / (double) repeats;
        double sd = Math.sqrt(0.95 * 0.05 / repeats);
        assertThat(Math.abs(coverage - 0.95)).as("coverage %s", coverage).isLessThan(3.5 * sd);
    }
}
