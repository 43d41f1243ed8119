package org.spectlab.recon;

import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.projection.ProjectionSet;

/** Analytic projections and voxelised objects for the recon tests. */
public final class TestPhantoms {
    private TestPhantoms() {
    }

    /**
     * Analytic noise-free projections of an infinitely long uniform cylinder on the axis of
     * rotation, radius {@code radiusMm}, emitting {@code countsPerMm3} counts per view per mm³ (in
     * air), attenuating with a uniform {@code muPerCm} inside the same radius. A ray at column offset
     * {@code u} has chord half-length {@code h = sqrt(a² - u²)} and collects
     * {@code ∫_{-h}^{h} e^{-μ(h - τ)} dτ = (1 - e^{-2μh})/μ} (mm) times the pixel area; the value is
     * averaged over the pixel width with 64 sub-samples. Same for every view and row.
     */
    public static ProjectionSet attenuatedCylinder(ProjectionSet empty, double radiusMm, double countsPerMm3,
                                                   double muPerCm) {
        int cols = empty.cols();
        double pix = empty.pixelSizeColMm();
        double muPerMm = muPerCm / 10.0;
        double[] profile = new double[cols];
        int sub = 64;
        for (int c = 0; c < cols; c++) {
            double sum = 0;
            for (int m = 0; m < sub; m++) {
                double u = (c - 0.5 * (cols - 1) + (m + 0.5) / sub - 0.5) * pix;
                if (Math.abs(u) < radiusMm) {
                    double h = Math.sqrt(radiusMm * radiusMm - u * u);
                    sum += muPerMm > 0 ? (1 - Math.exp(-2 * muPerMm * h)) / muPerMm : 2 * h;
                }
            }
            profile[c] = sum / sub * pix * pix * countsPerMm3;
        }
        float[] data = new float[empty.data().length];
        for (int v = 0; v < empty.views(); v++) {
            for (int r = 0; r < empty.rows(); r++) {
                for (int c = 0; c < cols; c++) {
                    data[empty.index(v, r, c)] = (float) profile[c];
                }
            }
        }
        return empty.withData(data);
    }

    /**
     * As {@link #attenuatedCylinder} for a cylinder whose axis is at {@code (x0Mm, y0Mm)}, attenuating
     * inside the same radius, for any orbit: in view {@code v} at angle θ the centre projects to the
     * column coordinate {@code u0 = x0 cos θ + y0 sin θ} (the column axis {@code (cos θ, sin θ)} of the
     * projection package's convention), and the profile of the on-axis case is shifted by {@code u0}.
     */
    public static ProjectionSet attenuatedCylinderAt(ProjectionSet empty, double x0Mm, double y0Mm, double radiusMm,
                                                     double countsPerMm3, double muPerCm) {
        int cols = empty.cols();
        double pix = empty.pixelSizeColMm();
        double muPerMm = muPerCm / 10.0;
        int sub = 64;
        float[] data = new float[empty.data().length];
        for (int v = 0; v < empty.views(); v++) {
            double a = empty.geometry().angleRad(v);
            double u0 = x0Mm * Math.cos(a) + y0Mm * Math.sin(a);
            for (int c = 0; c < cols; c++) {
                double sum = 0;
                for (int m = 0; m < sub; m++) {
                    double u = (c - 0.5 * (cols - 1) + (m + 0.5) / sub - 0.5) * pix - u0;
                    if (Math.abs(u) < radiusMm) {
                        double h = Math.sqrt(radiusMm * radiusMm - u * u);
                        sum += muPerMm > 0 ? (1 - Math.exp(-2 * muPerMm * h)) / muPerMm : 2 * h;
                    }
                }
                float value = (float) (sum / sub * pix * pix * countsPerMm3);
                for (int r = 0; r < empty.rows(); r++) {
                    data[empty.index(v, r, c)] = value;
                }
            }
        }
        return empty.withData(data);
    }

    /** Mean of the voxels within {@code radiusMm} of the line {@code (x0Mm, y0Mm)} along z (all slices). */
    public static double meanInCircleAt(Volume v, double x0Mm, double y0Mm, double radiusMm) {
        Grid3 g = v.grid();
        double s = 0;
        int n = 0;
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    if (Math.hypot(g.xMm(i) - x0Mm, g.yMm(j) - y0Mm) <= radiusMm) {
                        s += v.get(i, j, k);
                        n++;
                    }
                }
            }
        }
        return s / n;
    }

    /**
     * A cylinder along z (all slices) of radius {@code radiusMm} centred at (x0, y0) with value
     * {@code value}, voxelised with the area fraction of each voxel inside the circle (8x8 sub-samples).
     */
    public static Volume disc(Grid3 g, double x0Mm, double y0Mm, double radiusMm, double value, String unit) {
        Volume vol = Volume.zeros(g, unit);
        int sub = 8;
        for (int j = 0; j < g.ny(); j++) {
            for (int i = 0; i < g.nx(); i++) {
                int inside = 0;
                for (int a = 0; a < sub; a++) {
                    for (int b = 0; b < sub; b++) {
                        double x = g.xMm(i) + ((a + 0.5) / sub - 0.5) * g.voxelXMm() - x0Mm;
                        double y = g.yMm(j) + ((b + 0.5) / sub - 0.5) * g.voxelYMm() - y0Mm;
                        if (x * x + y * y < radiusMm * radiusMm) {
                            inside++;
                        }
                    }
                }
                float v = (float) (value * inside / (sub * sub));
                for (int k = 0; k < g.nz(); k++) {
                    vol.set(i, j, k, v);
                }
            }
        }
        return vol;
    }

    /** Mean of the voxels within {@code radiusMm} of the z axis (all slices, or slices k0..k1). */
    public static double meanInCircle(Volume v, double radiusMm, int k0, int k1) {
        Grid3 g = v.grid();
        double s = 0;
        int n = 0;
        for (int k = k0; k <= k1; k++) {
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
