package org.spectlab.phantoms.voxel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectlab.core.grid.Grid3;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.model.Region;
import org.spectlab.phantoms.shape.Ellipsoid;

/**
 * Acceptance: voxelised volume and total activity of spheres 10-37 mm on 2-5 mm grids within 1% of
 * the analytic values.
 *
 * <p>Why the configuration: summed over a solid the sub-samples form a regular lattice of spacing
 * voxel/m, and the counting error of a sphere on such a lattice is worst when the sphere's centre
 * is a lattice symmetry point (voxel centre or corner), where whole shells of lattice points enter
 * together. Measured worst cases with a uniform n^3 lattice: n=4 gives 6.0% (13 mm sphere, 5 mm
 * voxels, centred on a voxel), n=8 1.5%, n=12 1.35%, n=16 0.58%. So 4^3 alone cannot promise 1% for
 * the smallest spheres on coarse grids; 4^3 with 4x boundary refinement (boundary voxels at 16^3)
 * does, at a fraction of the cost of 16^3 everywhere. Centres tested: on a voxel centre, on a
 * voxel corner, and two generic off-grid positions.
 */
class SphereVoxelisationTest {
    private static final double[] DIAMETERS_MM = {10, 13, 17, 22, 28, 37};
    private static final double[] VOXELS_MM = {2, 3, 4, 5};

    @Test
    void defaultVoxeliserKeepsSphereVolumeAndActivityWithinOnePercent() {
        Voxeliser vox = Voxeliser.standard(2);
        assertThat(vox.subSamplesPerAxis() * vox.boundaryRefinement()).isEqualTo(16);
        double worst = 0;
        StringBuilder table = new StringBuilder("voxel_mm d_mm worst_rel_err\n");
        for (double v : VOXELS_MM) {
            int nvox = (int) Math.ceil(48 / v) + 1;
            Grid3 g = Grid3.centredCubic(nvox, nvox, nvox, v);
            for (double d : DIAMETERS_MM) {
                double worstHere = 0;
                for (double[] c : centres(v)) {
                    Ellipsoid s = Ellipsoid.sphere(c[0], c[1], c[2], d);
                    double conc = 5000;
                    VoxelisedPhantom vp = vox.render(g, Phantom.of("p", List.of(Region.of("s", s, "water", conc))));
                    double trueMl = s.volumeMm3() * 1e-3;
                    double volErr = vp.regionVolumeMl(0) / trueMl - 1;
                    double actErr = vp.activity().sum() * g.voxelVolumeMl() / (conc * trueMl) - 1;
                    worstHere = Math.max(worstHere, Math.max(Math.abs(volErr), Math.abs(actErr)));
                }
                table.append(String.format("%.0f %.0f %.4f%n", v, d, worstHere));
                worst = Math.max(worst, worstHere);
            }
        }
        System.out.print(table);
        assertThat(worst).as(table.toString()).isLessThan(0.01);
    }

    @Test
    void plainFourCubedIsWithinOnePercentForLargeSpheresOffGrid() {
        // With 4^3 samples and generic (off-lattice-symmetry) centres the 22-37 mm spheres on 2-3 mm
        // grids have R/spacing >= 14; measured errors stay below 0.5%, asserted at 1%.
        Voxeliser vox = Voxeliser.of(4);
        for (double v : new double[] {2, 3}) {
            int nvox = (int) Math.ceil(48 / v) + 1;
            Grid3 g = Grid3.centredCubic(nvox, nvox, nvox, v);
            for (double d : new double[] {22, 28, 37}) {
                Ellipsoid s = Ellipsoid.sphere(0.37 * v, -0.21 * v, 0.13 * v, d);
                VoxelisedPhantom vp = vox.render(g, Phantom.of("p", List.of(Region.of("s", s, "water", 1))));
                assertThat(vp.regionVolumeMl(0) / (s.volumeMm3() * 1e-3) - 1).isBetween(-0.01, 0.01);
            }
        }
    }

    @Test
    void resultIsIdenticalForAnyThreadCount() {
        Grid3 g = Grid3.centredCubic(20, 20, 20, 3);
        Phantom p = Phantom.of("p", List.of(
                Region.of("a", Ellipsoid.of(1, 2, 3, 20, 14, 9), "water", 100),
                Region.of("b", Ellipsoid.sphere(5, 0, 0, 13), "pmma", 700)));
        VoxelisedPhantom one = Voxeliser.withBoundaryRefinement(4, 2, 1).render(g, p);
        VoxelisedPhantom three = Voxeliser.withBoundaryRefinement(4, 2, 3).render(g, p);
        assertThat(three.activity().data()).containsExactly(one.activity().data());
        assertThat(three.labels().labels()).containsExactly(one.labels().labels());
        assertThat(three.materials().labels()).containsExactly(one.materials().labels());
        assertThat(three.regionVolumeMl(1)).isEqualTo(one.regionVolumeMl(1));
    }

    private static double[][] centres(double v) {
        return new double[][] {{0, 0, 0}, {0.5 * v, 0.5 * v, 0.5 * v}, {0.37 * v, -0.21 * v, 0.13 * v},
            {1.1, 2.3, -0.7}};
    }
}
