package org.spectlab.simulator.ct;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The incremental ray walk against an exact reference: for every voxel, the chord of the line through
 * the voxel's rectangle (slab clipping), summed per material. Both are exact; they differ by rounding only,
 * so the tolerance is 1e-9 cm (the lengths are a few cm; double rounding of ~100 boundary parameters of
 * ~100 mm gives ~1e-13 mm).
 */
class SliceRayTracerTest {
    private static final int NX = 23;
    private static final int NY = 19;
    private static final int NZ = 2;
    private static final double DX = 2.0;
    private static final double DY = 1.5;
    /** Voxel centre of column / row 0, mm: an off-centre grid so that the z axis is not its centre. */
    private static final double OX = -20.0;
    private static final double OY = -15.75;
    private static final int MATERIALS = 4;
    private static final double TOLERANCE_CM = 1e-9;

    private static short[] randomMap(SplittableRandom rng) {
        short[] map = new short[NX * NY * NZ];
        for (int v = 0; v < map.length; v++) {
            map[v] = (short) rng.nextInt(MATERIALS);
        }
        return map;
    }

    /** Exact lengths (cm) per material of the line p + t c through slice k, voxel by voxel. */
    private static double[] reference(short[] map, int k, double px, double py, double cx, double cy) {
        double[] len = new double[MATERIALS];
        for (int j = 0; j < NY; j++) {
            for (int i = 0; i < NX; i++) {
                double xa = OX - 0.5 * DX + i * DX;
                double ya = OY - 0.5 * DY + j * DY;
                double[] range = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
                if (!clip(range, px, cx, xa, xa + DX) || !clip(range, py, cy, ya, ya + DY)) {
                    continue;
                }
                if (range[1] > range[0]) {
                    len[map[i + NX * (j + NY * k)]] += 0.1 * (range[1] - range[0]);
                }
            }
        }
        return len;
    }

    /** Intersects the parameter range with the slab lo <= p + t c <= hi; false if empty. */
    private static boolean clip(double[] range, double p, double c, double lo, double hi) {
        if (c == 0) {
            return p > lo && p < hi;
        }
        double t1 = (lo - p) / c;
        double t2 = (hi - p) / c;
        range[0] = Math.max(range[0], Math.min(t1, t2));
        range[1] = Math.min(range[1], Math.max(t1, t2));
        return range[1] > range[0];
    }

    private static double[] lengths(SliceRayTracer t) {
        double[] len = new double[MATERIALS];
        for (int q = 0; q < t.nPresent; q++) {
            len[t.present[q]] += t.lengthCm[t.present[q]];
        }
        return len;
    }

    /** Random lines, plus axis-parallel ones and diagonals through voxel corners. */
    private static double[][] rays(SplittableRandom rng, int n) {
        double[][] rays = new double[n][];
        for (int r = 0; r < n; r++) {
            double angle;
            double px;
            double py;
            switch (r % 4) {
                case 0 -> {
                    // Along a row or column (not on a voxel edge: a line along an edge belongs to neither
                    // voxel or to both, and the walk's choice is as good as any).
                    angle = 0.5 * Math.PI * rng.nextInt(4);
                    px = OX - 0.5 * DX + DX * (rng.nextInt(NX) + 0.05 + 0.9 * rng.nextDouble());
                    py = OY - 0.5 * DY + DY * (rng.nextInt(NY) + 0.05 + 0.9 * rng.nextDouble());
                }
                case 1 -> {
                    // Through voxel corners along the diagonal of a voxel.
                    angle = Math.atan2(DY, DX) + 0.5 * Math.PI * rng.nextInt(4);
                    px = OX - 0.5 * DX + DX * rng.nextInt(NX + 1);
                    py = OY - 0.5 * DY + DY * rng.nextInt(NY + 1);
                }
                default -> {
                    angle = 2 * Math.PI * rng.nextDouble();
                    px = OX + (rng.nextDouble() - 0.3) * NX * DX;
                    py = OY + (rng.nextDouble() - 0.3) * NY * DY;
                }
            }
            rays[r] = new double[] {px, py, Math.cos(angle), Math.sin(angle)};
        }
        return rays;
    }

    @Test
    void walkMatchesVoxelByVoxelChords() {
        SplittableRandom rng = new SplittableRandom(11);
        short[] map = randomMap(rng);
        SliceRayTracer t = new SliceRayTracer(NX, NY, DX, DY, OX, OY, map, MATERIALS);
        int traversing = 0;
        for (double[] ray : rays(rng, 4000)) {
            t.clear();
            t.trace(1, ray[0], ray[1], ray[2], ray[3], 1.0);
            double[] expected = reference(map, 1, ray[0], ray[1], ray[2], ray[3]);
            double[] got = lengths(t);
            for (int m = 0; m < MATERIALS; m++) {
                assertThat(got[m]).as("material %d, ray %s", m, java.util.Arrays.toString(ray))
                        .isCloseTo(expected[m], org.assertj.core.data.Offset.offset(TOLERANCE_CM));
                // Listed in `present` exactly when the length is positive (no zero-length entries).
                assertThat(t.lengthCm[m] > 0).isEqualTo(got[m] > 0);
            }
            if (expected[0] + expected[1] + expected[2] + expected[3] > 0) {
                traversing++;
            }
        }
        // Most rays must actually cross the slice, or the comparison proves little.
        assertThat(traversing).isGreaterThan(2000);
    }

    @Test
    void uniformSliceGivesTheAnalyticChordOfTheRectangle() {
        // One material everywhere: the length is the chord of the grid's rectangle, in closed form for a
        // line through its centre at angle a: min(W / |cos a|, H / |sin a|).
        short[] map = new short[NX * NY * NZ];
        java.util.Arrays.fill(map, (short) 2);
        SliceRayTracer t = new SliceRayTracer(NX, NY, DX, DY, OX, OY, map, MATERIALS);
        double cxMm = OX - 0.5 * DX + 0.5 * NX * DX;
        double cyMm = OY - 0.5 * DY + 0.5 * NY * DY;
        for (int a = 0; a < 360; a += 7) {
            double angle = Math.toRadians(a + 0.3);
            double c = Math.cos(angle);
            double s = Math.sin(angle);
            t.clear();
            t.trace(0, cxMm, cyMm, c, s, 1.0);
            double chordMm = Math.min(NX * DX / Math.abs(c), NY * DY / Math.abs(s));
            assertThat(t.lengthCm[2]).isCloseTo(0.1 * chordMm, org.assertj.core.data.Offset.offset(TOLERANCE_CM));
            assertThat(t.nPresent).isEqualTo(1);
        }
    }

    @Test
    void cylinderWalkGivesTheFullWalksLengths() {
        // Random materials inside a circle of radius 12 mm about the z axis, air (0) on every voxel that
        // reaches beyond it: walking only inside the circle and adding the rest as air must give the full
        // walk's lengths (to rounding).
        SplittableRandom rng = new SplittableRandom(5);
        short[] map = randomMap(rng);
        double rMm = 12;
        for (int k = 0; k < NZ; k++) {
            for (int j = 0; j < NY; j++) {
                for (int i = 0; i < NX; i++) {
                    double fx = Math.max(Math.abs(OX + (i - 0.5) * DX), Math.abs(OX + (i + 0.5) * DX));
                    double fy = Math.max(Math.abs(OY + (j - 0.5) * DY), Math.abs(OY + (j + 0.5) * DY));
                    if (Math.hypot(fx, fy) > rMm) {
                        map[i + NX * (j + NY * k)] = 0;
                    } else if (map[i + NX * (j + NY * k)] == 0) {
                        map[i + NX * (j + NY * k)] = 1;
                    }
                }
            }
        }
        SliceRayTracer full = new SliceRayTracer(NX, NY, DX, DY, OX, OY, map, MATERIALS);
        SliceRayTracer clipped = new SliceRayTracer(NX, NY, DX, DY, OX, OY, map, MATERIALS);
        assertThat(clipped.outsideMaterial(1, rMm)).isEqualTo(0);
        int throughCircle = 0;
        for (double[] ray : rays(rng, 4000)) {
            double dist = Math.abs(ray[0] * ray[3] - ray[1] * ray[2]);
            if (dist >= rMm) {
                continue; // CtSimulator does not trace these (air only)
            }
            throughCircle++;
            full.clear();
            full.trace(1, ray[0], ray[1], ray[2], ray[3], 1.0);
            clipped.clear();
            clipped.traceInCylinder(1, ray[0], ray[1], ray[2], ray[3], rMm, 0);
            double[] a = lengths(full);
            double[] b = lengths(clipped);
            for (int m = 0; m < MATERIALS; m++) {
                assertThat(b[m]).as("material %d, ray %s", m, java.util.Arrays.toString(ray))
                        .isCloseTo(a[m], org.assertj.core.data.Offset.offset(TOLERANCE_CM));
            }
        }
        assertThat(throughCircle).isGreaterThan(1000);
        // A non-air voxel reaching outside the circle forbids the shortcut; a circle holding the whole
        // grid leaves nothing outside.
        map[NX * NY] = 3;
        assertThat(clipped.outsideMaterial(1, rMm)).isEqualTo(SliceRayTracer.OUTSIDE_MIXED);
        assertThat(clipped.outsideMaterial(0, rMm)).isEqualTo(0);
        assertThat(clipped.outsideMaterial(1, 100)).isEqualTo(SliceRayTracer.OUTSIDE_NONE);
    }
}
