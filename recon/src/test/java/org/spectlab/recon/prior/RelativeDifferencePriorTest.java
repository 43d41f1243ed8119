package org.spectlab.recon.prior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.spectlab.core.grid.Grid3;
import org.spectlab.recon.TestGeometries;
import org.spectlab.recon.projector.ParallelLoops;

/** The analytic gradient of the RDP matches central finite differences of its value. */
class RelativeDifferencePriorTest {

    /**
     * Central differences with step 1e-3 on values ~1 have truncation error O(h²) ~ 1e-6 and
     * double rounding ~1e-10/h; the gradient is stored as float (1e-7 relative), so 1e-4 absolute
     * on gradients of order 1 catches any wrong term (a missing factor is O(1)).
     */
    @Test
    void gradientMatchesFiniteDifferences() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        Grid3 g = Grid3.centredCubic(5, 4, 3, 4.0);
        float[] x = TestGeometries.random(rng, g.voxelCount(), 0.5, 2.0);
        RelativeDifferencePrior rdp = RelativeDifferencePrior.of(0.7, 2.0);
        float[] grad = new float[x.length];
        try (ParallelLoops loops = ParallelLoops.of(1)) {
            rdp.gradient(x, g, grad, loops);
        }
        double h = 1e-3;
        for (int n : new int[] {0, 7, 23, 31, 59}) {
            float keep = x[n];
            x[n] = (float) (keep + h);
            double up = rdp.value(x, g);
            x[n] = (float) (keep - h);
            double down = rdp.value(x, g);
            x[n] = keep;
            double step = ((double) (float) (keep + h) - (double) (float) (keep - h));
            assertThat(grad[n]).as("voxel " + n).isCloseTo((float) ((up - down) / step), within(1e-4f));
        }
        assertThat(rdp.value(new float[g.voxelCount()], g)).isZero();
    }
}
