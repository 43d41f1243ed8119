package org.spectlab.phantoms.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectlab.core.grid.Grid3;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.voxel.VoxelisedPhantom;
import org.spectlab.phantoms.voxel.Voxeliser;

class JaszczakAndSourcesTest {

    @Test
    void rodsRespectPitchSectorAndFieldAndDoNotOverlap() {
        for (int s = 0; s < 6; s++) {
            double d = JaszczakDeluxePhantom.ROD_DIAMETERS_MM[s];
            List<double[]> c = JaszczakDeluxePhantom.rodCentres(s);
            // layout with r <= 95 mm gives 49, 24, 15, 10, 6, 4 rods from the smallest to the largest
            assertThat(c.size()).as("sector " + s).isGreaterThanOrEqualTo(4);
            if (s > 0) {
                assertThat(c.size()).isLessThan(JaszczakDeluxePhantom.rodCentres(s - 1).size());
            }
            double minGap = Double.MAX_VALUE;
            for (int a = 0; a < c.size(); a++) {
                double ang = Math.toDegrees(Math.atan2(c.get(a)[1], c.get(a)[0]));
                ang = (ang + 360) % 360;
                assertThat(ang).isBetween(60.0 * s, 60.0 * (s + 1));
                assertThat(Math.hypot(c.get(a)[0], c.get(a)[1]) + d / 2).isLessThanOrEqualTo(95 + 1e-9);
                for (int b = a + 1; b < c.size(); b++) {
                    minGap = Math.min(minGap, Math.hypot(c.get(a)[0] - c.get(b)[0], c.get(a)[1] - c.get(b)[1]));
                }
            }
            assertThat(minGap).isCloseTo(2 * d, offset(1e-9));
        }
    }

    @Test
    void coldRodsAndSpheresRemoveTheirAnalyticVolumeFromTheWater() {
        Phantom p = JaszczakDeluxePhantom.build(1000);
        double cold = 0;
        for (int i = 0; i < p.regions().size(); i++) {
            String id = p.regions().get(i).id();
            if (!id.equals("water") && !id.equals("wall")) {
                cold += p.regions().get(i).shape().volumeMm3();
            }
        }
        double water = Math.PI * 108 * 108 * 186;
        Grid3 g = Grid3.centredCubic(56, 56, 48, 4.0);
        VoxelisedPhantom vp = Voxeliser.withBoundaryRefinement(2, 4, 2).render(g, p);
        // rods (>= 4.8 mm) sampled at 0.5 mm near their surfaces: total error well below 0.5% of the water
        assertThat(vp.regionVolumeMl("water") / ((water - cold) * 1e-3) - 1).isBetween(-0.005, 0.005);
        assertThat(vp.totalActivityBq()).isCloseTo((water - cold) * 1e-3 * 1000, offset(0.005 * water));
    }

    /** PMMA tank wall of the documented 6.4 mm around 216 x 186 mm water; probes 0.5 mm from each surface. */
    @Test
    void jaszczakTankHasPmmaWallsOfTheDocumentedThickness() {
        Phantom p = JaszczakDeluxePhantom.build(1000);
        double r = 108;
        double w = JaszczakDeluxePhantom.DEFAULT_WALL_MM;
        assertThat(w).isEqualTo(6.4);
        assertThat(materialAt(p, -r + 0.5, 0, 0)).isEqualTo("water");
        assertThat(materialAt(p, -r - 0.5, 0, 0)).isEqualTo("pmma");
        assertThat(materialAt(p, -r - w + 0.5, 0, 0)).isEqualTo("pmma");
        assertThat(materialAt(p, -r - w - 0.5, 0, 0)).isEqualTo("air");
        assertThat(materialAt(p, 0, -90, 93 + w - 0.5)).isEqualTo("pmma");   // lid
        assertThat(materialAt(p, 0, -90, 93 + w + 0.5)).isEqualTo("air");
        assertThat(materialAt(p, 0, -90, -93 - 0.5)).isEqualTo("pmma");      // floor
        assertThat(JaszczakDeluxePhantom.build(1000, 0).regions().get(0).id()).isEqualTo("water");
    }

    /** The named 20 and 22 cm cylinders: inside diameters and the optional PMMA wall. */
    @Test
    void namedUniformCylindersHaveTheirDiameters() {
        Phantom c20 = SimpleSources.namedCylinder(SimpleSources.CYLINDER_20CM_DIAMETER_MM, 200, 3, 5000);
        assertThat(c20.name()).isEqualTo("uniform_cylinder_20cm");
        assertThat(materialAt(c20, 99.5, 0, 0)).isEqualTo("water");
        assertThat(materialAt(c20, 100.5, 0, 0)).isEqualTo("pmma");
        assertThat(materialAt(c20, 103.5, 0, 0)).isEqualTo("air");
        Phantom c22 = SimpleSources.namedCylinder(SimpleSources.CYLINDER_22CM_DIAMETER_MM, 200, 0, 5000);
        assertThat(c22.name()).isEqualTo("uniform_cylinder_22cm");
        assertThat(materialAt(c22, 0, 109.5, 0)).isEqualTo("water");
        assertThat(materialAt(c22, 0, 110.5, 0)).isEqualTo("air");
        assertThat(c22.region("cylinder").analyticActivityBq()).isCloseTo(Math.PI * 110 * 110 * 200 * 1e-3 * 5000,
                offset(1e-3));
    }

    private static String materialAt(Phantom p, double x, double y, double z) {
        int i = p.regionIndexAt(x, y, z);
        return i < 0 ? p.backgroundMaterial() : p.regions().get(i).material();
    }

    @Test
    void pointAndLineSourcesCarryTheirActivity() {
        Phantom point = SimpleSources.pointSource(10, -5, 3, 1.0, 37, 200);
        assertThat(point.region("point_source").analyticActivityBq()).isCloseTo(37e6, offset(1e-3));
        Phantom line = SimpleSources.lineSource(0.37, 20.21, 150, 50, 0);
        assertThat(line.regions()).hasSize(1);
        assertThat(line.region("line_source").analyticActivityBq()).isCloseTo(50e6, offset(1e-3));
        // voxelised 1 mm capillary on 2 mm voxels, 32^3 sampling in boundary voxels (0.0625 mm): the
        // 0.5 mm radius circle is counted with ~200 lattice columns, error ~1/perimeter-in-samples;
        // 2% tolerance. (Centred on a lattice symmetry point the same setting gives 3.5%.)
        Grid3 g = Grid3.of(20, 40, 80, 2, 2, 2, -19, -19, -79);
        VoxelisedPhantom vp = Voxeliser.withBoundaryRefinement(4, 8, 2).render(g, line);
        assertThat(vp.totalActivityBq() / 50e6 - 1).isBetween(-0.02, 0.02);
        Phantom cyl = SimpleSources.uniformCylinder(200, 200, 1000);
        assertThat(cyl.region("cylinder").shape().volumeMm3()).isCloseTo(Math.PI * 1e4 * 200, offset(1e-6));
    }
}
