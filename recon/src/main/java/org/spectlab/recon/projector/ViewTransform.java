package org.spectlab.recon.projector;

/**
 * A linear operator applied to the rotated-frame volume of one view, between the resampling of
 * the image and the sum along depth (attenuation, collimator-detector response, ...). Composable:
 * a projector applies its transforms in list order going forward and in reverse order, each with
 * its adjoint, going back.
 *
 * <p>Implementations may cache per-view state (e.g. attenuation factors of the last view) and are
 * therefore not thread-safe; they may use the given {@link ParallelLoops} internally and must give
 * results independent of its thread count.
 */
public interface ViewTransform {

    /** Applies the operator in place to {@code rotated} (layout of {@link RotatedFrame}) for view {@code view}. */
    void forward(int view, float[] rotated, ParallelLoops loops);

    /** Applies the adjoint of {@link #forward} in place. */
    void adjoint(int view, float[] rotated, ParallelLoops loops);

    /**
     * Whether {@link #forward} collapses depth: it leaves its result summed into the plane nearest
     * the detector ({@code planes-1}) with zeros in every other plane, and {@link #adjoint} reads
     * only that plane (and writes every plane). Such a transform must be the last of a projector,
     * which then reads or writes only that plane. False by default.
     */
    default boolean collapsesDepth() {
        return false;
    }

    /** A short name for logs and the registry, e.g. {@code "attenuation"}. */
    String name();
}
