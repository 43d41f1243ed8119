package org.spectlab.phantoms.shape;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Rotations place solids where they are meant: a point known to be inside after the rotation is
 * inside, and one that would be inside without it (or lies off the rotated solid) is outside. Each
 * probe is at least 5 mm from the surface, so the result does not hinge on rounding.
 */
class ShapeOrientationTest {

    @Test
    void rotatedBoxFollowsItsLongAxis() {
        // 100 x 10 x 10 mm box, long axis turned 30 degrees from x towards y
        Box b = Box.of(5, -3, 2, 100, 10, 10, Rotation.ofEulerZyxDeg(30, 0, 0));
        double c = Math.cos(Math.toRadians(30));
        double s = Math.sin(Math.toRadians(30));
        assertThat(b.contains(5 + 40 * c, -3 + 40 * s, 2)).isTrue();
        assertThat(b.contains(5 - 40 * c, -3 - 40 * s, 2)).isTrue();
        // along patient x, where the unrotated box would be: 20 mm off the rotated axis
        assertThat(b.contains(5 + 40, -3, 2)).isFalse();
        assertThat(Box.of(5, -3, 2, 100, 10, 10).contains(5 + 40, -3, 2)).isTrue();
    }

    @Test
    void rotatedFrustumHasItsWideEndWhereTheRotationPutsIt() {
        // radius 20 mm at local z = -30, 5 mm at +30; local z turned onto patient +x
        Frustum f = Frustum.of(10, 0, 0, 20, 5, 60, Rotation.localZToX());
        assertThat(f.contains(10 - 25, 15, 0)).isTrue();   // near the wide end: radius 18.75 there
        assertThat(f.contains(10 + 25, 15, 0)).isFalse();  // near the narrow end: radius 6.25 there
        assertThat(f.contains(10 + 25, 0, 0)).isTrue();
        // along patient z, where the unrotated frustum's axis would be
        assertThat(f.contains(10, 0, -25)).isFalse();
        assertThat(Frustum.of(10, 0, 0, 20, 5, 60, Rotation.identity()).contains(10, 0, -25)).isTrue();
    }

    @Test
    void rotatedTorusLiesInThePlaneNormalToItsRotatedAxis() {
        // major radius 40 mm, tube radius 8 mm, axis turned onto patient y: the ring lies in the x-z plane
        Torus t = Torus.of(0, 0, 0, 40, 8, Rotation.localZToY());
        assertThat(t.contains(0, 0, 40)).isTrue();
        assertThat(t.contains(-40, 3, 0)).isTrue();
        assertThat(t.contains(0, 40, 0)).isFalse();
        assertThat(t.contains(0, 0, 0)).isFalse();
        assertThat(Torus.of(0, 0, 0, 40, 8, Rotation.identity()).contains(0, 40, 0)).isTrue();
        assertThat(Torus.of(0, 0, 0, 40, 8, Rotation.identity()).contains(0, 0, 40)).isFalse();
    }
}
