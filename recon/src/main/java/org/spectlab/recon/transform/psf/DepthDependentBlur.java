package org.spectlab.recon.transform.psf;

import java.util.Objects;
import org.spectlab.recon.filter.GaussianKernel;
import org.spectlab.recon.projector.ParallelLoops;
import org.spectlab.recon.projector.RotatedFrame;
import org.spectlab.recon.projector.ViewTransform;

/**
 * Collimator-detector response in the rotated frame: each depth plane is blurred with a 2D
 * separable Gaussian (columns and rows) whose standard deviation is the system resolution of
 * {@link CollimatorSpec} at that plane's distance from the collimator face of the view.
 *
 * <p>Kernels are {@link GaussianKernel}s (pixel-integrated, truncated at 3σ, normalised), so counts
 * are conserved away from the edges; outside the frame the image is zero (counts blurred off the edge are lost, as on a finite
 * detector). Symmetric kernels with zero padding make the operator symmetric: the adjoint is the
 * operator itself. Kernels are cached per orbit radius. Not thread-safe.
 */
public final class DepthDependentBlur implements ViewTransform {
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
        return GaussianKernel.halfKernel(sigmaPx);
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
                GaussianKernel.blurPlane(rotated, j * rows * cols, rows, cols, k[j], k[j], tmp);
            }
        });
    }
}
