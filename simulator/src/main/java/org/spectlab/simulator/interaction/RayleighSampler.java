package org.spectlab.simulator.interaction;

import org.apache.commons.rng.UniformRandomProvider;
import org.spectlab.core.material.Material;
import org.spectlab.core.units.PhysicalConstants;

/**
 * Coherent (Rayleigh) scattering: dsigma/dOmega = r_e^2 (1 + cos^2 theta)/2 * F^2_mix(x), sampled by
 * the standard method (as in EGS4 and PENELOPE): draw u = x^2 from the cumulative of F^2_mix truncated
 * at x_max^2 = (E/hc)^2, set cos theta = 1 - 2u/x_max^2, and accept with probability
 * (1 + cos^2 theta)/2 (efficiency at least 50%). This is exact because d(cos theta) is proportional to
 * du.
 *
 * <p>F^2_mix is tabulated once per material at the nodes of {@link MomentumTransferGrid} and taken as
 * piecewise linear in u between nodes; its cumulative is then piecewise quadratic and is inverted
 * exactly (no inversion-table error). Photon energy is unchanged. Approximations: independent atoms
 * (no molecular interference), no anomalous scattering factors, unpolarised photons.
 */
public final class RayleighSampler implements ScatteringAngleSampler {
    private final MaterialScatteringFunctions functions;
    /** u = x^2 at the grid nodes, 1/angstrom^2. */
    private final double[] u;
    /** F^2_mix at the nodes, mol/g. */
    private final double[] f2;
    /** Slope of F^2_mix in u on segment i. */
    private final double[] slope;
    /** Cumulative integral of F^2_mix du from 0 to u[i]. */
    private final double[] cumulative;
    private final EnergyTable crossSection;

    private RayleighSampler(MaterialScatteringFunctions functions) {
        this.functions = functions;
        double[] nodes = MomentumTransferGrid.NODES;
        int n = nodes.length;
        u = new double[n];
        f2 = new double[n];
        slope = new double[n];
        cumulative = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = nodes[i] * nodes[i];
            f2[i] = functions.squaredFormFactorMolPerG(nodes[i]);
        }
        for (int i = 0; i < n - 1; i++) {
            double du = u[i + 1] - u[i];
            slope[i] = (f2[i + 1] - f2[i]) / du;
            cumulative[i + 1] = cumulative[i] + 0.5 * (f2[i] + f2[i + 1]) * du;
        }
        crossSection = new EnergyTable(e -> 2 * Math.PI * AngularQuadrature.integrateOverCosTheta(e,
                c -> ScatteringCrossSections.thomsonCm2PerSr(c) * tabulatedSquaredFormFactor(e, c)));
    }

    /** The sampler for a material's mixture functions. */
    public static RayleighSampler of(MaterialScatteringFunctions functions) {
        return new RayleighSampler(functions);
    }

    /** The sampler for a material (independent-atom mixture of its elements). */
    public static RayleighSampler of(Material material) {
        return new RayleighSampler(MaterialScatteringFunctions.of(material));
    }

    /** The mixture functions this sampler was built from. */
    public MaterialScatteringFunctions functions() {
        return functions;
    }

    @Override
    public void sample(UniformRandomProvider rng, double energyKeV, ScatteredPhoton out) {
        double kx = energyKeV * ScatteringCrossSections.INV_HC_PER_KEV_ANGSTROM;
        double uMax = kx * kx;
        int top = segmentOf(kx, uMax);
        double cumulativeMax = cumulative[top] + partial(top, uMax - u[top]);
        double invUMax = 1.0 / uMax;
        while (true) {
            double target = rng.nextDouble() * cumulativeMax;
            int lo = 0;
            int hi = top + 1;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] <= target) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double rest = target - cumulative[lo];
            double a = f2[lo];
            double root = Math.sqrt(Math.max(0.0, a * a + 2 * slope[lo] * rest));
            double du = a + root > 0 ? 2 * rest / (a + root) : 0.0;
            double uSample = Math.min(u[lo] + du, uMax);
            double cos = 1 - 2 * uSample * invUMax;
            if (2 * rng.nextDouble() <= 1 + cos * cos) {
                out.set(cos, energyKeV);
                return;
            }
        }
    }

    @Override
    public double angularPdf(double cosTheta, double energyKeV) {
        return 2 * Math.PI * ScatteringCrossSections.thomsonCm2PerSr(cosTheta)
                * tabulatedSquaredFormFactor(energyKeV, cosTheta) / crossSection.value(energyKeV);
    }

    /** Coherent differential cross section, cm^2/(g sr), with the tabulated F^2_mix. */
    public double differentialCrossSectionCm2PerGSr(double cosTheta, double energyKeV) {
        return PhysicalConstants.AVOGADRO_PER_MOL * ScatteringCrossSections.thomsonCm2PerSr(cosTheta)
                * tabulatedSquaredFormFactor(energyKeV, cosTheta);
    }

    /** Coherent mass attenuation coefficient, cm^2/g (tabulated in energy, log-log interpolated). */
    public double crossSectionCm2PerG(double energyKeV) {
        return PhysicalConstants.AVOGADRO_PER_MOL * crossSection.value(energyKeV);
    }

    private double tabulatedSquaredFormFactor(double energyKeV, double cosTheta) {
        double x = ScatteringCrossSections.momentumTransferPerAngstrom(energyKeV, cosTheta);
        double uu = x * x;
        int i = segmentOf(x, uu);
        return f2[i] + slope[i] * (uu - u[i]);
    }

    /** Index i of the node segment [u[i], u[i+1]) that contains u = x^2 (clamped to the last segment). */
    private int segmentOf(double x, double uu) {
        int last = u.length - 2;
        if (x < MomentumTransferGrid.X_MIN) {
            return 0;
        }
        int i = 1 + (int) (Math.log(x / MomentumTransferGrid.X_MIN) * MomentumTransferGrid.INDEX_SCALE);
        // guard against rounding of the logarithm at node boundaries
        while (i > 0 && u[i] > uu) {
            i--;
        }
        while (i < last && u[i + 1] <= uu) {
            i++;
        }
        return Math.min(i, last);
    }

    private double partial(int i, double du) {
        return f2[i] * du + 0.5 * slope[i] * du * du;
    }
}
