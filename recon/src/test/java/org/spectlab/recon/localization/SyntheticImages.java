package org.spectlab.recon.localization;

import org.apache.commons.rng.UniformRandomProvider;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.recon.filter.GaussianPostFilter;

/**
 * Test images: a uniform cylindrical "body" (axis along z, longer than the field of view, zero
 * outside), hot spheres and ellipsoids rendered with 5³ sub-samples per voxel (partial volume), blurred
 * by the system Gaussian and given Poisson noise.
 */
final class SyntheticImages {
    private static final int SUB = 5;

    private SyntheticImages() {
    }

    /** A body cylinder of radius {@code radiusMm} at {@code value}, zero outside. */
    static Volume body(Grid3 g, double radiusMm, double value) {
        Volume v = Volume.zeros(g, "Bq/mL");
        addEllipsoid(v, 0, 0, 0, radiusMm, radiusMm, 1e9, value);
        return v;
    }

    /** Adds {@code value} over a sphere. */
    static void addSphere(Volume v, double xMm, double yMm, double zMm, double diameterMm, double value) {
        double r = 0.5 * diameterMm;
        addEllipsoid(v, xMm, yMm, zMm, r, r, r, value);
    }

    /** Adds {@code value} over an axis-aligned ellipsoid (sub-sampled partial volume). */
    static void addEllipsoid(Volume v, double xMm, double yMm, double zMm, double ax, double ay, double az,
                             double value) {
        Grid3 g = v.grid();
        for (int k = 0; k < g.nz(); k++) {
            for (int j = 0; j < g.ny(); j++) {
                for (int i = 0; i < g.nx(); i++) {
                    double cx = (g.xMm(i) - xMm) / ax;
                    double cy = (g.yMm(j) - yMm) / ay;
                    double cz = (g.zMm(k) - zMm) / az;
                    double reach = Math.sqrt(cx * cx + cy * cy + cz * cz);
                    double margin = g.voxelXMm() / Math.min(ax, Math.min(ay, az));
                    if (reach > 1 + margin) {
                        continue;
                    }
                    double frac = reach < 1 - margin ? 1.0 : fraction(g, i, j, k, xMm, yMm, zMm, ax, ay, az);
                    v.set(i, j, k, (float) (v.get(i, j, k) + value * frac));
                }
            }
        }
    }

    private static double fraction(Grid3 g, int i, int j, int k, double xMm, double yMm, double zMm,
                                   double ax, double ay, double az) {
        int in = 0;
        for (int c = 0; c < SUB; c++) {
            for (int b = 0; b < SUB; b++) {
                for (int a = 0; a < SUB; a++) {
                    double x = (g.xMm(i) + ((a + 0.5) / SUB - 0.5) * g.voxelXMm() - xMm) / ax;
                    double y = (g.yMm(j) + ((b + 0.5) / SUB - 0.5) * g.voxelYMm() - yMm) / ay;
                    double z = (g.zMm(k) + ((c + 0.5) / SUB - 0.5) * g.voxelZMm() - zMm) / az;
                    if (x * x + y * y + z * z <= 1) {
                        in++;
                    }
                }
            }
        }
        return in / (double) (SUB * SUB * SUB);
    }

    /** The image blurred by the system resolution. */
    static Volume blur(Volume v, double fwhmMm) {
        return GaussianPostFilter.of(fwhmMm).apply(v);
    }

    /**
     * Poisson noise: each voxel becomes Poisson(value × countsPerUnit) / countsPerUnit (Knuth's product
     * method below a mean of 30, the normal approximation with continuity rounding above).
     */
    static Volume poisson(Volume v, double countsPerUnit, UniformRandomProvider rng) {
        float[] in = v.data();
        float[] out = new float[in.length];
        for (int p = 0; p < in.length; p++) {
            double mean = Math.max(0.0, in[p] * countsPerUnit);
            out[p] = (float) (poisson(mean, rng) / countsPerUnit);
        }
        return Volume.of(v.grid(), out, v.unit());
    }

    private static long poisson(double mean, UniformRandomProvider rng) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < 30) {
            double limit = Math.exp(-mean);
            double prod = rng.nextDouble();
            long n = 0;
            while (prod > limit) {
                prod *= rng.nextDouble();
                n++;
            }
            return n;
        }
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        double gauss = Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
        return Math.max(0L, Math.round(mean + Math.sqrt(mean) * gauss));
    }
}
