/**
 * Execution of one study beyond one process: split into independent jobs, run each anywhere (SLURM
 * array tasks, HTCondor processes, Kubernetes indexed Jobs, GNU parallel), merge the parts into
 * the study folder a single run writes; and checkpoints that let a long single-machine run resume
 * after a kill.
 *
 * <p>The unit of work is the view for forced detection (every part transports the same histories,
 * which depend on the seed only, and projects its own views) and the batch for analog runs (each
 * batch has its own random stream and adds to exact fixed-point tallies). A part holds the exact
 * additive values of its units ({@link org.spectlab.simulator.cluster.PartFile}: doubles of its
 * views, or the raw fixed-point tallies of its batches), so any split merges to the bit-identical
 * result of a single run ({@link org.spectlab.simulator.cluster.PartMerger}).
 */
package org.spectlab.simulator.cluster;
