package org.spectlab.simulator.crystal;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.simulator.detector.EnergyResolution;
import org.spectlab.simulator.run.BatchRandom;

/**
 * The crystal's response matrix: for incident energies on a uniform grid, the probability
 * distribution of the deposited energy (1 keV bins centred on whole keV: bin b holds deposits in
 * [b - 0.5, b + 0.5) keV, bin 0 the deposits in (0, 0.5) keV, so the full-absorption deposit of a
 * grid energy sits at its bin's centre),
 * computed once by Monte Carlo with
 * {@link NaiCrystal}; and from it, for each energy window, the expected probability that a photon
 * of a given incident energy is counted in that window after the energy-resolution blur.
 *
 * <p>Approximation: between grid energies, the window acceptance is interpolated linearly; with a
 * 1 keV grid and a resolution FWHM of ≥ 8 keV the interpolation error is below 0.5 % of the
 * acceptance. The statistical error of the matrix rows is stated by {@link #historiesAt(int)} (rows may
 * be simulated with more photons near emission lines, where most photons arrive unscattered) and, for
 * a window, by {@link #windowAcceptanceVariance}.
 */
public final class CrystalResponse {
    private final double minKeV;
    private final double stepKeV;
    private final int energies;
    private final int depositBins;
    private final double depositBinKeV;
    /** [energy][depositBin] probabilities. */
    private final double[] matrix;
    private final int historiesPerEnergy;
    /** Photons simulated for each grid energy. */
    private final int[] rowHistories;

    private CrystalResponse(double minKeV, double stepKeV, int energies, int depositBins, double depositBinKeV,
                            double[] matrix, int historiesPerEnergy, int[] rowHistories) {
        this.minKeV = minKeV;
        this.stepKeV = stepKeV;
        this.energies = energies;
        this.depositBins = depositBins;
        this.depositBinKeV = depositBinKeV;
        this.matrix = matrix;
        this.historiesPerEnergy = historiesPerEnergy;
        this.rowHistories = rowHistories;
    }

    /**
     * Simulates the response from {@code minKeV} to {@code maxKeV} every {@code stepKeV}.
     *
     * @param crystal            the crystal
     * @param historiesPerEnergy photons per incident energy (e.g. 20 000)
     * @param seed               random seed (energy index keys the stream)
     */
    public static CrystalResponse simulate(NaiCrystal crystal, double minKeV, double maxKeV, double stepKeV,
                                           int historiesPerEnergy, long seed) {
        return simulate(crystal, minKeV, maxKeV, stepKeV, historiesPerEnergy, new double[0], historiesPerEnergy, seed);
    }

    /**
     * Simulates the response with {@code lineHistories} photons at the grid energies within one step of
     * each of {@code lineEnergiesKeV} and {@code historiesPerEnergy} elsewhere. Photons that reach the
     * crystal unscattered all fall on the rows of their emission line, so those rows' sampling error
     * is a common factor of every in-window tally; spending more photons there (rather than on every
     * row) is what lowers it. A row's first {@code historiesPerEnergy} photons are the same as without
     * the boost (same stream, keyed by the energy index).
     *
     * @param lineEnergiesKeV energies whose neighbouring rows get {@code lineHistories} photons
     * @param lineHistories   photons for those rows (at least {@code historiesPerEnergy})
     */
    public static CrystalResponse simulate(NaiCrystal crystal, double minKeV, double maxKeV, double stepKeV,
                                           int historiesPerEnergy, double[] lineEnergiesKeV, int lineHistories,
                                           long seed) {
        if (historiesPerEnergy < 1 || lineHistories < historiesPerEnergy) {
            throw new IllegalArgumentException("histories per energy " + historiesPerEnergy + ", at lines "
                    + lineHistories);
        }
        int energies = (int) Math.ceil((maxKeV - minKeV) / stepKeV) + 1;
        double binKeV = 1.0;
        int depositBins = (int) Math.ceil(minKeV + (energies - 1) * stepKeV) + 2;
        double[] matrix = new double[energies * depositBins];
        int[] rowHistories = new int[energies];
        java.util.Arrays.fill(rowHistories, historiesPerEnergy);
        for (double line : lineEnergiesKeV) {
            double x = (line - minKeV) / stepKeV;
            for (int i = (int) Math.floor(x) - 1; i <= (int) Math.ceil(x) + 1; i++) {
                if (i >= 0 && i < energies) {
                    rowHistories[i] = lineHistories;
                }
            }
        }
        NaiCrystal.Scratch scratch = NaiCrystal.scratch();
        for (int i = 0; i < energies; i++) {
            double e = minKeV + i * stepKeV;
            UniformRandomProvider rng = BatchRandom.stream(seed, i);
            int n = rowHistories[i];
            double w = 1.0 / n;
            int row = i * depositBins;
            for (int h = 0; h < n; h++) {
                double d = crystal.depositKeV(e, rng, scratch);
                if (d > 0) {
                    // bins centred on whole keV: a full deposit of the (whole-keV) grid energy, even one
                    // summed to E - 1e-13 in floating point, lands in the bin whose centre is E
                    int b = (int) Math.floor(d / binKeV + 0.5);
                    matrix[row + Math.min(b, depositBins - 1)] += w;
                }
            }
        }
        return new CrystalResponse(minKeV, stepKeV, energies, depositBins, binKeV, matrix, historiesPerEnergy,
                rowHistories);
    }

    /** Photons simulated per incident energy away from the boosted line rows (see {@link #historiesAt}). */
    public int historiesPerEnergy() {
        return historiesPerEnergy;
    }

    /** Photons simulated for grid energy {@code energyIndex}. */
    public int historiesAt(int energyIndex) {
        return rowHistories[energyIndex];
    }

    /** Number of incident energies on the grid. */
    public int energies() {
        return energies;
    }

    /** Lowest incident energy of the grid, keV. */
    public double minKeV() {
        return minKeV;
    }

    /** Highest incident energy of the grid, keV. */
    public double maxKeV() {
        return minKeV + (energies - 1) * stepKeV;
    }

    /** Probability that a photon of grid energy {@code energyIndex} deposits in deposit bin {@code bin}. */
    public double probability(int energyIndex, int bin) {
        return matrix[energyIndex * depositBins + bin];
    }

    /** Number of 1 keV deposit bins (bin b centred on b keV). */
    public int depositBins() {
        return depositBins;
    }

    /** Width of a deposit bin, keV. */
    public double depositBinKeV() {
        return depositBinKeV;
    }

    /**
     * Centre of deposit bin {@code bin}, keV: the bin covers the centre ± half a bin width, except
     * bin 0, which holds the positive deposits below half a bin (centre a quarter bin).
     */
    public double depositBinCentreKeV(int bin) {
        return bin == 0 ? 0.25 * depositBinKeV : bin * depositBinKeV;
    }

    /** Incident energy of a grid index, keV. */
    public double gridEnergyKeV(int energyIndex) {
        return minKeV + energyIndex * stepKeV;
    }

    /** Nearest grid index of an incident energy. */
    public int energyIndex(double energyKeV) {
        int i = (int) Math.round((energyKeV - minKeV) / stepKeV);
        return Math.max(0, Math.min(energies - 1, i));
    }

    /**
     * Full-absorption (photopeak) fraction at an incident energy: the probability of the deposit bin
     * centred on the nearest grid energy (deposits within half a bin of it).
     */
    public double photopeakFraction(double energyKeV) {
        int i = energyIndex(energyKeV);
        double e = minKeV + i * stepKeV;
        int b = (int) Math.floor(e / depositBinKeV + 0.5);
        return b < depositBins ? probability(i, b) : 0.0;
    }

    /**
     * Expected window acceptance per incident energy, for each window: a table on this response's
     * energy grid combining deposition and the Gaussian energy resolution.
     */
    public WindowAcceptance windowAcceptance(EnergyResolution resolution, List<EnergyWindow> windows) {
        int nw = windows.size();
        double[] table = new double[nw * energies];
        double[] binAcceptance = new double[depositBins];
        for (int w = 0; w < nw; w++) {
            binWindowProbabilities(resolution, windows.get(w), binAcceptance);
            for (int i = 0; i < energies; i++) {
                double a = 0;
                int row = i * depositBins;
                for (int b = 0; b < depositBins; b++) {
                    double p = matrix[row + b];
                    if (p != 0) {
                        a += p * binAcceptance[b];
                    }
                }
                table[w * energies + i] = a;
            }
        }
        return new WindowAcceptance(minKeV, stepKeV, energies, nw, table);
    }

    /** Probability that a deposit at each bin's centre is measured in {@code window} (resolution blur). */
    private void binWindowProbabilities(EnergyResolution resolution, EnergyWindow window, double[] out) {
        for (int b = 0; b < depositBins; b++) {
            out[b] = resolution.windowAcceptance(depositBinCentreKeV(b), window);
        }
    }

    /**
     * Sampling variance of this matrix's estimate of the probability that a photon of each grid
     * energy is counted in {@code window} after the resolution blur: a row is a multinomial sample of
     * n photons over deposit bins, so the estimate a = Σ_b p_b g_b (g_b the window probability at bin
     * b's centre) has variance (Σ_b p_b g_b² − a²)/n. Rows are independent (own streams), so a tally
     * Σ_i c_i â_i over photons arriving with energies on grid rows i carries the extra variance
     * Σ_i c_i² var_i from the matrix — a common factor of every tally that uses this matrix, not
     * reduced by running more photons through the collimator.
     *
     * @return variance per grid energy (dimensionless probability squared)
     */
    public double[] windowAcceptanceVariance(EnergyResolution resolution, EnergyWindow window) {
        double[] g = new double[depositBins];
        binWindowProbabilities(resolution, window, g);
        double[] out = new double[energies];
        for (int i = 0; i < energies; i++) {
            double a = 0;
            double a2 = 0;
            int row = i * depositBins;
            for (int b = 0; b < depositBins; b++) {
                double p = matrix[row + b];
                if (p != 0) {
                    a += p * g[b];
                    a2 += p * g[b] * g[b];
                }
            }
            out[i] = Math.max(0.0, a2 - a * a) / rowHistories[i];
        }
        return out;
    }

    /**
     * Samples a deposited energy for an incident energy from the tabulated response (nearest grid
     * energy, scaled to the exact incident energy; uniform within the 1 keV bin around its centre,
     * so a full-absorption event has the incident energy as its mean).
     *
     * @return deposited energy, keV (0: no interaction)
     */
    public double sampleDepositKeV(double energyKeV, UniformRandomProvider rng) {
        int i = energyIndex(energyKeV);
        double gridE = minKeV + i * stepKeV;
        double u = rng.nextDouble();
        int row = i * depositBins;
        double c = 0;
        for (int b = 0; b < depositBins; b++) {
            c += matrix[row + b];
            if (u < c) {
                double lo = b == 0 ? 0.0 : b - 0.5;
                return (lo + (b + 0.5 - lo) * rng.nextDouble()) * depositBinKeV * (energyKeV / gridE);
            }
        }
        return 0;
    }
}
