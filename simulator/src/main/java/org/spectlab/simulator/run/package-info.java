/**
 * Deterministic execution of a simulation as independent batches.
 *
 * <p>A simulation is a pure function of (configuration, seed, batch range). Each batch draws from
 * its own random stream keyed by (seed, batch) ({@link org.spectlab.simulator.run.BatchRandom}) and
 * adds its results to fixed-point tallies ({@link org.spectlab.simulator.run.FixedPointTally}).
 * Because integer addition is associative, tallies summed over any split of the batches — across
 * threads, processes or cluster jobs, in any order — are bit-identical to a single run.
 */
package org.spectlab.simulator.run;
