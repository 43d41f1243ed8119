package org.spectlab.simulator.spect;

import java.util.List;
import org.spectlab.core.projection.EnergyWindow;

/**
 * Expected (noise-free) projections of a simulated acquisition, per energy window, split into the
 * primary (unscattered in the patient) and scatter parts, in counts per pixel over each view's
 * acquisition time; plus the detected energy spectrum and bookkeeping.
 *
 * <p>Arrays are indexed {@code col + cols*(row + rows*view)}. {@code scatterStdError} is the Monte
 * Carlo standard error of the first window's scatter part per pixel (from independent groups of
 * batches), or {@code null} when not estimated; primaries computed deterministically have none.
 *
 * @param windows              the energy windows
 * @param primary              per window: primary counts
 * @param scatter              per window: scatter counts
 * @param scatterStdError      standard error of the first window's scatter counts, or null
 * @param spectrumKeV          centres of the 1 keV spectrum bins, keV: bin i covers [i, i+1) keV of
 *                             measured energy and has the centre i + 0.5
 * @param spectrumPrimary      measured-energy spectrum of primary photons (counts per bin, all views)
 * @param spectrumScatter      measured-energy spectrum of patient-scattered photons
 * @param histories            photon histories followed for scatter
 * @param interactionSites     real interaction sites recorded
 * @param wallSeconds          wall time of the simulation, s
 * @param mode                 "forced-detection" or "analog"
 * @param collimator           counts of photons that crossed septal lead (penetration, collimator
 *                             scatter, lead x-rays; scattered in the patient or not), per component;
 *                             null unless the Monte Carlo collimator model was used. Then primary and
 *                             scatter hold only photons that passed through the holes alone.
 * @param scatterByOrder       per scatter order in the patient (1, 2, 3 and more), per window: the
 *                             scatter counts of that order (they add up to {@code scatter}); null
 *                             unless requested (analog mode)
 */
public record SpectResult(List<EnergyWindow> windows, List<float[]> primary, List<float[]> scatter,
                          float[] scatterStdError, double[] spectrumKeV, double[] spectrumPrimary,
                          double[] spectrumScatter, long histories, long interactionSites, double wallSeconds,
                          String mode, CollimatorComponents collimator, List<List<float[]>> scatterByOrder) {
    /** Names of the scatter orders of {@code scatterByOrder}, as used in file names. */
    public static final List<String> SCATTER_ORDERS = List.of("scatter_order1", "scatter_order2", "scatter_order3plus");

    /** A result without a collimator component (geometric collimator). */
    public SpectResult(List<EnergyWindow> windows, List<float[]> primary, List<float[]> scatter,
                       float[] scatterStdError, double[] spectrumKeV, double[] spectrumPrimary,
                       double[] spectrumScatter, long histories, long interactionSites, double wallSeconds,
                       String mode) {
        this(windows, primary, scatter, scatterStdError, spectrumKeV, spectrumPrimary, spectrumScatter, histories,
                interactionSites, wallSeconds, mode, null, null);
    }

    /** Total (primary + scatter + collimator component when present) counts of a window, a new array. */
    public float[] total(int window) {
        float[] p = primary.get(window);
        float[] s = scatter.get(window);
        float[] t = new float[p.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = p[i] + s[i] + (collimator == null ? 0f : collimator.sumAt(window, i));
        }
        return t;
    }

    /**
     * Sum of a window's counts of photons that crossed lead (penetration + collimator scatter + lead
     * x-rays; 0 without the Monte Carlo collimator).
     */
    public double collimatorSum(int window) {
        if (collimator == null) {
            return 0.0;
        }
        double t = 0;
        for (float[] a : collimator.images(window)) {
            t += sum(a);
        }
        return t;
    }

    /** Sum of a window's primary counts. */
    public double primarySum(int window) {
        return sum(primary.get(window));
    }

    /** Sum of a window's scatter counts. */
    public double scatterSum(int window) {
        return sum(scatter.get(window));
    }

    /**
     * Mean relative standard error of the first window's total over the pixels above a fraction of
     * the window's maximum (e.g. 0.1), or NaN without an error estimate.
     */
    public double meanRelativeStdError(double fractionOfMax) {
        if (scatterStdError == null) {
            return Double.NaN;
        }
        float[] t = total(0);
        double max = 0;
        for (float v : t) {
            max = Math.max(max, v);
        }
        double sum = 0;
        int n = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] > fractionOfMax * max) {
                sum += scatterStdError[i] / t[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double sum(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }
}
