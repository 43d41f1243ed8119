package org.spectlab.validation.reconstruction;

import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.projection.ProjectionSet;

/**
 * Analytic test objects for reconstruction cases: projections computed from closed-form line integrals
 * (not with the projector under test, so the cases avoid the "inverse crime"), and matching voxelised
 * maps.
 */
public final class AnalyticPhantoms {
    private static final int SUB_SAMPLES = 64;

    private AnalyticPhantoms() {
    }

    /**
     * Noise-free parallel-beam projections of an infinitely long uniform cylinder of radius {@code a}
     * (mm) on the axis of rotation, emitting {@code countsPerMm3} counts per view per mm^3 in air and
     * attenuating with uniform {@code muPerCm} inside the same radius. For a ray at column offset u the
     * chord is 2h with h = sqrt(a^2 - u^2); emission at depth s from the far edge is attenuated by
     * exp(-mu (2h - s)), so the ray collects (1 - exp(-2 mu h)) / mu per unit emission density (2h when
     * mu = 0). Each pixel is the average over {@value #SUB_SAMPLES} positions across its width, times
     * the pixel area. Identical for every view and row.
     *
     * @param empty projections giving the orbit, matrix and pixel size (values ignored)
     */
    public static ProjectionSet uniformCylinder(ProjectionSet empty, double radiusMm, double countsPerMm3,
                                                double muPerCm) {
        int cols = empty.cols();
        double pix = empty.pixelSizeColMm();
        double muPerMm = muPerCm / 10.0;
        double[] profile = new double[cols];
        for (int c = 0; c < cols; c++) {
            double acc = 0;
            for (int m = 0; m < SUB_SAMPLES; m++) {
                double u = (c - 0.5 * (cols - 1) - 0.5 + (m + 0.5) / SUB_SAMPLES) * pix;
                double h2 = radiusMm * radiusMm - u * u;
                if (h2 > 0) {
                    double chord = 2 * Math.sqrt(h2);
                    acc += muPerMm > 0 ? -Math.expm1(-muPerMm * chord) / muPerMm : chord;
                }
            }
            profile[c] = acc / SUB_SAMPLES * pix * pix * countsPerMm3;
        }
        float[] data = new float[empty.data().length];
        int viewSize = empty.rows() * cols;
        for (int n = 0; n < data.length; n++) {
            data[n] = (float) profile[(n % viewSize) % cols];
        }
        return empty.withData(data);
    }

    /**
     * A cylinder along z of radius {@code radiusMm} about the z axis with {@code value} inside, each
     * voxel weighted by its area fraction inside the circle (8 x 8 sub-samples).
     */
    public static Volume disc(Grid3 g, double radiusMm, double value, String unit) {
        float[] data = new float[g.voxelCount()];
        int sub = 8;
        double r2 = radiusMm * radiusMm;
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                int inside = 0;
                for (int a = 0; a < sub; a++) {
                    double x = g.xMm(i) + ((a + 0.5) / sub - 0.5) * g.voxelXMm();
                    for (int b = 0; b < sub; b++) {
                        double y = g.yMm(j) + ((b + 0.5) / sub - 0.5) * g.voxelYMm();
                        if (x * x + y * y < r2) {
                            inside++;
                        }
                    }
                }
                float v = (float) (value * inside / (sub * sub));
                for (int k = 0; k < g.nz(); k++) {
                    data[g.index(i, j, k)] = v;
                }
            }
        }
        return Volume.of(g, data, unit);
    }

    /** Mean of the voxels whose centre lies within {@code radiusMm} of the z axis, over all slices. */
    public static double meanInCircle(Volume v, double radiusMm) {
        Grid3 g = v.grid();
        double s = 0;
        long n = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    double x = g.xMm(i);
                    double y = g.yMm(j);
                    if (x * x + y * y <= radiusMm * radiusMm) {
                        s += v.get(i, j, k);
                        n++;
                    }
                }
            }
        }
        return s / n;
    }
}
