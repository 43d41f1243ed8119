package org.spectlab.phantoms.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.model.Region;
import org.spectlab.phantoms.voxel.Voxeliser;

/**
 * Analytic volumes checked against lattice counting: each (rotated, off-centre) solid is voxelised on
 * 1 mm voxels with 4^3 sub-samples and 2x boundary refinement (0.125 mm effective spacing at
 * surfaces). Solids here are >= 8 mm across; measured |errors| are <= 1e-4 and the tolerance is
 * 0.1%. A wrong formula (e.g. a missing factor, a radius for a diameter) is off by far more.
 */
class ShapeVolumeTest {
    private static final Rotation ODD = Rotation.ofEulerZyxDeg(23, -37, 71);

    private static double latticeVolumeMm3(Shape s) {
        Grid3 g = Grid3.centredCubic(64, 64, 64, 1.0);
        return Voxeliser.withBoundaryRefinement(4, 2, 2)
                .render(g, Phantom.of("t", List.of(Region.of("s", s, "water", 1)))).regionVolumeMl(0) * 1e3;
    }

    private static void check(Shape s) {
        double err = latticeVolumeMm3(s) / s.volumeMm3() - 1;
        assertThat(err).as(s.kind()).isBetween(-0.001, 0.001);
    }

    @Test
    void ellipsoidVolume() {
        check(Ellipsoid.of(1.3, -2.1, 0.7, 20, 12, 8, ODD));
    }

    @Test
    void ellipticCylinderVolume() {
        check(EllipticCylinder.of(0.4, 0.2, -1.1, 15, 9, 30, ODD));
    }

    @Test
    void boxVolume() {
        check(Box.of(0.5, 0.5, 0.5, 20, 11, 17, ODD));
    }

    @Test
    void frustumAndConeVolume() {
        check(Frustum.of(0.3, -0.2, 0.1, 14, 6, 25, ODD));
        check(Frustum.cone(0.3, -0.2, 0.1, 14, 25, ODD));
        assertThat(Frustum.cone(0, 0, 0, 3, 9, Rotation.identity()).volumeMm3())
                .isCloseTo(Math.PI * 9 * 9 / 3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void torusVolume() {
        check(Torus.of(0.2, 0.1, -0.3, 18, 6, ODD));
    }

    @Test
    void hollowShellsMatchOuterMinusCavity() {
        HollowShell sphereWall = HollowShell.of(Ellipsoid.sphere(0.2, 0.3, 0.1, 37), 1.0);
        assertThat(sphereWall.volumeMm3()).isCloseTo(4.0 / 3 * Math.PI * (18.5 * 18.5 * 18.5 - 17.5 * 17.5 * 17.5),
                org.assertj.core.data.Offset.offset(1e-6));
        // a thin wall: 1 mm against a 1 mm grid, counted at 0.125 mm spacing near the surfaces
        check(sphereWall);
        check(HollowShell.of(Frustum.cone(0, 0, 0, 15, 30, ODD), 2.0));
        check(HollowShell.of(EllipticCylinder.circular(0, 0, 0, 30, 40, ODD), 3.0));
        assertThat(sphereWall.contains(0.2, 0.3, 0.1)).isFalse();
        assertThat(sphereWall.contains(0.2 + 18.0, 0.3, 0.1)).isTrue();
    }

    @Test
    void coneWallIsMeasuredAlongTheSurfaceNormal() {
        // cone: base radius 15 at z = -15, apex at z = +15; lateral slope dr/dz = -0.5
        HollowShell wall = HollowShell.of(Frustum.cone(0, 0, 0, 15, 30, Rotation.identity()), 2.0);
        double nx = 1 / Math.sqrt(1.25);
        double nz = 0.5 / Math.sqrt(1.25);
        // surface point at z = 0 is (7.5, 0, 0); step inwards along the normal
        assertThat(wall.contains(7.5 - 1.9 * nx, 0, -1.9 * nz)).isTrue();
        assertThat(wall.contains(7.5 - 2.1 * nx, 0, -2.1 * nz)).isFalse();
        // flat base: wall of 2 mm along z
        assertThat(wall.contains(0, 0, -13.1)).isTrue();
        assertThat(wall.contains(0, 0, -12.9)).isFalse();
    }

    @Test
    void boundsEncloseTheSolidAndEllipsoidBoundsAreTight() {
        Ellipsoid e = Ellipsoid.of(5, -3, 2, 20, 10, 5, Rotation.ofEulerZyxDeg(90, 0, 0));
        Aabb b = e.bounds();
        // rotated 90 deg about z: the 20 mm semi-axis lies along y
        assertThat(b.maxYMm() - b.minYMm()).isCloseTo(40, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(b.maxXMm() - b.minXMm()).isCloseTo(20, org.assertj.core.data.Offset.offset(1e-9));
        Shape[] shapes = {Ellipsoid.of(0, 0, 0, 20, 12, 8, ODD), Box.of(0, 0, 0, 20, 11, 17, ODD),
            Torus.of(0, 0, 0, 18, 6, ODD), Frustum.of(0, 0, 0, 14, 6, 25, ODD),
            EllipticCylinder.of(0, 0, 0, 15, 9, 30, ODD)};
        for (Shape s : shapes) {
            Aabb bb = s.bounds();
            for (double x = -40; x <= 40; x += 0.7) {
                for (double y = -40; y <= 40; y += 0.7) {
                    for (double z = -40; z <= 40; z += 0.7) {
                        if (s.contains(x, y, z)) {
                            assertThat(bb.contains(x, y, z)).as(s.kind()).isTrue();
                        }
                    }
                }
            }
        }
    }

    @Test
    void cylinderAxisFollowsRotation() {
        EllipticCylinder alongX = EllipticCylinder.circular(0, 0, 0, 10, 100, Rotation.localZToX());
        assertThat(alongX.contains(45, 0, 0)).isTrue();
        assertThat(alongX.contains(0, 0, 45)).isFalse();
        EllipticCylinder alongY = EllipticCylinder.circular(0, 0, 0, 10, 100, Rotation.localZToY());
        assertThat(alongY.contains(0, 45, 0)).isTrue();
    }

    @Test
    void badDimensionsNameTheField() {
        assertThatThrownBy(() -> Ellipsoid.sphere(0, 0, 0, -3)).isInstanceOf(InputException.class)
                .hasMessageContaining("diameter");
        assertThatThrownBy(() -> Torus.of(0, 0, 0, 5, 6, Rotation.identity())).isInstanceOf(InputException.class)
                .hasMessageContaining("minor radius");
        assertThatThrownBy(() -> HollowShell.of(Ellipsoid.sphere(0, 0, 0, 2), 1.5))
                .isInstanceOf(InputException.class).hasMessageContaining("wall");
    }
}
