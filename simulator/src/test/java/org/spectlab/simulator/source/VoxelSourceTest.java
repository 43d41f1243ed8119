package org.spectlab.simulator.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.simulator.run.BatchRandom;

class VoxelSourceTest {

    @Test
    void voxelsAreChosenInProportionToActivity() {
        Grid3 g = Grid3.centredCubic(4, 3, 2, 5.0);
        Volume a = Volume.zeros(g, "Bq/mL");
        float[] c = a.data();
        for (int i = 0; i < c.length; i++) {
            c[i] = i % 5; // includes zero voxels
        }
        VoxelSource src = VoxelSource.of(a);
        assertThat(src.totalActivityBq()).isCloseTo(a.sum() * g.voxelVolumeMl(), within(1e-9));
        // Repeated chi-square at alpha = 0.01: allow up to 3 failures of 10 (binomial tail ~1e-4).
        int failures = 0;
        for (int run = 0; run < 10; run++) {
            UniformRandomProvider rng = BatchRandom.stream(5, run);
            VoxelSource.Sampler s = src.sampler(rng);
            long[] counts = new long[c.length];
            double[] p = new double[3];
            int n = 50_000;
            for (int h = 0; h < n; h++) {
                s.samplePositionMm(p);
                int i = (int) Math.round(g.toVoxelX(p[0]));
                int j = (int) Math.round(g.toVoxelY(p[1]));
                int k = (int) Math.round(g.toVoxelZ(p[2]));
                counts[g.index(i, j, k)]++;
            }
            int active = 0;
            for (float v : c) {
                if (v > 0) {
                    active++;
                }
            }
            double[] expected = new double[active];
            long[] observed = new long[active];
            int m = 0;
            for (int i = 0; i < c.length; i++) {
                if (c[i] > 0) {
                    expected[m] = c[i];
                    observed[m++] = counts[i];
                } else {
                    assertThat(counts[i]).isZero();
                }
            }
            if (ChiSquareTest.withDefaults().test(expected, observed).getPValue() < 0.01) {
                failures++;
            }
        }
        assertThat(failures).isLessThanOrEqualTo(3);
    }

    @Test
    void positionsAreUniformInsideTheVoxel() {
        Grid3 g = Grid3.centredCubic(1, 1, 1, 10.0);
        Volume a = Volume.zeros(g, "Bq/mL");
        a.data()[0] = 1f;
        VoxelSource.Sampler s = VoxelSource.of(a).sampler(BatchRandom.stream(1, 1));
        double[] p = new double[3];
        double sum = 0;
        double sum2 = 0;
        int n = 100_000;
        for (int h = 0; h < n; h++) {
            s.samplePositionMm(p);
            assertThat(Math.abs(p[0])).isLessThanOrEqualTo(5.0);
            sum += p[2];
            sum2 += p[2] * p[2];
        }
        // Uniform on [-5, 5]: mean 0, variance 100/12; z-test with the analytic SE.
        double se = Math.sqrt(100.0 / 12.0 / n);
        assertThat(Math.abs(sum / n) / se).isLessThan(4.0);
        assertThat(sum2 / n).isCloseTo(100.0 / 12.0, within(0.1));
    }

    @Test
    void negativeOrEmptyActivityIsRefused() {
        Grid3 g = Grid3.centredCubic(2, 2, 2, 1.0);
        Volume a = Volume.zeros(g, "Bq/mL");
        assertThatThrownBy(() -> VoxelSource.of(a)).isInstanceOf(InputException.class).hasMessageContaining("zero");
        a.data()[3] = -1f;
        assertThatThrownBy(() -> VoxelSource.of(a)).isInstanceOf(InputException.class)
                .hasMessageContaining("non-negative").hasMessageContaining("(1,1,0)");
    }

    @Test
    void deflectionKeepsUnitLengthAndTheRequestedAngle() {
        UniformRandomProvider rng = BatchRandom.stream(2, 2);
        double[] d = new double[3];
        for (int i = 0; i < 10_000; i++) {
            Directions.isotropic(rng, d);
            double[] before = d.clone();
            double cosT = 2 * rng.nextDouble() - 1;
            Directions.deflect(d, cosT, 2 * Math.PI * rng.nextDouble());
            assertThat(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]).isCloseTo(1.0, within(1e-12));
            assertThat(d[0] * before[0] + d[1] * before[1] + d[2] * before[2]).isCloseTo(cosT, within(1e-9));
        }
        double[] up = {0, 0, 1};
        Directions.deflect(up, 0.5, 0.3);
        assertThat(up[2]).isCloseTo(0.5, within(1e-12));
    }
}
