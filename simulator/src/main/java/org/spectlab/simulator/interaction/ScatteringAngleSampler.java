package org.spectlab.simulator.interaction;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Samples the polar angle (and scattered energy) of one photon scattering process, and gives that
 * process's normalised angular density. The azimuth is uniform for unpolarised photons and is left to
 * the caller. Implementations are immutable and thread-safe; the randomness comes from the caller's
 * provider, so a transport thread owns its stream.
 */
public interface ScatteringAngleSampler {

    /**
     * Samples one scattering of a photon of the given energy into {@code out}; allocates nothing.
     *
     * @param rng       the caller's random stream
     * @param energyKeV incident energy, keV, within the supported range of {@link ScatteringCrossSections}
     * @param out       overwritten with cos theta and the scattered energy
     */
    void sample(UniformRandomProvider rng, double energyKeV, ScatteredPhoton out);

    /**
     * Probability density of cos theta for this process, normalised over cos theta in [-1, 1]: the
     * angular pdf a forced-detection weight needs.
     */
    double angularPdf(double cosTheta, double energyKeV);
}
