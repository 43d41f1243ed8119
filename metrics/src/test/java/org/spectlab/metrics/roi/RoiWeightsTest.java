package org.spectlab.metrics.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.metrics.detection.PointMm;

class RoiWeightsTest {

    private static final Grid3 GRID = Grid3.centredCubic(48, 48, 48, 4.0);

    /**
     * The summed fractional weight reproduces the analytic sphere volume. With 8^3 sub-samples the
     * quantisation error per boundary voxel is random-like and averages out; 0.3% is the bound the
     * package documentation states for radii of 2 voxels or more.
     */
    @Test
    void sphereVolumeMatchesAnalyticVolume() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        for (double radiusMm : new double[] {8, 10, 14.2, 18.5, 30}) {
            for (int t = 0; t < 5; t++) {
                PointMm c = PointMm.of(8 * rng.nextDouble() - 4, 8 * rng.nextDouble() - 4, 8 * rng.nextDouble() - 4);
                double v = RoiWeights.sphere(GRID, c, radiusMm).volumeMl();
                double exact = 4.0 / 3.0 * Math.PI * Math.pow(radiusMm, 3) * 1e-3;
                assertThat(v / exact - 1).as("r = %s mm", radiusMm).isCloseTo(0, within(0.003));
            }
        }
    }

    @Test
    void discAreaMatchesAnalyticArea() {
        for (double radiusMm : new double[] {8, 8.5, 11, 18.5}) {
            RoiWeights d = RoiWeights.disc(GRID, PointMm.of(1.3, -0.7, 0), radiusMm);
            double areaMm2 = d.totalWeight() * 16;
            // 32x32 sub-samples: 0.1% for radii >= 2 voxels (package documentation)
            assertThat(areaMm2 / (Math.PI * radiusMm * radiusMm) - 1).isCloseTo(0, within(0.001));
        }
    }

    @Test
    void weightedMeanAndStandardDeviationOfUnitWeights() {
        // A sphere that is smaller than one voxel's inscribed ball around a voxel centre with
        // sub-samples 1 keeps exactly that voxel.
        Volume v = Volume.zeros(GRID, "Bq/mL");
        v.set(24, 24, 24, 7f);
        RoiWeights one = RoiWeights.sphere(GRID, PointMm.of(GRID.xMm(24), GRID.yMm(24), GRID.zMm(24)), 1.0, 1);
        assertThat(one.indices()).containsExactly(GRID.index(24, 24, 24));
        assertThat(one.mean(v)).isEqualTo(7.0);
        // binary 3x3x3 block of values 0..26: mean 13, SD of 0..26 with n-1 = sqrt(63)
        Volume w = Volume.zeros(GRID, "Bq/mL");
        int n = 0;
        for (int k = 23; k <= 25; k++) {
            for (int j = 23; j <= 25; j++) {
                for (int i = 23; i <= 25; i++) {
                    w.set(i, j, k, n++);
                }
            }
        }
        RoiWeights block = RoiWeights.sphere(GRID, PointMm.of(GRID.xMm(24), GRID.yMm(24), GRID.zMm(24)), 7.0, 1);
        assertThat(block.indices()).hasSize(27); // corner voxel centre at 6.93 mm < 7 mm
        assertThat(block.mean(w)).isCloseTo(13.0, within(1e-12));
        assertThat(block.standardDeviation(w)).isCloseTo(Math.sqrt(63.0), within(1e-12));
        assertThat(block.boundaryFraction()).isZero();
    }

    @Test
    void backgroundPlacerKeepsRoisInsideTheBodyAndClearOfSpheres() {
        Grid3 g = Grid3.centredCubic(100, 100, 5, 3.0);
        boolean[] body = new boolean[g.voxelCount()];
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    body[g.index(i, j, k)] = Math.hypot(g.xMm(i), g.yMm(j)) <= 140;
                }
            }
        }
        var excl = java.util.List.of(BackgroundRoiPlacer.Exclusion.of(PointMm.of(0, 0, 0), 30));
        var centres = BackgroundRoiPlacer.place(g, body, 0, 37, 15, excl, 12);
        assertThat(centres).hasSize(12);
        for (PointMm p : centres) {
            double rho = Math.hypot(p.xMm(), p.yMm());
            // inside the mask to half a voxel diagonal (3 mm voxels: 2.12 mm), as documented
            assertThat(rho + 18.5 + 15).isLessThanOrEqualTo(140 + 0.5 * Math.hypot(3, 3));
            assertThat(rho - 18.5 - 15 - 30).isGreaterThanOrEqualTo(-1e-9);
            for (PointMm q : centres) {
                if (q != p) {
                    assertThat(p.distanceMm(q)).isGreaterThanOrEqualTo(37);
                }
            }
        }
    }
}
