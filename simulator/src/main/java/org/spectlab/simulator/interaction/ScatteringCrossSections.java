package org.spectlab.simulator.interaction;

import java.util.function.DoubleUnaryOperator;
import org.spectlab.core.units.PhysicalConstants;

/**
 * Differential and integrated photon scattering cross sections, as plain functions of the incident
 * energy (keV) and the cosine of the scattering angle.
 *
 * <ul>
 *   <li>Thomson and Klein-Nishina: per free electron, cm^2/sr (integrated: cm^2).</li>
 *   <li>Incoherent (Compton with binding): N_A * dsigma_KN/dOmega * S_mix(x), cm^2/(g sr).</li>
 *   <li>Coherent (Rayleigh): N_A * dsigma_Th/dOmega * F^2_mix(x), cm^2/(g sr).</li>
 * </ul>
 * Integrated per-gram cross sections are mass attenuation coefficients mu/rho (cm^2/g). x =
 * sin(theta/2)/lambda is taken with the incident wavelength (Hubbell et al. 1975 convention).
 * Approximations: unpolarised photons, no Doppler broadening, no anomalous scattering, no radiative
 * or double-Compton corrections, independent atoms (see {@link MaterialScatteringFunctions}).
 * Constants from {@link PhysicalConstants} (CODATA 2018).
 */
public final class ScatteringCrossSections {
    /** Lowest incident energy the samplers and tables support, keV. */
    public static final double MIN_ENERGY_KEV = 1.0;
    /** Highest incident energy the samplers and tables support, keV. */
    public static final double MAX_ENERGY_KEV = 3000.0;

    static final double ELECTRON_REST_KEV = PhysicalConstants.ELECTRON_REST_ENERGY_KEV;
    static final double RE2_CM2 = PhysicalConstants.CLASSICAL_ELECTRON_RADIUS_CM
            * PhysicalConstants.CLASSICAL_ELECTRON_RADIUS_CM;
    static final double INV_HC_PER_KEV_ANGSTROM = 1.0 / PhysicalConstants.HC_KEV_ANGSTROM;

    private ScatteringCrossSections() {
    }

    /** Thomson differential cross section r_e^2 (1 + cos^2)/2, cm^2/sr per electron. */
    public static double thomsonCm2PerSr(double cosTheta) {
        return 0.5 * RE2_CM2 * (1 + cosTheta * cosTheta);
    }

    /** Klein-Nishina differential cross section per free electron, cm^2/sr. */
    public static double kleinNishinaCm2PerSr(double energyKeV, double cosTheta) {
        double ratio = 1.0 / (1.0 + energyKeV / ELECTRON_REST_KEV * (1 - cosTheta));
        return 0.5 * RE2_CM2 * ratio * ratio * (ratio + 1.0 / ratio - (1 - cosTheta * cosTheta));
    }

    /** Klein-Nishina total cross section per free electron, cm^2 (closed form). */
    public static double kleinNishinaCm2(double energyKeV) {
        double k = energyKeV / ELECTRON_REST_KEV;
        double a = 1 + 2 * k;
        double log = Math.log(a);
        double term = (1 + k) / (k * k) * (2 * (1 + k) / a - log / k) + log / (2 * k) - (1 + 3 * k) / (a * a);
        return 2 * Math.PI * RE2_CM2 * term;
    }

    /** Energy of the Compton-scattered photon, keV: E / (1 + (E/mc^2)(1 - cos theta)). */
    public static double comptonEnergyKeV(double energyKeV, double cosTheta) {
        return energyKeV / (1 + energyKeV / ELECTRON_REST_KEV * (1 - cosTheta));
    }

    /** Momentum transfer x = sin(theta/2)/lambda, 1/angstrom, for incident energy E (keV). */
    public static double momentumTransferPerAngstrom(double energyKeV, double cosTheta) {
        double oneMinus = Math.max(0.0, 1 - cosTheta);
        return energyKeV * INV_HC_PER_KEV_ANGSTROM * Math.sqrt(0.5 * oneMinus);
    }

    /** Incoherent differential cross section N_A dsigma_KN/dOmega S_mix(x), cm^2/(g sr). */
    public static double incoherentCm2PerGSr(MaterialScatteringFunctions material, double energyKeV,
                                             double cosTheta) {
        double x = momentumTransferPerAngstrom(energyKeV, cosTheta);
        return PhysicalConstants.AVOGADRO_PER_MOL * kleinNishinaCm2PerSr(energyKeV, cosTheta)
                * material.incoherentFunctionMolPerG(x);
    }

    /** Coherent differential cross section N_A dsigma_Th/dOmega F^2_mix(x), cm^2/(g sr). */
    public static double coherentCm2PerGSr(MaterialScatteringFunctions material, double energyKeV,
                                           double cosTheta) {
        double x = momentumTransferPerAngstrom(energyKeV, cosTheta);
        return PhysicalConstants.AVOGADRO_PER_MOL * thomsonCm2PerSr(cosTheta)
                * material.squaredFormFactorMolPerG(x);
    }

    /**
     * Incoherent mass attenuation coefficient (integral of {@link #incoherentCm2PerGSr} over the
     * sphere), cm^2/g, by numerical quadrature of the tabulated functions (relative quadrature error
     * below 1e-5).
     */
    public static double incoherentCm2PerG(MaterialScatteringFunctions material, double energyKeV) {
        return 2 * Math.PI * AngularQuadrature.integrateOverCosTheta(energyKeV,
                c -> incoherentCm2PerGSr(material, energyKeV, c));
    }

    /** Coherent mass attenuation coefficient (integral of {@link #coherentCm2PerGSr}), cm^2/g. */
    public static double coherentCm2PerG(MaterialScatteringFunctions material, double energyKeV) {
        return 2 * Math.PI * AngularQuadrature.integrateOverCosTheta(energyKeV,
                c -> coherentCm2PerGSr(material, energyKeV, c));
    }

    /** Integral of f(cos theta) over cos theta in [-1, 1], using the momentum-transfer quadrature. */
    public static double integrateOverCosTheta(double energyKeV, DoubleUnaryOperator f) {
        return AngularQuadrature.integrateOverCosTheta(energyKeV, f);
    }

    static void checkEnergy(double energyKeV) {
        if (!(energyKeV >= MIN_ENERGY_KEV && energyKeV <= MAX_ENERGY_KEV)) {
            throw new IllegalArgumentException("photon energy must be in [" + MIN_ENERGY_KEV + ", "
                    + MAX_ENERGY_KEV + "] keV, got " + energyKeV);
        }
    }
}
