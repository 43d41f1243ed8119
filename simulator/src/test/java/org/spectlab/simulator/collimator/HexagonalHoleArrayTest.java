package org.spectlab.simulator.collimator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.spectlab.core.camera.CollimatorLibrary;
import org.spectlab.core.camera.CollimatorSpec;
import org.spectlab.core.camera.HoleShape;
import org.spectlab.core.error.InputException;

class HexagonalHoleArrayTest {

    private static final HexagonalHoleArray LEHR = HexagonalHoleArray.of(CollimatorLibrary.get("siemens-lehr"));
    private static final HexagonalHoleArray TILTED = HexagonalHoleArray.of(3.0, 1.05, 58.0, 0.37);

    /** Vertices (x0, y0, x1, y1, ...) of a hole centred at (cx, cy), counter-clockwise. */
    private static double[] hexagon(HexagonalHoleArray h, double cx, double cy) {
        double r = h.holeMm() / Math.sqrt(3.0); // circumradius of a hexagon of flat-to-flat d
        double[] v = new double[12];
        for (int k = 0; k < 6; k++) {
            double a = h.orientationRad() + Math.PI / 6 + k * Math.PI / 3; // vertices between flat normals
            v[2 * k] = cx + r * Math.cos(a);
            v[2 * k + 1] = cy + r * Math.sin(a);
        }
        return v;
    }

    /** Independent reference: Sutherland-Hodgman clipping of polygon p by convex polygon c, then the shoelace area. */
    private static double clippedArea(double[] p, double[] c) {
        double[] out = p;
        int nc = c.length / 2;
        for (int e = 0; e < nc && out.length > 0; e++) {
            double ax = c[2 * e];
            double ay = c[2 * e + 1];
            double bx = c[2 * ((e + 1) % nc)];
            double by = c[2 * ((e + 1) % nc) + 1];
            double[] in = out;
            double[] next = new double[in.length * 2 + 4];
            int m = 0;
            int n = in.length / 2;
            for (int i = 0; i < n; i++) {
                double px = in[2 * i];
                double py = in[2 * i + 1];
                double qx = in[2 * ((i + 1) % n)];
                double qy = in[2 * ((i + 1) % n) + 1];
                double sp = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
                double sq = (bx - ax) * (qy - ay) - (by - ay) * (qx - ax);
                if (sp >= 0) {
                    next[m++] = px;
                    next[m++] = py;
                }
                if ((sp >= 0) != (sq >= 0)) {
                    double t = sp / (sp - sq);
                    next[m++] = px + t * (qx - px);
                    next[m++] = py + t * (qy - py);
                }
            }
            out = java.util.Arrays.copyOf(next, m);
        }
        double area = 0;
        int n = out.length / 2;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            area += out[2 * i] * out[2 * j + 1] - out[2 * j] * out[2 * i + 1];
        }
        return Math.abs(0.5 * area);
    }

    @Test
    void closedFormOverlapEqualsPolygonClipping() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        for (HexagonalHoleArray h : new HexagonalHoleArray[] {LEHR, TILTED}) {
            double[] hole = hexagon(h, 0, 0);
            assertThat(h.overlapAreaMm2(0, 0)).isCloseTo(h.holeAreaMm2(), org.assertj.core.data.Offset.offset(1e-12));
            assertThat(clippedArea(hole, hole)).isCloseTo(h.holeAreaMm2(), org.assertj.core.data.Offset.offset(1e-12));
            for (int i = 0; i < 2000; i++) {
                double r = 1.2 * h.holeMm() * rng.nextDouble();
                double a = 2 * Math.PI * rng.nextDouble();
                double sx = r * Math.cos(a);
                double sy = r * Math.sin(a);
                double ref = clippedArea(hexagon(h, sx, sy), hole);
                // both are exact; the tolerance is rounding error on areas of order d^2
                assertThat(h.overlapAreaMm2(sx, sy)).as("shift %f,%f", sx, sy)
                        .isCloseTo(ref, org.assertj.core.data.Offset.offset(1e-12 * h.holeMm() * h.holeMm()));
            }
        }
    }

    @Test
    void openFractionOfTheFaceIsTheAreaRatio() {
        // z-test of the point-in-hole test: the open fraction is (d/p)^2 exactly; |z| < 4 fails
        // with probability 6e-5 if the code is right.
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
        for (HexagonalHoleArray h : new HexagonalHoleArray[] {LEHR, TILTED}) {
            int n = 400_000;
            int in = 0;
            for (int i = 0; i < n; i++) {
                if (h.inHole(200 * (rng.nextDouble() - 0.5), 200 * (rng.nextDouble() - 0.5))) {
                    in++;
                }
            }
            double p = h.holeAreaMm2() / h.cellAreaMm2();
            double z = (in - n * p) / Math.sqrt(n * p * (1 - p));
            assertThat(Math.abs(z)).isLessThan(4.0);
        }
    }

    @Test
    void passFrequencyOfTheRayTestIsTheTransferFunction() {
        // For a fixed direction, a uniformly random entry point passes with probability
        // overlap/cell area (the definition of the transfer function): binomial z-test, |z| < 4.
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        for (HexagonalHoleArray h : new HexagonalHoleArray[] {LEHR, TILTED}) {
            GeometricResponse g = GeometricResponse.of(h, 0);
            double[] tans = {0.0, 0.2, 0.5, 0.8, 1.05};
            for (double f : tans) {
                double tan = f * h.maxAcceptanceTan();
                double phi = 0.3 + 2.0 * f;
                double dx = tan * Math.cos(phi);
                double dy = tan * Math.sin(phi);
                int n = 100_000;
                int pass = 0;
                for (int i = 0; i < n; i++) {
                    if (h.passesSameHole(50 * rng.nextDouble(), 50 * rng.nextDouble(), dx, dy, 1.0)) {
                        pass++;
                    }
                }
                double p = g.transfer(tan, phi);
                if (p == 0) {
                    assertThat(pass).isZero();
                } else {
                    double z = (pass - n * p) / Math.sqrt(n * p * (1 - p));
                    assertThat(Math.abs(z)).as("tan %f", tan).isLessThan(4.0);
                }
            }
        }
    }

    @Test
    void septalPathAtNormalIncidenceIsAllOrNothing() {
        assertThat(LEHR.septalPathLengthMm(0, 0, 0, 0, 1)).isZero();
        // halfway through the septum between the holes at (0,0) and (p,0)
        assertThat(LEHR.septalPathLengthMm(0.5 * LEHR.pitchMm(), 0, 0, 0, 1)).isEqualTo(LEHR.lengthMm());
    }

    @Test
    void septalPathMatchesFineSamplingAlongTheRay() {
        // Reference: the ray sampled at M midpoints, lead fraction = share of samples not in a hole.
        // Each hole/lead boundary crossing misplaces at most one sample: error <= crossings/M of the path.
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(9L);
        int m = 200_000;
        for (HexagonalHoleArray h : new HexagonalHoleArray[] {LEHR, TILTED}) {
            for (int r = 0; r < 40; r++) {
                double u = 10 * rng.nextDouble();
                double v = 10 * rng.nextDouble();
                double tan = 1.5 * rng.nextDouble();
                double phi = 2 * Math.PI * rng.nextDouble();
                double dx = tan * Math.cos(phi);
                double dy = tan * Math.sin(phi);
                double sx = h.lengthMm() * dx;
                double sy = h.lengthMm() * dy;
                int lead = 0;
                for (int i = 0; i < m; i++) {
                    double t = (i + 0.5) / m;
                    if (!h.inHole(u + t * sx, v + t * sy)) {
                        lead++;
                    }
                }
                double path = h.lengthMm() * Math.sqrt(1 + tan * tan);
                double crossings = 2 * (Math.hypot(sx, sy) / (0.5 * h.pitchMm()) + 2);
                double expected = path * lead / m;
                assertThat(h.septalPathLengthMm(u, v, dx, dy, 1.0))
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(path * crossings / m + 1e-12));
                // the limited walk stops early but never returns less than the limit when the full path exceeds it
                double full = h.septalPathLengthMm(u, v, dx, dy, 1.0);
                double limited = h.septalPathLengthMm(u, v, dx, dy, 1.0, 0.5 * full);
                assertThat(limited).isBetween(0.5 * full, full + 1e-12);
            }
        }
    }

    @Test
    void aRayPassesExactlyWhenItsLeadPathIsZero() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(13L);
        int passes = 0;
        for (int i = 0; i < 200_000; i++) {
            double tan = 1.2 * LEHR.maxAcceptanceTan() * rng.nextDouble();
            double phi = 2 * Math.PI * rng.nextDouble();
            double u = 20 * rng.nextDouble();
            double v = 20 * rng.nextDouble();
            boolean pass = LEHR.passesSameHole(u, v, tan * Math.cos(phi), tan * Math.sin(phi), 1.0);
            double lead = LEHR.septalPathLengthMm(u, v, tan * Math.cos(phi), tan * Math.sin(phi), 1.0);
            if (pass) {
                passes++;
                assertThat(lead).isLessThan(1e-9);
            } else {
                assertThat(lead).isGreaterThan(0.0);
            }
        }
        assertThat(passes).isGreaterThan(10_000);
    }

    @Test
    void rejectsNonHexagonalHolesAndBadSizes() {
        CollimatorSpec round = CollimatorSpec.of("r", HoleShape.ROUND, 1.5, 0.2, 30);
        assertThatThrownBy(() -> HexagonalHoleArray.of(round)).isInstanceOf(InputException.class)
                .hasMessageContaining("hole shape");
        assertThatThrownBy(() -> HexagonalHoleArray.of(1, -0.1, 20, 0)).isInstanceOf(InputException.class)
                .hasMessageContaining("septal thickness");
    }
}
