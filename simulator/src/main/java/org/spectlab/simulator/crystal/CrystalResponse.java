package org.spectlab.simulator.crystal;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.simulator.detector.EnergyResolution;
import org.spectlab.simulator.run.BatchRandom;

/**
 * The crystal's response matrix: for incident energies on a uniform grid, the probability
 * distribution of the deposited energy (1 keV bins), computed once by Monte Carlo with
 * {@link NaiCrystal}; and from it, for each energy window, the expected probability that a photon
 * of a given incident energy is counted in that window after the energy-resolution blur.
 *
 * <p>Approximation: between grid energies, the window acceptance is interpolated linearly; with a
 * 1 keV grid and a resolution FWHM of ≥ 8 keV the interpolation error is below 0.5 % of the
 * acceptance. The statistical error of the matrix rows is stated by {@link #historiesPerEnergy()}.
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

    private CrystalResponse(double minKeV, double stepKeV, int energies, int depositBins, double depositBinKeV,
                            double[] matrix, int historiesPerEnergy) {
        this.minKeV = minKeV;
        this.stepKeV = stepKeV;
        this.energies = energies;
        this.depositBins = depositBins;
        this.depositBinKeV = depositBinKeV;
        this.matrix = matrix;
        this.historiesPerEnergy = historiesPerEnergy;
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
        int energies = (int) Math.ceil((maxKeV - minKeV) / stepKeV) + 1;
        double binKeV = 1.0;
        int depositBins = (int) Math.ceil(minKeV + (energies - 1) * stepKeV) + 2;
        double[] matrix = new double[energies * depositBins];
        NaiCrystal.Scratch scratch = NaiCrystal.scratch();
        for (int i = 0; i < energies; i++) {
            double e = minKeV + i * stepKeV;
            UniformRandomProvider rng = BatchRandom.stream(seed, i);
            double w = 1.0 / historiesPerEnergy;
            int row = i * depositBins;
            for (int h = 0; h < historiesPerEnergy; h++) {
                double d = crystal.depositKeV(e, rng, scratch);
                if (d > 0) {
                    int b = (int) (d / binKeV);
                    matrix[row + Math.min(b, depositBins - 1)] += w;
                }
            }
        }
        return new CrystalResponse(minKeV, stepKeV, energies, depositBins, binKeV, matrix, historiesPerEnergy);
    }

    /** Photons simulated per incident energy. */
    public int historiesPerEnergy() {
        return historiesPerEnergy;
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

    /** Number of 1 keV deposit bins. */
    public int depositBins() {
        return depositBins;
    }

    /** Width of a deposit bin, keV. */
    public double depositBinKeV() {
        return depositBinKeV;
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

    /** Full-absorption (photopeak) fraction at an incident energy: deposits within 1 keV of it. */
    public double photopeakFraction(double energyKeV) {
        int i = energyIndex(energyKeV);
        double e = minKeV + i * stepKeV;
        int b = (int) (e / depositBinKeV);
        double p = 0;
        for (int k = Math.max(0, b - 1); k <= Math.min(depositBins - 1, b); k++) {
            p += probability(i, k);
        }
        return p;
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
            EnergyWindow window = windows.get(w);
            for (int b = 0; b < depositBins; b++) {
                double centre = (b + 0.5) * depositBinKeV;
                binAcceptance[b] = resolution.windowAcceptance(centre, window);
            }
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

    /**
     * Samples a deposited energy for an incident energy from the tabulated response (nearest grid
     * energy, scaled to the exact incident energy; uniform within the 1 keV bin).
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
                return (b + rng.nextDouble()) * depositBinKeV * (energyKeV / gridE);
            }
        }
        return 0;
    }
}
