package org.spectlab.simulator.spect;

import org.spectlab.core.error.InputException;
import org.spectlab.simulator.collimator.CollimatorModel;

/**
 * How a SPECT simulation is run.
 *
 * @param seed                   random seed; with the same scenario, the outputs are bit-identical
 * @param scatterHistories       photon histories followed for the scatter estimate (0: primary only)
 * @param batches                batches the histories are split into (each its own random stream)
 * @param threads                worker threads (results do not depend on it)
 * @param errorGroups            independent groups of batches used to estimate the Monte Carlo
 *                               standard error of the first window's scatter (0: no estimate; else ≥ 2)
 * @param maxScatterOrder        highest scatter order followed (e.g. 10)
 * @param depthBinMm             depth bin width of the convolution-based forced detection, mm
 * @param crystalHistoriesPerKeV photons per 1 keV step for the crystal response matrix
 * @param collimatorModel        how photons cross the collimator: {@link CollimatorModel#GEOMETRIC}
 *                               (ideal septa) or {@link CollimatorModel#MONTE_CARLO} (transport
 *                               through the septa; forced detection then adds the photons that
 *                               cross lead from Monte Carlo kernel tables)
 * @param scatterOrderImages     tally the scatter images by scatter order in the patient (1, 2, 3+;
 *                               analog mode only)
 * @param kernelPhotons          forced detection with {@link CollimatorModel#MONTE_CARLO}: photons
 *                               of each Monte Carlo kernel table run per energy, window and distance
 *                               node (default {@value #DEFAULT_KERNEL_PHOTONS})
 */
public record SimulationOptions(long seed, long scatterHistories, int batches, int threads, int errorGroups,
                                int maxScatterOrder, double depthBinMm, int crystalHistoriesPerKeV,
                                CollimatorModel collimatorModel, boolean scatterOrderImages, long kernelPhotons) {
    /** Default {@link #kernelPhotons()}. */
    public static final long DEFAULT_KERNEL_PHOTONS = 1_000_000;

    /** Options with the default kernel photons. */
    public SimulationOptions(long seed, long scatterHistories, int batches, int threads, int errorGroups,
                             int maxScatterOrder, double depthBinMm, int crystalHistoriesPerKeV,
                             CollimatorModel collimatorModel, boolean scatterOrderImages) {
        this(seed, scatterHistories, batches, threads, errorGroups, maxScatterOrder, depthBinMm, crystalHistoriesPerKeV,
                collimatorModel, scatterOrderImages, DEFAULT_KERNEL_PHOTONS);
    }

    /** Options without scatter-order images. */
    public SimulationOptions(long seed, long scatterHistories, int batches, int threads, int errorGroups,
                             int maxScatterOrder, double depthBinMm, int crystalHistoriesPerKeV,
                             CollimatorModel collimatorModel) {
        this(seed, scatterHistories, batches, threads, errorGroups, maxScatterOrder, depthBinMm, crystalHistoriesPerKeV,
                collimatorModel, false);
    }

    /** Options with the geometric (ideal-septa) collimator. */
    public SimulationOptions(long seed, long scatterHistories, int batches, int threads, int errorGroups,
                             int maxScatterOrder, double depthBinMm, int crystalHistoriesPerKeV) {
        this(seed, scatterHistories, batches, threads, errorGroups, maxScatterOrder, depthBinMm, crystalHistoriesPerKeV,
                CollimatorModel.GEOMETRIC);
    }

    /** Validates the fields. */
    public SimulationOptions {
        if (collimatorModel == null) {
            throw InputException.field("camera.collimator_model", "must be 'geometric' or 'monte-carlo'");
        }
        if (scatterHistories < 0) {
            throw InputException.field("simulation.histories", "must be >= 0, got " + scatterHistories);
        }
        if (batches < 1 || batches > 1_000_000) {
            throw InputException.field("simulation.batches", "must be 1 to 1000000, got " + batches);
        }
        if (threads < 1 || threads > 1024) {
            throw InputException.field("--threads", "must be 1 to 1024, got " + threads);
        }
        if (errorGroups == 1 || errorGroups < 0 || errorGroups > batches) {
            throw InputException.field("simulation.error_groups", "must be 0 or 2 to the number of batches, got "
                    + errorGroups);
        }
        if (maxScatterOrder < 1 || maxScatterOrder > 100) {
            throw InputException.field("simulation.max_scatter_order", "must be 1 to 100, got " + maxScatterOrder);
        }
        if (!(depthBinMm > 0) || depthBinMm > 100) {
            throw InputException.field("simulation.depth_bin_mm", "must be in (0, 100], got " + depthBinMm);
        }
        if (kernelPhotons < 1000 || kernelPhotons > 10_000_000_000L) {
            throw InputException.field("simulation.kernel_photons", "must be 1000 to 1e10, got " + kernelPhotons);
        }
        if (crystalHistoriesPerKeV < 100) {
            throw InputException.field("simulation.crystal_histories", "must be >= 100, got " + crystalHistoriesPerKeV);
        }
    }

    /** Defaults: 8 batches, 4 error groups, up to 10 scatter orders, 10 mm depth bins, 10 000 crystal photons per keV. */
    public static SimulationOptions of(long seed, long scatterHistories, int threads) {
        return new SimulationOptions(seed, scatterHistories, 8, threads, 4, 10, 10.0, 10_000);
    }

    /** The same options with another thread count. */
    public SimulationOptions withThreads(int newThreads) {
        return new SimulationOptions(seed, scatterHistories, batches, newThreads, errorGroups, maxScatterOrder,
                depthBinMm, crystalHistoriesPerKeV, collimatorModel, scatterOrderImages, kernelPhotons);
    }

    /** The same options with another collimator model. */
    public SimulationOptions withCollimatorModel(CollimatorModel model) {
        return new SimulationOptions(seed, scatterHistories, batches, threads, errorGroups, maxScatterOrder, depthBinMm,
                crystalHistoriesPerKeV, model, scatterOrderImages, kernelPhotons);
    }

    /** The same options with another number of photons per kernel table run. */
    public SimulationOptions withKernelPhotons(long photons) {
        return new SimulationOptions(seed, scatterHistories, batches, threads, errorGroups, maxScatterOrder, depthBinMm,
                crystalHistoriesPerKeV, collimatorModel, scatterOrderImages, photons);
    }

    /** The same options with or without scatter-order images. */
    public SimulationOptions withScatterOrderImages(boolean on) {
        return new SimulationOptions(seed, scatterHistories, batches, threads, errorGroups, maxScatterOrder, depthBinMm,
                crystalHistoriesPerKeV, collimatorModel, on, kernelPhotons);
    }
}
