package org.spectlab.simulator.spect;

import org.spectlab.simulator.crystal.CrystalResponse;
import org.spectlab.simulator.detector.EnergyResolution;

/** Turns spectra of photons reaching the crystal into measured-energy spectra (1 keV bins). */
final class Spectra {
    private Spectra() {
    }

    /**
     * Folds an incident-energy spectrum (1 keV bins, bin e = [e, e+1) keV) with the crystal's
     * deposition matrix and the Gaussian energy resolution. Each incident bin uses the deposits of
     * the nearest tabulated energy scaled to its centre, like {@code CrystalResponse.sampleDepositKeV}
     * in analog mode (without the scaling, the photopeak sat up to 1 keV high). Deposit bins are
     * centred on whole keV ({@link CrystalResponse#depositBinCentreKeV}); the measured spectrum has the
     * incident spectrum's bins, bin m = [m, m+1) keV with centre m + 0.5.
     */
    static double[] measured(double[] incident, CrystalResponse crystal, EnergyResolution resolution) {
        int n = incident.length;
        double[] measured = new double[n];
        for (int e = 0; e < n; e++) {
            if (incident[e] == 0) {
                continue;
            }
            double energy = e + 0.5;
            int row = crystal.energyIndex(energy);
            // deposits of the nearest grid energy, scaled to this energy (as the analog sampler does)
            double scale = energy / crystal.gridEnergyKeV(row);
            for (int d = 0; d < crystal.depositBins(); d++) {
                double p = crystal.probability(row, d);
                if (p != 0) {
                    spread(measured, incident[e] * p, crystal.depositBinCentreKeV(d) * scale, resolution);
                }
            }
        }
        return measured;
    }

    /** Adds {@code amount} deposited at {@code centreKeV}, spread by the Gaussian energy resolution. */
    private static void spread(double[] measured, double amount, double centreKeV, EnergyResolution resolution) {
        int n = measured.length;
        double sigma = resolution.sigmaKeV(centreKeV);
        int lo = Math.max(0, (int) (centreKeV - 5 * sigma));
        int hi = Math.min(n - 1, (int) (centreKeV + 5 * sigma) + 1);
        double norm = 0;
        for (int m = lo; m <= hi; m++) {
            double z = (m + 0.5 - centreKeV) / sigma;
            norm += Math.exp(-0.5 * z * z);
        }
        for (int m = lo; m <= hi; m++) {
            double z = (m + 0.5 - centreKeV) / sigma;
            measured[m] += amount * Math.exp(-0.5 * z * z) / norm;
        }
    }
}
