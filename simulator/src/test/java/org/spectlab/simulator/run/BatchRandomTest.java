package org.spectlab.simulator.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class BatchRandomTest {

    @Test
    void sameKeyGivesTheSameStream() {
        UniformRandomProvider a = BatchRandom.stream(123, 45);
        UniformRandomProvider b = BatchRandom.stream(123, 45);
        for (int i = 0; i < 1000; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
    }

    @Test
    void neighbouringBatchesAndSeedsAreUncorrelated() {
        int n = 200_000;
        long[][] keys = {{1, 0, 1, 1}, {1, 0, 2, 0}, {0, 0, 0, 1}, {5, 1000, 5, 1001}};
        for (long[] k : keys) {
            UniformRandomProvider a = BatchRandom.stream(k[0], k[1]);
            UniformRandomProvider b = BatchRandom.stream(k[2], k[3]);
            double sab = 0;
            double sa = 0;
            double sb = 0;
            double saa = 0;
            double sbb = 0;
            for (int i = 0; i < n; i++) {
                double x = a.nextDouble();
                double y = b.nextDouble();
                sab += x * y;
                sa += x;
                sb += y;
                saa += x * x;
                sbb += y * y;
            }
            double cov = sab / n - (sa / n) * (sb / n);
            double r = cov / Math.sqrt((saa / n - sa * sa / n / n) * (sbb / n - sb * sb / n / n));
            // Under independence r*sqrt(n) is ~N(0,1); |z| < 4.5 keeps the false alarm rate ~1e-5 per pair.
            assertThat(Math.abs(r) * Math.sqrt(n)).as("pair %s", java.util.Arrays.toString(k)).isLessThan(4.5);
        }
    }

    @Test
    void fixedPointSumsDoNotDependOnOrder() {
        UniformRandomProvider rng = BatchRandom.stream(3, 3);
        double[][] batches = new double[50][8];
        for (double[] b : batches) {
            for (int i = 0; i < b.length; i++) {
                b[i] = rng.nextDouble() * Math.pow(10, rng.nextInt(8) - 4);
            }
        }
        FixedPointTally forward = FixedPointTally.of(8);
        FixedPointTally backward = FixedPointTally.of(8);
        for (double[] b : batches) {
            forward.addAndClear(b.clone());
        }
        for (int j = batches.length - 1; j >= 0; j--) {
            backward.addAndClear(batches[j].clone());
        }
        assertThat(forward.sameAs(backward)).isTrue();
        double exact = 0;
        for (double[] b : batches) {
            exact += b[0];
        }
        // 50 roundings of at most half a resolution each.
        assertThat(Math.abs(forward.get(0) - exact)).isLessThanOrEqualTo(50 * 0.5 * FixedPointTally.DEFAULT_RESOLUTION);
    }
}
