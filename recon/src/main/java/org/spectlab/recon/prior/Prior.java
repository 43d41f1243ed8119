package org.spectlab.recon.prior;

import org.spectlab.core.grid.Grid3;
import org.spectlab.recon.projector.ParallelLoops;

/**
 * A smoothness penalty {@code U(x)} on a non-negative image (already multiplied by its strength β).
 * Implementations are immutable and thread-safe.
 */
public interface Prior {

    /** {@code U(x)}. */
    double value(float[] image, Grid3 grid);

    /** Writes {@code ∂U/∂x_j} for every voxel into {@code out}. */
    void gradient(float[] image, Grid3 grid, float[] out, ParallelLoops loops);

    /** Short name, e.g. {@code "rdp"}. */
    String name();
}
