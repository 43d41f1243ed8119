package org.spectlab.recon.localization;

import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.recon.filter.GaussianKernel;
import org.spectlab.recon.filter.GaussianPostFilter;

/**
 * A Gaussian scale space of an image and its scale-normalised Laplacian-of-Gaussian blob response.
 *
 * <p>Scale {@code n} smooths the image with a Gaussian of σ_n = f_n σ_sys, f_n = 1, √2, 2, 2√2, 4
 * (σ_sys = system FWHM / 2.3548), built by cascading: level n is level n-1 smoothed by
 * sqrt(σ_n² - σ_{n-1}²) (Gaussians compose by adding variances). The blob response is
 * {@code R_n = -t_n ∇² L_n} with {@code t_n = σ_n² + σ_sys²}, the total variance of a point source
 * at that level (Lindeberg T, Int J Comput Vis 30 (1998) 79-116, γ = 1 normalisation), so that it is
 * positive inside bright blobs and comparable across scales. ∇² is the 7-point finite difference in
 * mm⁻² (anisotropic voxels allowed); the outermost voxel layer has R = 0. Smoothing pads with zeros,
 * which lowers values within about 2σ of the image edge.
 */
final class ScaleSpace {
    /** Smoothing σ per scale in units of the system σ. */
    static final double[] SCALE_FACTORS = {1.0, Math.sqrt(2.0), 2.0, 2.0 * Math.sqrt(2.0), 4.0};

    private final Grid3 grid;
    private final double systemSigmaMm;
    private final float[][] smoothed;
    private final float[][] response;

    private ScaleSpace(Grid3 grid, double systemSigmaMm, float[][] smoothed, float[][] response) {
        this.grid = grid;
        this.systemSigmaMm = systemSigmaMm;
        this.smoothed = smoothed;
        this.response = response;
    }

    /** Builds every scale of {@code image} for a camera of resolution {@code systemFwhmMm}. */
    static ScaleSpace of(Volume image, double systemFwhmMm) {
        Grid3 g = image.grid();
        double sys = systemFwhmMm / GaussianKernel.FWHM_PER_SIGMA;
        int ns = SCALE_FACTORS.length;
        float[][] smoothed = new float[ns][];
        float[][] response = new float[ns][];
        Volume level = image;
        double previousSigma = 0;
        for (int n = 0; n < ns; n++) {
            double sigma = SCALE_FACTORS[n] * sys;
            double step = Math.sqrt(sigma * sigma - previousSigma * previousSigma);
            level = GaussianPostFilter.of(step * GaussianKernel.FWHM_PER_SIGMA).apply(level);
            smoothed[n] = level.data();
            response[n] = new float[g.voxelCount()];
            laplacianResponse(g, smoothed[n], sigma * sigma + sys * sys, response[n]);
            previousSigma = sigma;
        }
        return new ScaleSpace(g, sys, smoothed, response);
    }

    private static void laplacianResponse(Grid3 g, float[] l, double t, float[] out) {
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        int sy = nx;
        int sz = nx * ny;
        double cx = -t / (g.voxelXMm() * g.voxelXMm());
        double cy = -t / (g.voxelYMm() * g.voxelYMm());
        double cz = -t / (g.voxelZMm() * g.voxelZMm());
        for (int k = 1; k < nz - 1; k++) {
            for (int j = 1; j < ny - 1; j++) {
                int base = sz * k + sy * j;
                for (int i = 1; i < nx - 1; i++) {
                    int p = base + i;
                    double c = 2.0 * l[p];
                    double v = cx * (l[p + 1] + l[p - 1] - c) + cy * (l[p + sy] + l[p - sy] - c)
                            + cz * (l[p + sz] + l[p - sz] - c);
                    out[p] = (float) v;
                }
            }
        }
    }

    /** Number of scales. */
    int count() {
        return smoothed.length;
    }

    /** The grid. */
    Grid3 grid() {
        return grid;
    }

    /** System σ, mm. */
    double systemSigmaMm() {
        return systemSigmaMm;
    }

    /** Smoothing σ of scale n, mm. */
    double sigmaMm(int n) {
        return SCALE_FACTORS[n] * systemSigmaMm;
    }

    /** Total σ of a point source at scale n (system and smoothing), mm. */
    double totalSigmaMm(int n) {
        double s = sigmaMm(n);
        return Math.sqrt(s * s + systemSigmaMm * systemSigmaMm);
    }

    /** The smoothed image of scale n (not a copy). */
    float[] smoothed(int n) {
        return smoothed[n];
    }

    /** The blob response of scale n (not a copy). */
    float[] response(int n) {
        return response[n];
    }

    /**
     * Factor by which smoothing at scale n lowers the SD of white (voxel-independent) noise:
     * sqrt(Σ w²) of the 3D kernel, the product over axes of the 1D kernels' sums of squares.
     */
    double whiteNoiseFactor(int n) {
        double s = sigmaMm(n);
        return Math.sqrt(sumOfSquares(GaussianKernel.halfKernel(s / grid.voxelXMm()))
                * sumOfSquares(GaussianKernel.halfKernel(s / grid.voxelYMm()))
                * sumOfSquares(GaussianKernel.halfKernel(s / grid.voxelZMm())));
    }

    private static double sumOfSquares(float[] half) {
        double s = (double) half[0] * half[0];
        for (int m = 1; m < half.length; m++) {
            s += 2.0 * half[m] * half[m];
        }
        return s;
    }
}
