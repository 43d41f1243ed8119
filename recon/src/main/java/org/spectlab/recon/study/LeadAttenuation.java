package org.spectlab.recon.study;

import org.spectlab.core.error.InputException;

/**
 * Linear attenuation coefficient of lead (1/cm) between 60 and 1000 keV by log-log interpolation in
 * the NIST XCOM table (total with coherent scattering), used for the collimator's effective hole
 * length in the resolution model. Valid only in that range; the K edge at 88.0 keV is kept as a step.
 */
public final class LeadAttenuation {
    /**
     * Mass attenuation coefficient of lead with coherent scattering, cm²/g, at 60, 80, 88.0045- (below
     * the K edge), 88.0045+, 100, 150, 200, 300, 400, 500, 600, 800 and 1000 keV: NIST XCOM (Berger MJ
     * et al., XCOM: Photon Cross Sections Database, NIST Standard Reference Database 8), element 82.
     */
    private static final double[] LEAD_KEV = {60, 80, 88.0045, 88.0045, 100, 150, 200, 300, 400, 500, 600, 800, 1000};
    private static final double[] LEAD_MU_RHO = {5.021, 2.419, 1.910, 7.683, 5.549, 2.014, 0.9985, 0.4031, 0.2323,
        0.1614, 0.1248, 0.0887, 0.07102};
    /** Density of lead, g/cm³ (NIST XCOM / CRC Handbook). */
    private static final double LEAD_DENSITY = 11.35;

    private LeadAttenuation() {
    }

    /**
     * Linear attenuation of lead, 1/cm.
     *
     * @throws InputException naming the photopeak window when the energy is outside 60-1000 keV
     */
    public static double muPerCm(double energyKeV) {
        if (!(energyKeV >= LEAD_KEV[0] && energyKeV <= LEAD_KEV[LEAD_KEV.length - 1])) {
            throw InputException.field("photopeak window", "centre " + energyKeV + " keV is outside 60-1000 keV, "
                    + "where the collimator model has lead attenuation data");
        }
        int i = 0;
        while (energyKeV > LEAD_KEV[i + 1]) {
            i++;
        }
        if (LEAD_KEV[i + 1] == LEAD_KEV[i]) {
            i++;
        }
        double t = Math.log(energyKeV / LEAD_KEV[i]) / Math.log(LEAD_KEV[i + 1] / LEAD_KEV[i]);
        return LEAD_DENSITY * Math.exp(Math.log(LEAD_MU_RHO[i]) + t * Math.log(LEAD_MU_RHO[i + 1] / LEAD_MU_RHO[i]));
    }
}
