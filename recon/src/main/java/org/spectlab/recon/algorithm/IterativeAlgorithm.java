package org.spectlab.recon.algorithm;

import org.spectlab.core.grid.Volume;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.recon.projector.SystemMatrix;

/**
 * An iterative reconstruction of measured projections with a system matrix and an optional
 * additive scatter estimate. The returned image is in the system matrix's units (counts per view
 * in air, unit label {@value #IMAGE_UNIT}); see {@code org.spectlab.recon.calibration} for Bq/mL.
 */
public interface IterativeAlgorithm {
    /** Unit label of reconstructed images. */
    String IMAGE_UNIT = "counts/view";

    /**
     * Reconstructs.
     *
     * @param systemMatrix the model {@code A}; its geometry must match {@code measured}
     * @param measured     measured counts {@code y}
     * @param scatter      expected scatter counts {@code s} in the same matrix, or {@code null} for none
     * @param listener     receives a snapshot after each iteration
     * @return the final estimate
     */
    Volume reconstruct(SystemMatrix systemMatrix, ProjectionSet measured, ProjectionSet scatter,
                       IterationListener listener);

    /** Short name, e.g. {@code "osem"}. */
    String name();
}
