package org.spectlab.recon.localization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.LabelVolume;

/** Organ naming from a label map, and carrying labels to another grid. */
class RegionNamesTest {
    /** 20³ grid of 2 mm voxels: label 1 ("liver") for x < 0, label 2 ("spleen") for x ≥ 0 within |y| ≤ 8 mm. */
    static LabelVolume labels(Map<Integer, String> names) {
        Grid3 g = Grid3.centredCubic(20, 20, 20, 2.0);
        short[] l = new short[g.voxelCount()];
        for (int k = 0; k < 20; k++) {
            for (int j = 0; j < 20; j++) {
                for (int i = 0; i < 20; i++) {
                    if (Math.abs(g.yMm(j)) <= 8) {
                        l[g.index(i, j, k)] = (short) (g.xMm(i) < 0 ? 1 : 2);
                    }
                }
            }
        }
        return LabelVolume.of(g, l, names);
    }

    @Test
    void namesTheLabelAtTheNearestVoxel() {
        RegionNames n = RegionNames.of(labels(Map.of(1, "liver", 2, "spleen")), 3.0);
        assertThat(n.nameAt(-5, 0, 0)).isEqualTo("liver");
        assertThat(n.nameAt(5, 3, -7)).isEqualTo("spleen");
        // Voxel centres at ±1, ±3, ...: -0.9 mm is nearest the centre at -1 (liver), +0.9 at +1 (spleen).
        assertThat(n.nameAt(-0.9, 0, 0)).isEqualTo("liver");
        assertThat(n.nameAt(0.9, 0, 0)).isEqualTo("spleen");
    }

    @Test
    void unlabelledPointTakesTheNearestLabelWithinTheRadiusElseOutsideBody() {
        RegionNames n = RegionNames.of(labels(Map.of(1, "liver", 2, "spleen")), 3.0);
        // Labelled rows end at y = ±7 (centres); y = 10.5 is nearest the unlabelled row at 11, 3.5 mm from 7.
        assertThat(n.nameAt(-5, 9.5, 0)).isEqualTo("liver");
        assertThat(n.nameAt(-5, 10.5, 0)).isEqualTo(RegionNames.OUTSIDE_BODY);
        assertThat(n.nameAt(500, 0, 0)).isEqualTo(RegionNames.OUTSIDE_BODY);
        assertThat(RegionNames.of(null, 3.0).nameAt(0, 0, 0)).isEqualTo(RegionNames.UNKNOWN);
    }

    @Test
    void unnamedLabelsAndNamedZero() {
        RegionNames unnamed = RegionNames.of(labels(Map.of(1, "liver")), 0.0);
        assertThat(unnamed.nameAt(5, 0, 0)).isEqualTo("label 2");
        RegionNames zeroNamed = RegionNames.of(labels(Map.of(0, "air", 1, "liver", 2, "spleen")), 0.0);
        assertThat(zeroNamed.nameAt(-5, 15, 0)).isEqualTo("air");
    }

    @Test
    void resamplingByNearestNeighbourKeepsRegions() {
        LabelVolume fine = labels(Map.of(1, "liver", 2, "spleen"));
        Grid3 coarse = Grid3.centredCubic(10, 12, 10, 4.0);
        LabelVolume c = RegionNames.resample(fine, coarse);
        assertThat(c.names()).isEqualTo(fine.names());
        for (int k = 0; k < 10; k++) {
            for (int j = 0; j < 12; j++) {
                for (int i = 0; i < 10; i++) {
                    double x = coarse.xMm(i);
                    double y = coarse.yMm(j);
                    int expected = Math.abs(y) > 20 ? 0 : Math.abs(y) <= 8 ? (x < 0 ? 1 : 2) : 0;
                    assertThat(c.get(i, j, k)).as("voxel %d %d %d", i, j, k).isEqualTo(expected);
                }
            }
        }
        assertThat(RegionNames.resample(fine, fine.grid())).isSameAs(fine);
    }
}
