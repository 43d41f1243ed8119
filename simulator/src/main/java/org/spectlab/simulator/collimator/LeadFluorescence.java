package org.spectlab.simulator.collimator;

import org.apache.commons.rng.UniformRandomProvider;
import org.spectlab.simulator.xs.ElementCrossSections;
import org.spectlab.simulator.xs.Process;

/**
 * Lead K-shell fluorescence after photoabsorption in the septa.
 *
 * <p>Above the K edge, the K-shell share of lead photoabsorption is (J - 1)/J with J the jump ratio
 * of the XCOM photoelectric table at the edge (88.0045 keV). A K vacancy is filled radiatively with
 * the K fluorescence yield ω_K = 0.963 (Krause, J. Phys. Chem. Ref. Data 8, 307 (1979); Hubbell et
 * al., J. Phys. Chem. Ref. Data 23, 339 (1994) give 0.96). Line energies (Deslattes et al., Rev.
 * Mod. Phys. 75, 35 (2003)): Kα2 72.80, Kα1 74.97, Kβ1' 84.94 (Kβ1 with the unresolved Kβ3 at
 * 84.45 keV merged into it) and Kβ2' 87.30 keV. Relative intensities Kα2 : Kα1 : Kβ1' : Kβ2' =
 * 59.6 : 100 : 33.9 : 9.9 (Salem, Panossian &amp; Krause, At. Data Nucl. Data Tables 14, 91 (1974),
 * as adjusted in the Table of Isotopes, 7th ed. (1978), Appendix table of K x-rays; Scofield's
 * Dirac-Hartree-Slater ratios, At. Data Nucl. Data Tables 14, 121 (1974), agree within ~5 %).
 *
 * <p>Approximations: the x-ray is emitted isotropically at the absorption point; L-shell
 * fluorescence (10-15 keV, mean free path in lead &lt; 0.02 mm) and Auger cascades deposit
 * locally; no satellite lines.
 */
final class LeadFluorescence {
    /** Lead K-edge energy in the XCOM table, keV. */
    static final double K_EDGE_KEV = 88.0045;
    /** Lead K-shell fluorescence yield (Krause 1979). */
    static final double OMEGA_K = 0.963;
    /** Kα2, Kα1, Kβ1', Kβ2' energies, keV (Deslattes et al. 2003). */
    static final double[] LINE_KEV = {72.80, 74.97, 84.94, 87.30};
    private static final double[] RELATIVE = {59.6, 100.0, 33.9, 9.9};
    private static final double[] CUMULATIVE = new double[LINE_KEV.length];

    static {
        double sum = 0;
        for (double r : RELATIVE) {
            sum += r;
        }
        double c = 0;
        for (int i = 0; i < RELATIVE.length; i++) {
            c += RELATIVE[i] / sum;
            CUMULATIVE[i] = c;
        }
        CUMULATIVE[RELATIVE.length - 1] = 1.0;
    }

    private final double emissionProbability;

    private LeadFluorescence() {
        ElementCrossSections lead = ElementCrossSections.of(82);
        double above = lead.massAttenuationCm2PerG(Process.PHOTOELECTRIC, K_EDGE_KEV + 1e-6);
        double below = lead.massAttenuationCm2PerG(Process.PHOTOELECTRIC, K_EDGE_KEV - 1e-6);
        double jump = above / below;
        this.emissionProbability = (jump - 1) / jump * OMEGA_K;
    }

    static LeadFluorescence create() {
        return new LeadFluorescence();
    }

    /** Probability that a photoabsorption above the K edge emits a K x-ray: (J-1)/J · ω_K. */
    double emissionProbability() {
        return emissionProbability;
    }

    /** Samples one K line energy, keV, from the relative intensities. */
    static double sampleLineKeV(double u) {
        for (int i = 0; i < CUMULATIVE.length - 1; i++) {
            if (u < CUMULATIVE[i]) {
                return LINE_KEV[i];
            }
        }
        return LINE_KEV[LINE_KEV.length - 1];
    }

    /** Draws whether this photoabsorption at {@code energyKeV} emits a K x-ray. */
    boolean emits(double energyKeV, UniformRandomProvider rng) {
        return energyKeV > K_EDGE_KEV && rng.nextDouble() < emissionProbability;
    }
}
