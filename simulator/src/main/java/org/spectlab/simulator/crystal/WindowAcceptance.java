package org.spectlab.simulator.crystal;

/**
 * Expected probability that a photon reaching the crystal with a given energy is counted in each
 * energy window (crystal deposition and energy resolution combined), tabulated on a uniform energy
 * grid and interpolated linearly. Built by {@link CrystalResponse#windowAcceptance}.
 */
public final class WindowAcceptance {
    private final double minKeV;
    private final double inverseStep;
    private final int energies;
    private final int windows;
    private final double[] table;

    WindowAcceptance(double minKeV, double stepKeV, int energies, int windows, double[] table) {
        this.minKeV = minKeV;
        this.inverseStep = 1.0 / stepKeV;
        this.energies = energies;
        this.windows = windows;
        this.table = table;
    }

    /** Number of windows. */
    public int windows() {
        return windows;
    }

    /** Probability of being counted in window {@code w} for incident energy {@code energyKeV}. */
    public double acceptance(int w, double energyKeV) {
        double x = (energyKeV - minKeV) * inverseStep;
        if (x <= 0) {
            return table[w * energies];
        }
        int i = (int) x;
        if (i >= energies - 1) {
            return table[w * energies + energies - 1];
        }
        double f = x - i;
        int k = w * energies + i;
        return table[k] + f * (table[k + 1] - table[k]);
    }

    /** Largest acceptance of any window at this energy (used to skip contributions that count nowhere). */
    public double maxAcceptance(double energyKeV) {
        double m = 0;
        for (int w = 0; w < windows; w++) {
            m = Math.max(m, acceptance(w, energyKeV));
        }
        return m;
    }
}
