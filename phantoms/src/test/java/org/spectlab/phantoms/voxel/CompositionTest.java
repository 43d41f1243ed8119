package org.spectlab.phantoms.voxel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectlab.core.grid.Grid3;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.model.Region;
import org.spectlab.phantoms.shape.Box;

/**
 * Priority composition and the majority rules, on boxes whose faces fall on sub-sample boundaries so
 * that every fraction is exact (4 sub-samples per axis: fractions are multiples of 1/4 per axis).
 */
class CompositionTest {
    // 4 x 1 x 1 voxels of 4 mm centred at x = -6, -2, 2, 6
    private static final Grid3 ROW = Grid3.centred(4, 1, 1, 4, 4, 4);

    @Test
    void laterRegionOverridesEarlierPerSubSample() {
        // "low" covers x in [-8, 8]; "high" covers x in [-2, 8], i.e. half of voxel 1 and voxels 2, 3
        Phantom p = Phantom.of("p", List.of(
                Region.of("low", Box.of(0, 0, 0, 16, 4, 4), "water", 100),
                Region.of("high", Box.of(3, 0, 0, 10, 4, 4), "pmma", 1000)));
        VoxelisedPhantom vp = Voxeliser.of(4).render(ROW, p);
        float[] a = vp.activity().data();
        assertThat(a[0]).isEqualTo(100f);
        assertThat(a[1]).isEqualTo(550f); // half low, half high
        assertThat(a[2]).isEqualTo(1000f);
        assertThat(vp.regionVolumeMl("low")).isEqualTo(1.5 * 0.064, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(vp.regionVolumeMl("high")).isEqualTo(2.5 * 0.064, org.assertj.core.data.Offset.offset(1e-12));
        float[] f = Voxeliser.of(4).fractions(ROW, p, 0);
        assertThat(f).containsExactly(1f, 0.5f, 0f, 0f);
        // materials: 0 = air (background), 1 = water, 2 = pmma; the 50/50 tie goes to the later material
        assertThat(vp.materials().labels()).containsExactly((short) 1, (short) 2, (short) 2, (short) 2);
        assertThat(vp.materialNames()).containsExactly("air", "water", "pmma");
        assertThat(vp.labels().nameOf(vp.labels().get(0, 0, 0))).isEqualTo("low");
    }

    @Test
    void majorityMaterialWinsAndBackgroundIsAir() {
        // "a" covers 3/4 of voxel 0 (x in [-8, -5]), "b" the last quarter of voxel 0 and nothing else
        Phantom p = Phantom.of("p", List.of(
                Region.of("a", Box.of(-6.5, 0, 0, 3, 4, 4), "water", 10),
                Region.of("b", Box.of(-4.5, 0, 0, 1, 4, 4), "lung", 0)));
        VoxelisedPhantom vp = Voxeliser.of(4).render(ROW, p);
        assertThat(vp.materials().labels()[0]).isEqualTo((short) 1);
        assertThat(vp.materials().labels()[3]).isEqualTo((short) 0);
        assertThat(vp.activity().data()[0]).isEqualTo(7.5f);
    }
}
