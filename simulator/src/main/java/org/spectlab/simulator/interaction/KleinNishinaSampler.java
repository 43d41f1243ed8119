package org.spectlab.simulator.interaction;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Compton scattering off a free electron at rest: samples the Klein-Nishina distribution of
 * epsilon = E'/E by the Butcher-Messel mixture-and-rejection method (J.C. Butcher and H. Messel, Nucl.
 * Phys. 20, 15 (1960); the form used in EGS4, W.R. Nelson et al., SLAC-265 (1985), section 2.9).
 *
 * <p>With k = E/m_e c^2 and epsilon_0 = 1/(1 + 2k), the Klein-Nishina density in epsilon is
 * proportional to (1/epsilon + epsilon) g(epsilon), g = 1 - epsilon sin^2(theta)/(1 + epsilon^2) in
 * [0, 1]. The sum 1/epsilon + epsilon on [epsilon_0, 1] is sampled as a mixture of its two terms
 * (weights ln(1/epsilon_0) and (1 - epsilon_0^2)/2), the candidate is accepted with probability g,
 * and cos theta = 1 - (1 - epsilon)/(k epsilon). The scattered energy is epsilon E, so
 * E' = E/(1 + k(1 - cos theta)) holds exactly. Efficiency is above 70% at SPECT energies. No binding,
 * no Doppler broadening (see {@link ComptonSampler} for bound electrons).
 */
public final class KleinNishinaSampler implements ScatteringAngleSampler {
    private static final KleinNishinaSampler INSTANCE = new KleinNishinaSampler();

    private KleinNishinaSampler() {
    }

    /** The (stateless) sampler. */
    public static KleinNishinaSampler of() {
        return INSTANCE;
    }

    @Override
    public void sample(UniformRandomProvider rng, double energyKeV, ScatteredPhoton out) {
        double k = energyKeV / ScatteringCrossSections.ELECTRON_REST_KEV;
        double eps = sampleEnergyRatio(rng, k);
        out.set(1 - (1 - eps) / (k * eps), eps * energyKeV);
    }

    /** Samples cos theta only. */
    public double sampleCosTheta(UniformRandomProvider rng, double energyKeV) {
        double k = energyKeV / ScatteringCrossSections.ELECTRON_REST_KEV;
        double eps = sampleEnergyRatio(rng, k);
        return 1 - (1 - eps) / (k * eps);
    }

    /**
     * Samples epsilon = E'/E for k = E/(m_e c^2) &gt; 0. Package-private building block of
     * {@link ComptonSampler}.
     */
    static double sampleEnergyRatio(UniformRandomProvider rng, double k) {
        double eps0 = 1.0 / (1 + 2 * k);
        double eps0Sq = eps0 * eps0;
        double alpha1 = -Math.log(eps0);
        double alphaSum = alpha1 + 0.5 * (1 - eps0Sq);
        while (true) {
            double eps;
            double epsSq;
            if (alpha1 > alphaSum * rng.nextDouble()) {
                eps = Math.exp(-alpha1 * rng.nextDouble());
                epsSq = eps * eps;
            } else {
                epsSq = eps0Sq + (1 - eps0Sq) * rng.nextDouble();
                eps = Math.sqrt(epsSq);
            }
            double oneMinusCos = (1 - eps) / (k * eps);
            double sinSq = oneMinusCos * (2 - oneMinusCos);
            double g = 1 - eps * sinSq / (1 + epsSq);
            if (g >= rng.nextDouble()) {
                return eps;
            }
        }
    }

    /** Normalised density of cos theta: 2 pi dsigma_KN/dOmega / sigma_KN (exact, closed form). */
    @Override
    public double angularPdf(double cosTheta, double energyKeV) {
        return 2 * Math.PI * ScatteringCrossSections.kleinNishinaCm2PerSr(energyKeV, cosTheta)
                / ScatteringCrossSections.kleinNishinaCm2(energyKeV);
    }

    /** Klein-Nishina differential cross section per electron, cm^2/sr. */
    public double differentialCrossSectionCm2PerSr(double cosTheta, double energyKeV) {
        return ScatteringCrossSections.kleinNishinaCm2PerSr(energyKeV, cosTheta);
    }

    /** Klein-Nishina total cross section per electron, cm^2. */
    public double crossSectionCm2(double energyKeV) {
        return ScatteringCrossSections.kleinNishinaCm2(energyKeV);
    }
}
