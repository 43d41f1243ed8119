package org.spectlab.simulator.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.spectlab.core.grid.Grid3;
import org.spectlab.simulator.run.BatchRandom;

class WoodcockTrackerTest {

    /** Three synthetic materials with energy-independent μ (1/cm): near-vacuum, water-like, bone-like. */
    private static final double[][] MU = {
        {1e-5, 1e-5, 1e-6},
        {0.0025, 0.1437, 0.0075},
        {0.05, 0.25, 0.02},
    };

    private static MaterialTables tables() {
        return MaterialTables.build(3, (m, p, e) -> MU[m][p], 20, 200, 0.5);
    }

    /** A 100 mm column along z: 40 mm water, 20 mm bone-like, 40 mm water. */
    private static VoxelMedium layeredColumn() {
        Grid3 g = Grid3.of(3, 3, 100, 2, 2, 1, -2, -2, 0.5);
        short[] mat = new short[g.voxelCount()];
        for (int k = 0; k < 100; k++) {
            short m = (short) (k >= 40 && k < 60 ? 2 : 1);
            for (int j = 0; j < 3; j++) {
                for (int i = 0; i < 3; i++) {
                    mat[g.index(i, j, k)] = m;
                }
            }
        }
        return VoxelMedium.of(g, mat, tables());
    }

    private static double total(int m) {
        return MU[m][0] + MU[m][1] + MU[m][2];
    }

    @Test
    void narrowBeamTransmissionMatchesBeerLambertInAHeterogeneousSlab() {
        WoodcockTracker tracker = new WoodcockTracker(layeredColumn());
        double expected = Math.exp(-(8.0 * total(1) + 2.0 * total(2)));
        UniformRandomProvider rng = BatchRandom.stream(21, 0);
        int n = 400_000;
        int transmitted = 0;
        double[] pos = new double[3];
        double[] dir = {0, 0, 1};
        for (int h = 0; h < n; h++) {
            pos[0] = 0;
            pos[1] = 0;
            pos[2] = 0;
            if (tracker.nextInteraction(pos, dir, 140.5, rng) == WoodcockTracker.ESCAPED) {
                transmitted++;
            }
        }
        double p = (double) transmitted / n;
        double se = Math.sqrt(expected * (1 - expected) / n);
        // |z| < 4: false alarm probability 6e-5 for a correct tracker.
        assertThat(Math.abs(p - expected) / se).isLessThan(4.0);
    }

    @Test
    void firstInteractionsLandInEachLayerWithTheRightProbability() {
        WoodcockTracker tracker = new WoodcockTracker(layeredColumn());
        UniformRandomProvider rng = BatchRandom.stream(22, 0);
        int n = 200_000;
        long[] byMaterial = new long[3];
        double[] pos = new double[3];
        double[] dir = {0, 0, 1};
        for (int h = 0; h < n; h++) {
            pos[0] = 0;
            pos[1] = 0;
            pos[2] = 0;
            int m = tracker.nextInteraction(pos, dir, 100, rng);
            if (m >= 0) {
                byMaterial[m]++;
                if (m == 2) {
                    assertThat(pos[2]).isBetween(40.0, 60.0);
                }
            }
        }
        double pFirstWater = 1 - Math.exp(-4.0 * total(1));
        double pBone = Math.exp(-4.0 * total(1)) * (1 - Math.exp(-2.0 * total(2)));
        double se = Math.sqrt(pBone * (1 - pBone) / n);
        assertThat(Math.abs(byMaterial[2] / (double) n - pBone) / se).isLessThan(4.0);
        assertThat(byMaterial[1] / (double) n).isGreaterThan(pFirstWater);
    }

    @Test
    void opticalDepthIntegratesTheLayers() {
        WoodcockTracker tracker = new WoodcockTracker(layeredColumn());
        double[] pos = {0, 0, 0};
        double[] dir = {0, 0, 1};
        assertThat(tracker.opticalDepth(pos, dir, 140.5, 0.25))
                .isCloseTo(8.0 * total(1) + 2.0 * total(2), within(1e-9));
    }

    @Test
    void processChoiceFollowsTheCrossSectionRatios() {
        MaterialTables t = tables();
        UniformRandomProvider rng = BatchRandom.stream(23, 0);
        int n = 300_000;
        int[] counts = new int[3];
        for (int h = 0; h < n; h++) {
            counts[t.chooseProcess(1, 140.5, rng.nextDouble())]++;
        }
        for (int p = 0; p < 3; p++) {
            double expected = MU[1][p] / total(1);
            double se = Math.sqrt(expected * (1 - expected) / n);
            assertThat(Math.abs(counts[p] / (double) n - expected) / se).as("process %d", p).isLessThan(4.0);
        }
        assertThat(t.muTotalPerCm(1, 77.3)).isCloseTo(total(1), within(1e-12));
        assertThat(t.scatterProbability(1, 140.5)).isCloseTo(1 - MU[1][0] / total(1), within(1e-12));
    }
}
