package org.spectlab.simulator.interaction;

/**
 * Caller-owned, reusable result of one scattering sample: the cosine of the polar scattering angle
 * and the scattered photon's energy in keV. Samplers overwrite it instead of allocating, so a transport
 * loop keeps one instance per thread. Not thread-safe; not a value type.
 */
public final class ScatteredPhoton {
    private double cosTheta;
    private double energyKeV;

    /** A holder, initially cos theta = 1 and energy 0. */
    public ScatteredPhoton() {
        this.cosTheta = 1;
    }

    /** Cosine of the polar scattering angle, in [-1, 1]. */
    public double cosTheta() {
        return cosTheta;
    }

    /** Energy of the scattered photon, keV. */
    public double energyKeV() {
        return energyKeV;
    }

    void set(double newCosTheta, double newEnergyKeV) {
        this.cosTheta = newCosTheta;
        this.energyKeV = newEnergyKeV;
    }
}
