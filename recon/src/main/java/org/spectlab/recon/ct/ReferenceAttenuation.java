package org.spectlab.recon.ct;

import org.spectlab.core.error.InputException;

/**
 * Nominal mass attenuation coefficients of water and cortical bone that the reconstruction uses to
 * turn CT numbers into attenuation maps (its own small table: recon never reads the simulator's
 * cross sections).
 *
 * <p>Source: NIST XCOM (Berger, Hubbell, Seltzer et al., NIST Standard Reference Database 8), total
 * attenuation with coherent scattering, cm^2/g, by the mixture rule for liquid water (H 0.111898,
 * O 0.888102) and ICRU-44 cortical bone (Hubbell &amp; Seltzer, NISTIR 5632, Table 2; density
 * 1.92 g/cm^3), at the CT effective energies 30-100 keV and at the SPECT emission lines (Tl-201 Hg
 * x-rays ~71, Ga-67 93.3/184.6/300.2, Tc-99m 140.5, I-123 159.0, Tl-201 167.4, In-111 171.3/245.4,
 * Lu-177 208.4, I-131 364.5, Cs-137 661.7 keV) up to 800 keV, so every main line of the nuclide library
 * (also Co-57 122.1/136.5, Ba-133 81.0/356.0, Ga-67 393.5, I-131 637.0 keV) is covered; above 800 keV the
 * conversion refuses with an error naming the energy. Between nodes the table is interpolated linearly in
 * log-log (error &lt; 0.3% between these nodes above 40 keV, where neither material has an absorption edge).
 */
public final class ReferenceAttenuation {
    /** Density of ICRU-44 cortical bone, g/cm^3. */
    public static final double CORTICAL_BONE_DENSITY_G_PER_CM3 = 1.92;

    private static final double[] ENERGY_KEV = {30, 35, 40, 45, 50, 55, 60, 65, 70, 71, 75, 80, 90, 93.3, 100, 120,
        140.5, 150, 159, 167.4, 171.3, 184.6, 200, 208.4, 245.4, 300.2, 364.5, 400, 500, 600, 661.7, 700, 800};
    private static final double[] WATER_CM2_PER_G = {0.37557, 0.30686, 0.26829, 0.24334, 0.22693, 0.21478, 0.20587,
        0.19842, 0.19250, 0.19146, 0.18768, 0.18366, 0.17638, 0.17436, 0.17073, 0.16084, 0.15339, 0.15052, 0.14762,
        0.14513, 0.14404, 0.14058, 0.13702, 0.13500, 0.12734, 0.11861, 0.11001, 0.10614, 0.096870, 0.089561, 0.085690,
        0.083539, 0.078657};
    private static final double[] BONE_CM2_PER_G = {1.3309, 0.90455, 0.66555, 0.51840, 0.42420, 0.35980, 0.31483,
        0.28145, 0.25661, 0.25241, 0.23766, 0.22289, 0.20064, 0.19504, 0.18554, 0.16512, 0.15240, 0.14804, 0.14407,
        0.14080, 0.13940, 0.13511, 0.13088, 0.12860, 0.12029, 0.11131, 0.10283, 0.099081, 0.090222, 0.083319, 0.079677,
        0.077656, 0.073079};

    private ReferenceAttenuation() {
    }

    /** Lowest tabulated energy, keV. */
    public static double minEnergyKeV() {
        return ENERGY_KEV[0];
    }

    /** Highest tabulated energy, keV. */
    public static double maxEnergyKeV() {
        return ENERGY_KEV[ENERGY_KEV.length - 1];
    }

    /** Linear attenuation coefficient of water (1.0 g/cm^3), 1/cm. */
    public static double waterMuPerCm(double energyKeV) {
        return interpolate(WATER_CM2_PER_G, energyKeV);
    }

    /** Linear attenuation coefficient of ICRU-44 cortical bone (1.92 g/cm^3), 1/cm. */
    public static double corticalBoneMuPerCm(double energyKeV) {
        return CORTICAL_BONE_DENSITY_G_PER_CM3 * interpolate(BONE_CM2_PER_G, energyKeV);
    }

    private static double interpolate(double[] table, double e) {
        if (!(e >= ENERGY_KEV[0] && e <= ENERGY_KEV[ENERGY_KEV.length - 1])) {
            throw InputException.field("energy (keV)", "must be " + ENERGY_KEV[0] + " to "
                    + ENERGY_KEV[ENERGY_KEV.length - 1] + " keV for CT-based attenuation, got " + e);
        }
        int hi = 1;
        while (hi < ENERGY_KEV.length - 1 && ENERGY_KEV[hi] < e) {
            hi++;
        }
        int lo = hi - 1;
        double f = Math.log(e / ENERGY_KEV[lo]) / Math.log(ENERGY_KEV[hi] / ENERGY_KEV[lo]);
        return Math.exp(Math.log(table[lo]) + f * Math.log(table[hi] / table[lo]));
    }
}
