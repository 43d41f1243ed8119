package org.spectlab.simulator.run;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The per-thread part of a simulation. A worker owns its scratch buffers and its tallies; it runs
 * batches one after another and must have folded each batch's results into its fixed-point tallies
 * by the time {@link #runBatch} returns. Workers are created one per thread and never shared.
 */
public interface BatchWorker {

    /**
     * Simulates one batch, drawing random numbers only from {@code rng}.
     *
     * @param batch the batch index (for bookkeeping; randomness comes from {@code rng})
     * @param rng   the batch's own stream, keyed by (seed, batch)
     */
    void runBatch(long batch, UniformRandomProvider rng);

    /** This worker's tallies (summed over the batches it ran). */
    TallySet tallies();
}
