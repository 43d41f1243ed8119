package org.spectlab.metrics.image;

import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;

/**
 * Mean structural similarity index (SSIM) of an image against a reference, in 3D, after Wang, Bovik,
 * Sheikh and Simoncelli, "Image quality assessment: from error visibility to structural similarity",
 * IEEE Trans. Image Process. 13(4):600-612, 2004:
 * {@code SSIM = (2 mu_x mu_y + C1)(2 sigma_xy + C2) / ((mu_x^2 + mu_y^2 + C1)(sigma_x^2 + sigma_y^2 + C2))}
 * with local statistics under a Gaussian window of standard deviation 1.5 voxels (truncated at radius
 * 5, i.e. the paper's 11-tap window, here separable in x, y and z), {@code C1 = (K1 L)^2},
 * {@code C2 = (K2 L)^2}, {@code K1 = 0.01}, {@code K2 = 0.03} as in the paper, and {@code L} the
 * dynamic range (by default max - min of the reference). The mean is taken over the mask, or over all
 * voxels.
 *
 * <p>Borders: the window is truncated at the grid edge and renormalised, so local statistics there are
 * weighted averages over in-grid voxels only (the paper instead skips border pixels).
 */
public final class Ssim3d {

    /** Window standard deviation, voxels (Wang et al. 2004). */
    public static final double WINDOW_SIGMA_VOXELS = 1.5;
    /** Window radius, voxels (11-tap window). */
    public static final int WINDOW_RADIUS = 5;
    /** Luminance stabiliser constant K1 (Wang et al. 2004). */
    public static final double K1 = 0.01;
    /** Contrast stabiliser constant K2 (Wang et al. 2004). */
    public static final double K2 = 0.03;

    private Ssim3d() {
    }

    /** Mean SSIM with the dynamic range of the reference. */
    public static double mean(Volume image, Volume reference, boolean[] mask) {
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (float v : reference.data()) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        double range = (double) max - min;
        if (!(range > 0)) {
            throw new IllegalArgumentException("reference is constant; give the dynamic range explicitly");
        }
        return mean(image, reference, mask, range);
    }

    /**
     * Mean SSIM.
     *
     * @param dynamicRange L, in image units (positive)
     * @param mask         voxels to average over, or null for all
     */
    public static double mean(Volume image, Volume reference, boolean[] mask, double dynamicRange) {
        ImageSimilarity.requireSameGrid(image, reference);
        if (!(dynamicRange > 0)) {
            throw new IllegalArgumentException("dynamic range must be positive, got " + dynamicRange);
        }
        Grid3 g = image.grid();
        float[] x = image.data();
        float[] y = reference.data();
        int n = x.length;
        double[] mx = new double[n];
        double[] my = new double[n];
        double[] mxx = new double[n];
        double[] myy = new double[n];
        double[] mxy = new double[n];
        for (int v = 0; v < n; v++) {
            mx[v] = x[v];
            my[v] = y[v];
            mxx[v] = (double) x[v] * x[v];
            myy[v] = (double) y[v] * y[v];
            mxy[v] = (double) x[v] * y[v];
        }
        double[] k = window();
        double[] norm = new double[n];
        java.util.Arrays.fill(norm, 1.0);
        double[] tmp = new double[n];
        double[][] fields = {mx, my, mxx, myy, mxy, norm};
        for (double[] f : fields) {
            for (int axis = 0; axis < 3; axis++) {
                GaussianFilter3d.convolveAxis(f, tmp, g, axis, k);
                System.arraycopy(tmp, 0, f, 0, n);
            }
        }
        double c1 = (K1 * dynamicRange) * (K1 * dynamicRange);
        double c2 = (K2 * dynamicRange) * (K2 * dynamicRange);
        double s = 0;
        long count = 0;
        for (int v = 0; v < n; v++) {
            if (mask != null && !mask[v]) {
                continue;
            }
            double w = norm[v];
            double ux = mx[v] / w;
            double uy = my[v] / w;
            double vx = mxx[v] / w - ux * ux;
            double vy = myy[v] / w - uy * uy;
            double cxy = mxy[v] / w - ux * uy;
            s += (2 * ux * uy + c1) * (2 * cxy + c2) / ((ux * ux + uy * uy + c1) * (vx + vy + c2));
            count++;
        }
        if (count == 0) {
            throw new IllegalArgumentException("SSIM mask is empty");
        }
        return s / count;
    }

    private static double[] window() {
        double[] k = new double[2 * WINDOW_RADIUS + 1];
        double s = 0;
        for (int i = -WINDOW_RADIUS; i <= WINDOW_RADIUS; i++) {
            k[i + WINDOW_RADIUS] = Math.exp(-0.5 * i * i / (WINDOW_SIGMA_VOXELS * WINDOW_SIGMA_VOXELS));
            s += k[i + WINDOW_RADIUS];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= s;
        }
        return k;
    }
}
