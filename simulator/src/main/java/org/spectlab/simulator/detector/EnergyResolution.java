package org.spectlab.simulator.detector;

import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.spectlab.core.error.InputException;
import org.spectlab.core.projection.EnergyWindow;

/**
 * Energy resolution of a NaI(Tl) detector: the deposited energy is blurred by a Gaussian whose FWHM
 * depends on the energy. Two forms:
 * <ul>
 *   <li>Poisson-limited: FWHM(E) = f_ref · E_ref · sqrt(E / E_ref), with f_ref the fractional FWHM
 *       at E_ref (e.g. 9.9 % at 140.5 keV for a clinical camera);</li>
 *   <li>measured fit: FWHM(E) = a + b · sqrt(E + c E²) (keV), the form used to fit measured
 *       resolution over a wide energy range (e.g. by GATE/Geant4 users and in SIMIND's energy
 *       resolution option).</li>
 * </ul>
 * Approximation: the line shape is Gaussian (no low-energy tail from incomplete light collection).
 *
 * @param a FWHM offset, keV
 * @param b coefficient of the square root, keV^(1/2)
 * @param c quadratic coefficient inside the square root, 1/keV
 */
public record EnergyResolution(double a, double b, double c) {
    private static final double FWHM_TO_SIGMA = 1.0 / (2.0 * Math.sqrt(2.0 * Math.log(2.0)));

    /** Validates that the FWHM is positive over 10 keV to 1 MeV. */
    public EnergyResolution {
        for (double e = 10; e <= 1000; e *= 1.5) {
            double f = a + b * Math.sqrt(e + c * e * e);
            if (!(f > 0) || !Double.isFinite(f)) {
                throw InputException.field("energy resolution", "FWHM must be positive from 10 keV to 1 MeV; a="
                        + a + ", b=" + b + ", c=" + c + " gives " + f + " keV at " + e + " keV");
            }
        }
    }

    /** Poisson-limited resolution with the given fractional FWHM (e.g. 0.099) at a reference energy. */
    public static EnergyResolution sqrtLaw(double fractionalFwhmAtRef, double referenceKeV) {
        if (!(fractionalFwhmAtRef > 0) || fractionalFwhmAtRef > 1 || !(referenceKeV > 0)) {
            throw InputException.field("energy resolution", "needs 0 < FWHM fraction <= 1 and a positive reference "
                    + "energy, got " + fractionalFwhmAtRef + " at " + referenceKeV + " keV");
        }
        // FWHM = f E_ref sqrt(E/E_ref) = (f sqrt(E_ref)) sqrt(E)
        return new EnergyResolution(0, fractionalFwhmAtRef * Math.sqrt(referenceKeV), 0);
    }

    /** The measured-fit form FWHM = a + b sqrt(E + c E^2). */
    public static EnergyResolution fit(double a, double b, double c) {
        return new EnergyResolution(a, b, c);
    }

    /** FWHM at an energy, keV. */
    public double fwhmKeV(double energyKeV) {
        return a + b * Math.sqrt(energyKeV + c * energyKeV * energyKeV);
    }

    /** Standard deviation of the Gaussian at an energy, keV. */
    public double sigmaKeV(double energyKeV) {
        return fwhmKeV(energyKeV) * FWHM_TO_SIGMA;
    }

    /**
     * Probability that an event depositing {@code energyKeV} is measured inside the window
     * (expected value used by forced detection): Φ((U - E)/σ) - Φ((L - E)/σ).
     */
    public double windowAcceptance(double energyKeV, EnergyWindow window) {
        double s = sigmaKeV(energyKeV) * Math.sqrt(2.0);
        return 0.5 * (Erf.value((window.upperKeV() - energyKeV) / s) - Erf.value((window.lowerKeV() - energyKeV) / s));
    }

    /** A sampler of measured energies (analog mode); keeps no per-call state besides the RNG. */
    public Sampler sampler(UniformRandomProvider rng) {
        return new Sampler(this, ZigguratSampler.NormalizedGaussian.of(rng));
    }

    /** Samples measured energies for deposited energies. */
    public static final class Sampler {
        private final EnergyResolution resolution;
        private final ZigguratSampler.NormalizedGaussian gauss;

        private Sampler(EnergyResolution resolution, ZigguratSampler.NormalizedGaussian gauss) {
            this.resolution = resolution;
            this.gauss = gauss;
        }

        /** A measured energy for a deposited energy, keV. */
        public double measuredKeV(double depositedKeV) {
            return depositedKeV + resolution.sigmaKeV(depositedKeV) * gauss.sample();
        }
    }
}
