package org.spectlab.simulator.spect;

import org.spectlab.simulator.crystal.CrystalResponse;
import org.spectlab.simulator.detector.EnergyResolution;

/** Turns spectra of photons reaching the crystal into measured-energy spectra (1 keV bins). */
final class Spectra {
    private Spectra() {
    }

    /**
     * Folds an incident-energy spectrum (1 keV bins, bin e = [e, e+1) keV) with the crystal's
     * deposition matrix and the Gaussian energy resolution.
     */
    static double[] measured(double[] incident, CrystalResponse crystal, EnergyResolution resolution) {
        int n = incident.length;
        double[] deposited = new double[crystal.depositBins()];
        for (int e = 0; e < n; e++) {
            if (incident[e] == 0) {
                continue;
            }
            int row = crystal.energyIndex(e + 0.5);
            for (int d = 0; d < deposited.length; d++) {
                double p = crystal.probability(row, d);
                if (p != 0) {
                    deposited[d] += incident[e] * p;
                }
            }
        }
        double[] measured = new double[n];
        for (int d = 0; d < deposited.length; d++) {
            if (deposited[d] == 0) {
                continue;
            }
            double centre = (d + 0.5) * crystal.depositBinKeV();
            double sigma = resolution.sigmaKeV(centre);
            int lo = Math.max(0, (int) (centre - 5 * sigma));
            int hi = Math.min(n - 1, (int) (centre + 5 * sigma) + 1);
            double norm = 0;
            for (int m = lo; m <= hi; m++) {
                double z = (m + 0.5 - centre) / sigma;
                norm += Math.exp(-0.5 * z * z);
            }
            for (int m = lo; m <= hi; m++) {
                double z = (m + 0.5 - centre) / sigma;
                measured[m] += deposited[d] * Math.exp(-0.5 * z * z) / norm;
            }
        }
        return measured;
    }
}
