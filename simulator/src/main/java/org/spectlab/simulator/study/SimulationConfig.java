package org.spectlab.simulator.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.spectlab.core.error.InputException;
import org.spectlab.simulator.spect.SimulationOptions;

/**
 * The {@code simulation} section: the mode ({@code forced-detection}, the convolution-based forced
 * detection of {@link org.spectlab.simulator.spect.ForcedDetectionSimulation}, or {@code analog}),
 * photon histories, batches (independent random streams), seed, number of Poisson noise
 * realisations written, and two optional accuracy knobs: the highest scatter order followed
 * ({@code max_scatter_order}, default 10) and the crystal-response photons per keV
 * ({@code crystal_histories_per_keV}, default 10 000). {@code scatter_order_images: true} (analog
 * mode only) also writes the scatter images split by scatter order in the patient (1, 2, 3+).
 * {@code kernel_photons} (default {@value SimulationOptions#DEFAULT_KERNEL_PHOTONS}): forced
 * detection with {@code camera.collimator_model: monte-carlo} tabulates the photons that cross
 * septal lead as Monte Carlo point-source kernels before transport, this many photons per
 * (energy, window, distance) node.
 *
 * @param mode                   "forced-detection" or "analog"
 * @param histories              photon histories (forced detection: for scatter; analog: all photons)
 * @param batches                batches
 * @param seed                   random seed
 * @param noiseRealisations      Poisson realisations written (1 to 100)
 * @param maxScatterOrder        highest scatter order
 * @param crystalHistoriesPerKeV crystal-response photons per 1 keV step
 * @param scatterOrderImages     write scatter images by scatter order (analog only)
 * @param kernelPhotons          photons per Monte Carlo collimator kernel node (forced detection)
 */
public record SimulationConfig(String mode, long histories, int batches, long seed, int noiseRealisations,
                               int maxScatterOrder, int crystalHistoriesPerKeV, boolean scatterOrderImages,
                               long kernelPhotons) {
    /** Forced detection. */
    public static final String FORCED_DETECTION = "forced-detection";
    /** Analog Monte Carlo. */
    public static final String ANALOG = "analog";
    /** Largest number of histories accepted. */
    public static final long MAX_HISTORIES = 100_000_000_000L;

    /** The engine options for a thread count (error groups: up to 4, never more than the batches). */
    public SimulationOptions toOptions(int threads) {
        int groups = batches >= 2 ? Math.min(4, batches) : 0;
        return new SimulationOptions(seed, histories, batches, threads, groups, maxScatterOrder, 10.0,
                crystalHistoriesPerKeV).withScatterOrderImages(scatterOrderImages).withKernelPhotons(kernelPhotons);
    }

    static SimulationConfig parse(ConfigNode s) {
        s.allowOnly("mode", "histories", "batches", "seed", "noise_realisations", "max_scatter_order",
                "crystal_histories_per_keV", "scatter_order_images", "kernel_photons");
        String mode = s.text("mode", FORCED_DETECTION).toLowerCase(Locale.ROOT);
        if (!mode.equals(FORCED_DETECTION) && !mode.equals(ANALOG)) {
            throw InputException.field(s.at("mode"), "must be forced-detection or analog, got '" + mode + "'");
        }
        long histories = s.longValue("histories", 0, true);
        if (histories < (mode.equals(ANALOG) ? 1 : 0) || histories > MAX_HISTORIES) {
            throw InputException.field(s.at("histories"), "must be " + (mode.equals(ANALOG) ? 1 : 0) + " to "
                    + MAX_HISTORIES + (mode.equals(ANALOG) ? " in analog mode" : "") + ", got " + histories);
        }
        int batches = s.intIn("batches", 8, 1, 100_000, false);
        long seed = s.longValue("seed", 1, false);
        int noise = s.intIn("noise_realisations", 1, 1, 100, false);
        int order = s.intIn("max_scatter_order", 10, 1, 100, false);
        int crystal = s.intIn("crystal_histories_per_keV", 10_000, 100, 10_000_000, false);
        boolean byOrder = s.bool("scatter_order_images", false);
        if (byOrder && !mode.equals(ANALOG)) {
            throw InputException.field(s.at("scatter_order_images"), "needs simulation.mode: analog (forced detection "
                    + "does not tally scatter orders separately)");
        }
        long kernelPhotons = s.longValue("kernel_photons", SimulationOptions.DEFAULT_KERNEL_PHOTONS, false);
        if (kernelPhotons < 1000 || kernelPhotons > 10_000_000_000L) {
            throw InputException.field(s.at("kernel_photons"), "must be 1000 to 10000000000, got " + kernelPhotons);
        }
        return new SimulationConfig(mode, histories, batches, seed, noise, order, crystal, byOrder, kernelPhotons);
    }

    void toTree(ObjectNode o) {
        o.put("mode", mode);
        o.put("histories", histories);
        o.put("batches", batches);
        o.put("seed", seed);
        o.put("noise_realisations", noiseRealisations);
        o.put("max_scatter_order", maxScatterOrder);
        o.put("crystal_histories_per_keV", crystalHistoriesPerKeV);
        if (scatterOrderImages) {
            o.put("scatter_order_images", true);
        }
        if (kernelPhotons != SimulationOptions.DEFAULT_KERNEL_PHOTONS) {
            o.put("kernel_photons", kernelPhotons);
        }
    }
}
