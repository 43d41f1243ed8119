package org.spectlab.metrics.image;

import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;

/**
 * Separable 3D Gaussian smoothing of a volume to a given FWHM (mm), used to bring the true activity to
 * the resolution of a reconstruction before comparing them.
 *
 * <p>The 1D kernel per axis is the Gaussian sampled at voxel offsets, {@code sigma = FWHM / (2 sqrt(2
 * ln 2))} converted to voxels of that axis, truncated at 4 sigma (the tails hold 6e-5 of the weight)
 * and normalised to unit sum. Outside the grid the volume is taken as zero, so activity near the edge
 * is spread partly out of the grid (as it would be physically); sums are conserved for content more
 * than 4 sigma from the edges. A sigma below 0.05 voxel on an axis leaves that axis untouched.
 */
public final class GaussianFilter3d {

    private GaussianFilter3d() {
    }

    /** A smoothed copy of the volume. */
    public static Volume smooth(Volume v, double fwhmMm) {
        if (!(fwhmMm >= 0) || !Double.isFinite(fwhmMm)) {
            throw new IllegalArgumentException("FWHM must be finite and >= 0 mm, got " + fwhmMm);
        }
        Grid3 g = v.grid();
        double sigmaMm = fwhmMm / (2 * Math.sqrt(2 * Math.log(2)));
        double[] a = new double[g.voxelCount()];
        float[] d = v.data();
        for (int n = 0; n < a.length; n++) {
            a[n] = d[n];
        }
        double[] spare = new double[a.length];
        double[] sigmaVoxels = {sigmaMm / g.voxelXMm(), sigmaMm / g.voxelYMm(), sigmaMm / g.voxelZMm()};
        for (int axis = 0; axis < 3; axis++) {
            double[] r = convolveAxis(a, spare, g, axis, kernel(sigmaVoxels[axis]));
            if (r != a) {
                spare = a;
                a = r;
            }
        }
        double[] c = a;
        float[] out = new float[c.length];
        for (int n = 0; n < c.length; n++) {
            out[n] = (float) c[n];
        }
        return Volume.of(g, out, v.unit());
    }

    /** Normalised sampled Gaussian with the given sigma in voxels, or null for no smoothing. */
    static double[] kernel(double sigmaVoxels) {
        if (sigmaVoxels < 0.05) {
            return null;
        }
        int r = (int) Math.ceil(4 * sigmaVoxels);
        double[] k = new double[2 * r + 1];
        double s = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-0.5 * i * i / (sigmaVoxels * sigmaVoxels));
            s += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= s;
        }
        return k;
    }

    /**
     * Convolves along one axis (0 = x, 1 = y, 2 = z) with zero padding, writing into {@code out}.
     * Returns {@code in} unchanged when the kernel is null, otherwise {@code out}.
     */
    static double[] convolveAxis(double[] in, double[] out, Grid3 g, int axis, double[] k) {
        if (k == null) {
            return in;
        }
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        int stride = axis == 0 ? 1 : axis == 1 ? nx : nx * ny;
        int len = axis == 0 ? nx : axis == 1 ? ny : nz;
        int r = k.length / 2;
        for (int kk = 0; kk < nz; kk++) {
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    int pos = axis == 0 ? i : axis == 1 ? j : kk;
                    int base = i + nx * (j + ny * kk) - pos * stride;
                    int lo = Math.max(-r, -pos);
                    int hi = Math.min(r, len - 1 - pos);
                    double s = 0;
                    for (int t = lo; t <= hi; t++) {
                        s += k[t + r] * in[base + (pos + t) * stride];
                    }
                    out[base + pos * stride] = s;
                }
            }
        }
        return out;
    }
}
