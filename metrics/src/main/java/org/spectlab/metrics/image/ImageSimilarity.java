package org.spectlab.metrics.image;

import org.spectlab.core.grid.Volume;

/**
 * Normalised root-mean-square error of an image against a reference (the true activity, raw or
 * smoothed): {@code NRMSE = sqrt(sum (x - y)^2) / sqrt(sum y^2)} over the voxels of an optional mask,
 * i.e. the RMS error divided by the RMS of the reference. It is 0 for a perfect image, and a uniform
 * relative error e gives exactly |e|.
 */
public final class ImageSimilarity {

    private ImageSimilarity() {
    }

    /**
     * NRMSE over the mask (or every voxel when the mask is null).
     *
     * @throws IllegalArgumentException when grids differ or the reference is zero in the mask
     */
    public static double nrmse(Volume image, Volume reference, boolean[] mask) {
        requireSameGrid(image, reference);
        float[] x = image.data();
        float[] y = reference.data();
        double se = 0;
        double sy = 0;
        for (int n = 0; n < x.length; n++) {
            if (mask == null || mask[n]) {
                double d = (double) x[n] - y[n];
                se += d * d;
                sy += (double) y[n] * y[n];
            }
        }
        if (sy == 0) {
            throw new IllegalArgumentException("reference is zero everywhere in the mask");
        }
        return Math.sqrt(se / sy);
    }

    static void requireSameGrid(Volume a, Volume b) {
        if (!a.grid().sameGeometry(b.grid())) {
            throw new IllegalArgumentException("image and reference must share one grid: " + a.grid() + " vs " + b.grid());
        }
    }
}
