package org.spectlab.recon.filter;

import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;

/**
 * Isotropic 3D Gaussian smoothing of a given FWHM in mm (separable, pixel-integrated taps per
 * axis from the voxel size along that axis, zero outside the image, sum-preserving away from
 * the edges).
 *
 * @param fwhmMm full width at half maximum, mm (0 = identity)
 */
public record GaussianPostFilter(double fwhmMm) implements PostFilter {

    /** Validates FWHM ≥ 0. */
    public GaussianPostFilter {
        if (!(fwhmMm >= 0) || !Double.isFinite(fwhmMm)) {
            throw InputException.field("Gaussian filter FWHM (mm)", "must be a finite number >= 0, got " + fwhmMm);
        }
    }

    /** A Gaussian filter of FWHM {@code fwhmMm}. */
    public static GaussianPostFilter of(double fwhmMm) {
        return new GaussianPostFilter(fwhmMm);
    }

    @Override
    public String name() {
        return "gaussian";
    }

    @Override
    public Volume apply(Volume image) {
        Volume out = image.copy();
        Grid3 g = image.grid();
        double sigmaMm = fwhmMm / GaussianKernel.FWHM_PER_SIGMA;
        float[] wx = GaussianKernel.halfKernel(sigmaMm / g.voxelXMm());
        float[] wy = GaussianKernel.halfKernel(sigmaMm / g.voxelYMm());
        float[] wz = GaussianKernel.halfKernel(sigmaMm / g.voxelZMm());
        float[] d = out.data();
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        float[] tmp = new float[Math.max(nx * ny, nz)];
        for (int k = 0; k < nz; k++) {
            GaussianKernel.blurPlane(d, k * nx * ny, ny, nx, wx, wy, tmp);
        }
        if (wz.length > 1) {
            for (int n = 0; n < nx * ny; n++) {
                GaussianKernel.blurLine(d, n, nz, nx * ny, wz, tmp);
            }
        }
        return out;
    }
}
