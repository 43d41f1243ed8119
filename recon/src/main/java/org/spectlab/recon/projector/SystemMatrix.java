package org.spectlab.recon.projector;

import org.spectlab.recon.metadata.ReconstructionGeometry;

/**
 * The linear SPECT system model {@code A}: image (counts per view emitted from each voxel, flat
 * {@code i + nx*(j + ny*k)}) to expected projections (flat per view {@code col + cols*row}).
 * {@link #back} is the exact adjoint of {@link #forward} view by view.
 *
 * <p>Normalisation: a voxel of value {@code x} contributes {@code x} times its attenuation factor
 * to its view (the response kernels sum to one), i.e. the image is in "counts per view in air".
 * Implementations are not thread-safe (they parallelise internally).
 */
public interface SystemMatrix extends AutoCloseable {

    /** The geometry. */
    ReconstructionGeometry geometry();

    /** Writes the forward projection of {@code image} for {@code view} into {@code viewOut} (overwritten). */
    void forwardView(int view, float[] image, float[] viewOut);

    /** Adds the back projection of {@code viewIn} for {@code view} to {@code imageAccumulator}. */
    void backView(int view, float[] viewIn, float[] imageAccumulator);

    /** Forward projection of all views, flat {@code col + cols*(row + rows*view)}. */
    default float[] forward(float[] image) {
        ReconstructionGeometry g = geometry();
        int viewSize = g.viewSize();
        float[] out = new float[viewSize * g.views()];
        float[] view = new float[viewSize];
        for (int v = 0; v < g.views(); v++) {
            forwardView(v, image, view);
            System.arraycopy(view, 0, out, v * viewSize, viewSize);
        }
        return out;
    }

    /** Back projection of all views (summed in view order). */
    default float[] back(float[] projections) {
        ReconstructionGeometry g = geometry();
        int viewSize = g.viewSize();
        float[] image = new float[g.voxelCount()];
        float[] view = new float[viewSize];
        for (int v = 0; v < g.views(); v++) {
            System.arraycopy(projections, v * viewSize, view, 0, viewSize);
            backView(v, view, image);
        }
        return image;
    }

    /** Releases worker threads (if owned). */
    @Override
    void close();
}
