package org.spectlab.phantoms.voxel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectlab.core.grid.Grid3;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.model.Region;
import org.spectlab.phantoms.shape.Ellipsoid;

/** The activity split by group in one voxelisation pass. */
class GroupActivityTest {
    /** A warm ellipsoid (group 0) with a hot sphere (group 1) and a cold-but-active sphere without a group. */
    private static final Phantom PHANTOM = Phantom.of("groups", List.of(
            Region.of("tank", Ellipsoid.of(0, 0, 0, 40, 30, 25), "water", 1000),
            Region.of("hot", Ellipsoid.sphere(10, 5, 0, 17), "water", 8000),
            Region.of("other", Ellipsoid.sphere(-15, -5, 3, 11), "water", 3000)), "air");
    private static final Grid3 GRID = Grid3.centredCubic(24, 20, 16, 4.0);
    private static final int[] GROUPS = {0, 1, -1};

    @Test
    void groupsAddUpToTheRenderedMapLessUngroupedRegions() {
        Voxeliser v = Voxeliser.withBoundaryRefinement(2, 2, 1);
        float[] map = v.render(GRID, PHANTOM).activity().data();
        float[][] byGroup = v.groupActivity(GRID, PHANTOM, GROUPS, 2);
        // the ungrouped region alone, to subtract: same sub-samples, so the parts add up to float rounding
        float[] other = v.groupActivity(GRID, PHANTOM, new int[] {-1, -1, 0}, 1)[0];
        int mixed = 0;
        for (int i = 0; i < map.length; i++) {
            double sum = byGroup[0][i] + byGroup[1][i] + other[i];
            // tolerance 1e-6 relative: float32 per part
            assertThat(sum).as("voxel " + i).isCloseTo(map[i], within(1e-6 * map[i] + 1e-9));
            if (byGroup[0][i] > 0 && byGroup[1][i] > 0) {
                mixed++;
            }
        }
        assertThat(mixed).as("voxels on the hot sphere's surface hold both groups").isGreaterThan(20);
        // the centre of the hot sphere is all hot
        int centre = GRID.index((int) Math.round(GRID.toVoxelX(10)), (int) Math.round(GRID.toVoxelY(5)),
                (int) Math.round(GRID.toVoxelZ(0)));
        assertThat(byGroup[1][centre]).isEqualTo(8000f);
        assertThat(byGroup[0][centre]).isZero();
    }

    @Test
    void theSplitDoesNotDependOnTheThreadCount() {
        float[][] one = Voxeliser.withBoundaryRefinement(2, 2, 1).groupActivity(GRID, PHANTOM, GROUPS, 2);
        float[][] three = Voxeliser.withBoundaryRefinement(2, 2, 3).groupActivity(GRID, PHANTOM, GROUPS, 2);
        assertThat(three[0]).isEqualTo(one[0]);
        assertThat(three[1]).isEqualTo(one[1]);
    }
}
