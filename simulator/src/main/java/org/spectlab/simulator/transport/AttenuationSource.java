package org.spectlab.simulator.transport;

/**
 * Supplies linear attenuation coefficients (1/cm) per material index, interaction process and
 * energy, for building {@link MaterialTables}. Called only while tables are built, never in
 * transport.
 */
@FunctionalInterface
public interface AttenuationSource {
    /** Process index of photoelectric absorption. */
    int PHOTOELECTRIC = 0;
    /** Process index of incoherent (Compton) scattering. */
    int INCOHERENT = 1;
    /** Process index of coherent (Rayleigh) scattering. */
    int COHERENT = 2;

    /**
     * @param material  material index, 0 to count-1
     * @param process   {@link #PHOTOELECTRIC}, {@link #INCOHERENT} or {@link #COHERENT}
     * @param energyKeV photon energy, keV
     * @return the linear attenuation coefficient of that process, 1/cm
     */
    double muPerCm(int material, int process, double energyKeV);
}
