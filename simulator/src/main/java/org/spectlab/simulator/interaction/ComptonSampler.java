package org.spectlab.simulator.interaction;

import org.apache.commons.rng.UniformRandomProvider;
import org.spectlab.core.material.Material;
import org.spectlab.core.units.PhysicalConstants;

/**
 * Incoherent (Compton) scattering on the bound electrons of a material, in the incoherent scattering
 * function (Waller-Hartree) approximation: dsigma/dOmega = dsigma_KN/dOmega * S_mix(x), the approach of
 * PENELOPE without Doppler broadening, GATE's "Livermore" Compton model without Doppler, and SIMIND.
 *
 * <p>Sampling: a Klein-Nishina candidate from {@link KleinNishinaSampler} is accepted with probability
 * S_mix(x)/S_bound, where x = (E/hc) sin(theta/2) and S_bound is the largest tabulated S_mix (its
 * large-x limit, the electrons per gram over N_A). The scattered energy is the free-electron Compton
 * energy E/(1 + (E/m_e c^2)(1 - cos theta)): there is no Doppler broadening and no binding-energy
 * shift. S_mix is tabulated once per material on {@link MomentumTransferGrid} and interpolated
 * linearly in ln x (O(1) per lookup); the density sampled and {@link #angularPdf} use that table.
 */
public final class ComptonSampler implements ScatteringAngleSampler {
    private final MaterialScatteringFunctions functions;
    private final double[] incoherentOnGrid;
    private final double inverseBound;
    private final EnergyTable crossSection;

    private ComptonSampler(MaterialScatteringFunctions functions) {
        this.functions = functions;
        double[] nodes = MomentumTransferGrid.NODES;
        incoherentOnGrid = new double[nodes.length];
        double max = functions.electronMolPerG();
        for (int i = 0; i < nodes.length; i++) {
            incoherentOnGrid[i] = functions.incoherentFunctionMolPerG(nodes[i]);
            max = Math.max(max, incoherentOnGrid[i]);
        }
        inverseBound = 1.0 / max;
        crossSection = new EnergyTable(e -> 2 * Math.PI * AngularQuadrature.integrateOverCosTheta(e,
                c -> ScatteringCrossSections.kleinNishinaCm2PerSr(e, c) * tabulatedIncoherent(e, c)));
    }

    /** The sampler for a material's mixture functions. */
    public static ComptonSampler of(MaterialScatteringFunctions functions) {
        return new ComptonSampler(functions);
    }

    /** The sampler for a material (independent-atom mixture of its elements). */
    public static ComptonSampler of(Material material) {
        return new ComptonSampler(MaterialScatteringFunctions.of(material));
    }

    /** The mixture functions this sampler was built from. */
    public MaterialScatteringFunctions functions() {
        return functions;
    }

    @Override
    public void sample(UniformRandomProvider rng, double energyKeV, ScatteredPhoton out) {
        double k = energyKeV / ScatteringCrossSections.ELECTRON_REST_KEV;
        double kx = energyKeV * ScatteringCrossSections.INV_HC_PER_KEV_ANGSTROM;
        while (true) {
            double eps = KleinNishinaSampler.sampleEnergyRatio(rng, k);
            double oneMinusCos = (1 - eps) / (k * eps);
            double x = kx * Math.sqrt(0.5 * oneMinusCos);
            if (rng.nextDouble() < incoherentAt(x) * inverseBound) {
                out.set(1 - oneMinusCos, eps * energyKeV);
                return;
            }
        }
    }

    @Override
    public double angularPdf(double cosTheta, double energyKeV) {
        return 2 * Math.PI * ScatteringCrossSections.kleinNishinaCm2PerSr(energyKeV, cosTheta)
                * tabulatedIncoherent(energyKeV, cosTheta) / crossSection.value(energyKeV);
    }

    /** Incoherent differential cross section, cm^2/(g sr), with the tabulated S_mix. */
    public double differentialCrossSectionCm2PerGSr(double cosTheta, double energyKeV) {
        return PhysicalConstants.AVOGADRO_PER_MOL * ScatteringCrossSections.kleinNishinaCm2PerSr(energyKeV, cosTheta)
                * tabulatedIncoherent(energyKeV, cosTheta);
    }

    /** Incoherent mass attenuation coefficient, cm^2/g (tabulated in energy, log-log interpolated). */
    public double crossSectionCm2PerG(double energyKeV) {
        return PhysicalConstants.AVOGADRO_PER_MOL * crossSection.value(energyKeV);
    }

    private double tabulatedIncoherent(double energyKeV, double cosTheta) {
        return incoherentAt(ScatteringCrossSections.momentumTransferPerAngstrom(energyKeV, cosTheta));
    }

    /** S_mix(x) from the grid table, mol/g. */
    double incoherentAt(double x) {
        double[] s = incoherentOnGrid;
        if (x < MomentumTransferGrid.X_MIN) {
            return s[1] * (x / MomentumTransferGrid.X_MIN);
        }
        double t = Math.log(x / MomentumTransferGrid.X_MIN) * MomentumTransferGrid.INDEX_SCALE;
        int i = (int) t;
        if (i >= s.length - 2) {
            return s[s.length - 1];
        }
        double f = t - i;
        return s[i + 1] + f * (s[i + 2] - s[i + 1]);
    }
}
