package org.spectlab.core.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;

class Grid3Test {

    @Test
    void centredGridHasItsGeometricCentreAtTheOrigin() {
        Grid3 g = Grid3.centredCubic(128, 128, 64, 4.42);
        double centreX = 0.5 * (g.xMm(0) + g.xMm(g.nx() - 1));
        double centreZ = 0.5 * (g.zMm(0) + g.zMm(g.nz() - 1));
        assertThat(centreX).isCloseTo(0.0, within(1e-9));
        assertThat(centreZ).isCloseTo(0.0, within(1e-9));
        assertThat(g.extentXMm()).isCloseTo(128 * 4.42, within(1e-9));
    }

    @Test
    void voxelCoordinatesInvertPositions() {
        Grid3 g = Grid3.of(10, 20, 30, 2, 3, 4, -5, 7, 11);
        assertThat(g.toVoxelX(g.xMm(3))).isCloseTo(3, within(1e-12));
        assertThat(g.toVoxelY(g.yMm(17))).isCloseTo(17, within(1e-12));
        assertThat(g.toVoxelZ(g.zMm(29))).isCloseTo(29, within(1e-12));
        assertThat(g.index(1, 2, 3)).isEqualTo(1 + 10 * (2 + 20 * 3));
        assertThat(g.voxelVolumeMl()).isCloseTo(0.024, within(1e-15));
    }

    @Test
    void absurdSizesAreRefusedBeforeAllocation() {
        assertThatThrownBy(() -> Grid3.centredCubic(100_000, 100_000, 100_000, 1))
                .isInstanceOf(InputException.class).hasMessageContaining("grid size");
        assertThatThrownBy(() -> Grid3.centredCubic(0, 10, 10, 1))
                .isInstanceOf(InputException.class).hasMessageContaining("nx");
        assertThatThrownBy(() -> Grid3.centredCubic(10, 10, 10, -1))
                .isInstanceOf(InputException.class).hasMessageContaining("voxel size");
    }

    @Test
    void volumeSumsAndCopies() {
        Grid3 g = Grid3.centredCubic(4, 4, 4, 1);
        Volume v = Volume.zeros(g, "Bq/mL");
        v.set(1, 2, 3, 5f);
        v.set(0, 0, 0, 2f);
        Volume c = v.copy();
        v.set(0, 0, 0, 0f);
        assertThat(c.sum()).isEqualTo(7.0);
        assertThat(v.sum()).isEqualTo(5.0);
        assertThat(c.max()).isEqualTo(5f);
        assertThat(c.get(1, 2, 3)).isEqualTo(5f);
    }
}
