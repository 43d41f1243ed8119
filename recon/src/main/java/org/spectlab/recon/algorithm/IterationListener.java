package org.spectlab.recon.algorithm;

import org.spectlab.core.grid.Volume;

/** Receives a snapshot of the image after each full iteration (all subsets). */
@FunctionalInterface
public interface IterationListener {
    /** A listener that ignores snapshots. */
    IterationListener NONE = (iteration, image) -> { };

    /**
     * Called after iteration {@code iteration} (1-based) with a copy of the current estimate (the
     * listener may keep it).
     */
    void onIteration(int iteration, Volume image);
}
