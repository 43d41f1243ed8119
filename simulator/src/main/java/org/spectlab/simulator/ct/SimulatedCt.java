package org.spectlab.simulator.ct;

import org.spectlab.core.grid.Volume;

/**
 * A simulated CT and the numbers that define its HU scale.
 *
 * @param hu                       CT numbers on the CT grid, unit {@code "HU"}
 * @param referenceEnergyKeV       energy whose water and air coefficients define the HU scale (the
 *                                 HVL-effective energy of the filtered beam, or the chosen effective energy)
 * @param muWaterPerCm             μ of water at the reference energy, 1/cm (0 HU)
 * @param muAirPerCm               μ of air at the reference energy, 1/cm (-1000 HU)
 * @param unattenuatedPhotonsPerRay photons per detector element per view with nothing in the beam
 * @param detectorBins             detector bins per view
 */
public record SimulatedCt(Volume hu, double referenceEnergyKeV, double muWaterPerCm, double muAirPerCm,
                          double unattenuatedPhotonsPerRay, int detectorBins) {

    /** HU of a linear attenuation coefficient (1/cm) on this CT's scale. */
    public double huOf(double muPerCm) {
        return 1000 * (muPerCm - muWaterPerCm) / (muWaterPerCm - muAirPerCm);
    }
}
