package org.spectlab.recon.transform.psf;

import java.util.Objects;
import org.apache.commons.numbers.gamma.Erf;
import org.spectlab.recon.projector.ParallelLoops;
import org.spectlab.recon.projector.RotatedFrame;
import org.spectlab.recon.projector.ViewTransform;

/**
 * Collimator-detector response in the rotated frame: each depth plane is blurred with a 2D
 * separable Gaussian (columns and rows) whose standard deviation is the system resolution of
 * {@link CollimatorSpec} at that plane's distance from the collimator face of the view.
 *
 * <p>Kernel taps are the Gaussian integrated over each pixel (via erf), truncated at
 * {@code ceil(3σ)} pixels and renormalised to sum to one, so counts are conserved away from the
 * edges; outside the frame the image is zero (counts blurred off the edge are lost, as on a finite
 * detector). Symmetric kernels with zero padding make the operator symmetric: the adjoint is the
 * operator itself. Kernels are cached per orbit radius. Not thread-safe.
 */
public final class DepthDependentBlur implements ViewTransform {
    /** Kernel half-width in units of σ. */
    public static final double TRUNCATION_SIGMAS = 3.0;

    private final RotatedFrame frame;
    private final CollimatorSpec collimator;
    private double cachedRadiusMm = Double.NaN;
    private float[][] kernels;

    private DepthDependentBlur(RotatedFrame frame, CollimatorSpec collimator) {
        this.frame = Objects.requireNonNull(frame, "frame");
        this.collimator = Objects.requireNonNull(collimator, "collimator");
    }

    /** The depth-dependent response of a collimator in a rotated frame. */
    public static DepthDependentBlur of(RotatedFrame frame, CollimatorSpec collimator) {
        return new DepthDependentBlur(frame, collimator);
    }

    /** The collimator. */
    public CollimatorSpec collimator() {
        return collimator;
    }

    @Override
    public void forward(int view, float[] rotated, ParallelLoops loops) {
        blur(view, rotated, loops);
    }

    @Override
    public void adjoint(int view, float[] rotated, ParallelLoops loops) {
        blur(view, rotated, loops);
    }

    @Override
    public String name() {
        return "psf";
    }

    /**
     * Half-kernel (taps 0..h) of plane {@code plane} for a view at radius {@code radiusMm}: the pixel-
     * integrated Gaussian of the system σ at that plane's distance from the collimator face.
     */
    public float[] halfKernel(double radiusMm, int plane) {
        double distanceMm = Math.max(0.0, radiusMm - frame.depthMm(plane));
        double sigmaPx = collimator.systemSigmaMm(distanceMm) / frame.geometry().pixelSizeMm();
        return gaussianHalfKernel(sigmaPx);
    }

    /** Pixel-integrated Gaussian half-kernel of standard deviation {@code sigmaPx} pixels, normalised. */
    static float[] gaussianHalfKernel(double sigmaPx) {
        if (!(sigmaPx > 0)) {
            return new float[] {1f};
        }
        int h = Math.max(1, (int) Math.ceil(TRUNCATION_SIGMAS * sigmaPx));
        double[] w = new double[h + 1];
        double scale = 1.0 / (Math.sqrt(2.0) * sigmaPx);
        double total = 0;
        for (int m = 0; m <= h; m++) {
            w[m] = 0.5 * (Erf.value((m + 0.5) * scale) - Erf.value((m - 0.5) * scale));
            total += m == 0 ? w[m] : 2 * w[m];
        }
        float[] out = new float[h + 1];
        for (int m = 0; m <= h; m++) {
            out[m] = (float) (w[m] / total);
        }
        return out;
    }

    private float[][] kernelsFor(int view) {
        double radiusMm = frame.geometry().orbit().radiusMm(view);
        if (kernels == null || radiusMm != cachedRadiusMm) {
            float[][] k = new float[frame.planes()][];
            for (int j = 0; j < k.length; j++) {
                k[j] = halfKernel(radiusMm, j);
            }
            kernels = k;
            cachedRadiusMm = radiusMm;
        }
        return kernels;
    }

    private void blur(int view, float[] rotated, ParallelLoops loops) {
        final float[][] k = kernelsFor(view);
        final int rows = frame.rows();
        final int cols = frame.cols();
        loops.forRange(frame.planes(), (j0, j1) -> {
            float[] tmp = new float[rows * cols];
            for (int j = j0; j < j1; j++) {
                blurPlane(rotated, j * rows * cols, rows, cols, k[j], tmp);
            }
        });
    }

    /** Separable blur of one plane (offset {@code base}, rows x cols) in place, using {@code tmp} as scratch. */
    static void blurPlane(float[] data, int base, int rows, int cols, float[] w, float[] tmp) {
        final int h = w.length - 1;
        final float w0 = w[0];
        // Along columns (i), data -> tmp.
        for (int k = 0; k < rows; k++) {
            int r = base + k * cols;
            int t = k * cols;
            for (int i = 0; i < cols; i++) {
                tmp[t + i] = w0 * data[r + i];
            }
            for (int m = 1; m <= h && m < cols; m++) {
                float wm = w[m];
                for (int i = 0; i < cols - m; i++) {
                    tmp[t + i] += wm * data[r + i + m];
                }
                for (int i = m; i < cols; i++) {
                    tmp[t + i] += wm * data[r + i - m];
                }
            }
        }
        // Along rows (k), tmp -> data.
        for (int k = 0; k < rows; k++) {
            int r = base + k * cols;
            int t = k * cols;
            for (int i = 0; i < cols; i++) {
                data[r + i] = w0 * tmp[t + i];
            }
            for (int m = 1; m <= h; m++) {
                float wm = w[m];
                if (k - m >= 0) {
                    int tb = (k - m) * cols;
                    for (int i = 0; i < cols; i++) {
                        data[r + i] += wm * tmp[tb + i];
                    }
                }
                if (k + m < rows) {
                    int tb = (k + m) * cols;
                    for (int i = 0; i < cols; i++) {
                        data[r + i] += wm * tmp[tb + i];
                    }
                }
            }
        }
    }
}
