package org.spectlab.recon.projector;

import java.util.List;
import java.util.Objects;
import org.spectlab.recon.metadata.ReconstructionGeometry;

/**
 * Rotation-based projector: for each view, resample the image into the rotated frame (bilinear per
 * slice), apply the view transforms (e.g. attenuation, then collimator-detector response), and sum
 * the planes along depth onto the detector (or, when the last transform collapses depth, as the
 * incremental collimator response does, read the plane nearest the detector). The back projection applies the exact transposes in
 * reverse order, so {@code <A x, y> = <x, A^T y>} up to float rounding.
 *
 * <p>Views are processed one at a time; the work inside a view runs in parallel over slices or
 * planes, each output element written by one task, so results are identical for any thread count.
 * One rotated-frame buffer ({@code planes*rows*cols} floats) is held; the projector is not
 * thread-safe.
 */
public final class RotationProjector implements SystemMatrix {
    private final ReconstructionGeometry geometry;
    private final RotatedFrame frame;
    private final ViewTransform[] transforms;
    private final ParallelLoops loops;
    private final boolean ownsLoops;
    private final float[] rotated;
    private final boolean collapsed;

    private RotationProjector(ReconstructionGeometry geometry, List<ViewTransform> transforms, ParallelLoops loops,
                              boolean ownsLoops) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.frame = RotatedFrame.of(geometry);
        this.transforms = transforms.toArray(new ViewTransform[0]);
        for (int t = 0; t + 1 < this.transforms.length; t++) {
            if (this.transforms[t].collapsesDepth()) {
                throw new IllegalArgumentException("transform '" + this.transforms[t].name()
                        + "' collapses depth and must be the last transform");
            }
        }
        this.collapsed = this.transforms.length > 0 && this.transforms[this.transforms.length - 1].collapsesDepth();
        this.loops = Objects.requireNonNull(loops, "loops");
        this.ownsLoops = ownsLoops;
        this.rotated = new float[frame.size()];
    }

    /**
     * A projector with the given transforms (applied in list order going forward) sharing the
     * caller's thread pool (not closed by {@link #close}).
     */
    public static RotationProjector of(ReconstructionGeometry geometry, List<ViewTransform> transforms,
                                       ParallelLoops loops) {
        return new RotationProjector(geometry, transforms, loops, false);
    }

    /** A projector with its own pool of {@code threads} threads (closed by {@link #close}). */
    public static RotationProjector of(ReconstructionGeometry geometry, List<ViewTransform> transforms, int threads) {
        return new RotationProjector(geometry, transforms, ParallelLoops.of(threads), true);
    }

    @Override
    public ReconstructionGeometry geometry() {
        return geometry;
    }

    /** The rotated frame. */
    public RotatedFrame frame() {
        return frame;
    }

    @Override
    public void forwardView(int view, float[] image, float[] viewOut) {
        frame.resample(view, image, rotated, loops);
        for (ViewTransform t : transforms) {
            t.forward(view, rotated, loops);
        }
        final int rows = frame.rows();
        final int cols = frame.cols();
        final int planes = frame.planes();
        if (collapsed) {
            System.arraycopy(rotated, (planes - 1) * rows * cols, viewOut, 0, rows * cols);
            return;
        }
        loops.forRange(rows, (k0, k1) -> {
            for (int k = k0; k < k1; k++) {
                int out = k * cols;
                for (int i = 0; i < cols; i++) {
                    viewOut[out + i] = 0f;
                }
                for (int j = 0; j < planes; j++) {
                    int in = cols * (k + rows * j);
                    for (int i = 0; i < cols; i++) {
                        viewOut[out + i] += rotated[in + i];
                    }
                }
            }
        });
    }

    @Override
    public void backView(int view, float[] viewIn, float[] imageAccumulator) {
        final int rows = frame.rows();
        final int cols = frame.cols();
        final int planeSize = rows * cols;
        if (collapsed) {
            System.arraycopy(viewIn, 0, rotated, (frame.planes() - 1) * planeSize, planeSize);
        } else {
            loops.forRange(frame.planes(), (j0, j1) -> {
                for (int j = j0; j < j1; j++) {
                    System.arraycopy(viewIn, 0, rotated, j * planeSize, planeSize);
                }
            });
        }
        for (int t = transforms.length - 1; t >= 0; t--) {
            transforms[t].adjoint(view, rotated, loops);
        }
        frame.resampleAdjoint(view, rotated, imageAccumulator, loops);
    }

    @Override
    public void close() {
        if (ownsLoops) {
            loops.close();
        }
    }
}
