package org.spectlab.simulator.xs;

import java.util.List;
import org.spectlab.core.error.InputException;
import org.spectlab.core.material.Constituent;
import org.spectlab.core.material.Material;

/**
 * Photon cross sections of a material by the mixture rule, (mu/rho) = sum_i w_i (mu/rho)_i with w_i the
 * mass fractions, from the XCOM element tables ({@link ElementCrossSections}; exact log-log interpolation,
 * never across an edge). Units: mass attenuation cm^2/g, linear attenuation 1/cm, energies keV.
 *
 * <p>Approximation: the mixture rule ignores chemical binding and molecular effects on coherent
 * scattering and near-edge structure, exactly as XCOM and the NIST compound tables do.
 * This is the accurate but slow path (a binary search and logarithms per call); the transport uses
 * {@link MaterialXsTable}.
 */
public final class MaterialCrossSections {

    private final Material material;
    private final ElementCrossSections[] elements;
    private final double[] massFractions;
    private final double minKeV;
    private final double maxKeV;

    private MaterialCrossSections(Material material) {
        this.material = material;
        List<Constituent> c = material.composition();
        this.elements = new ElementCrossSections[c.size()];
        this.massFractions = new double[c.size()];
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        for (int i = 0; i < c.size(); i++) {
            int z = c.get(i).atomicNumber();
            if (!ElementCrossSections.isAvailable(z)) {
                throw new InputException("material '" + material.name() + "' contains Z=" + z
                        + ", which has no bundled XCOM table; available elements: "
                        + ElementCrossSections.availableSymbols());
            }
            elements[i] = ElementCrossSections.of(z);
            massFractions[i] = c.get(i).massFraction();
            lo = Math.max(lo, elements[i].minEnergyKeV());
            hi = Math.min(hi, elements[i].maxEnergyKeV());
        }
        this.minKeV = lo;
        this.maxKeV = hi;
    }

    /**
     * Cross sections of a material.
     *
     * @throws InputException if an element of the material has no bundled table
     */
    public static MaterialCrossSections of(Material material) {
        return new MaterialCrossSections(material);
    }

    /** The material. */
    public Material material() {
        return material;
    }

    /** Mass density, g/cm^3. */
    public double densityGPerCm3() {
        return material.densityGPerCm3();
    }

    /** Lowest energy covered by every constituent's table, keV. */
    public double minEnergyKeV() {
        return minKeV;
    }

    /** Highest energy covered by every constituent's table, keV. */
    public double maxEnergyKeV() {
        return maxKeV;
    }

    /**
     * Mass attenuation coefficient of one process, cm^2/g.
     *
     * @throws InputException if the energy is outside the tables
     */
    public double massAttenuationCm2PerG(Process process, double energyKeV) {
        checkRange(energyKeV);
        double sum = 0;
        for (int i = 0; i < elements.length; i++) {
            sum += massFractions[i] * elements[i].massAttenuationCm2PerG(process, energyKeV);
        }
        return sum;
    }

    /** Total mass attenuation coefficient including coherent scattering (XCOM "total w/ coherent"), cm^2/g. */
    public double totalMassAttenuationCm2PerG(double energyKeV) {
        checkRange(energyKeV);
        double sum = 0;
        for (int i = 0; i < elements.length; i++) {
            sum += massFractions[i] * elements[i].totalMassAttenuationCm2PerG(energyKeV);
        }
        return sum;
    }

    /** Linear attenuation coefficient of one process, 1/cm (density times mass coefficient). */
    public double muPerCm(Process process, double energyKeV) {
        return material.densityGPerCm3() * massAttenuationCm2PerG(process, energyKeV);
    }

    /** Total linear attenuation coefficient including coherent scattering, 1/cm. */
    public double muPerCm(double energyKeV) {
        return material.densityGPerCm3() * totalMassAttenuationCm2PerG(energyKeV);
    }

    private void checkRange(double e) {
        if (!(e >= minKeV && e <= maxKeV)) {
            throw new InputException("energy " + ElementCrossSections.plain(e) + " keV is outside "
                    + ElementCrossSections.plain(minKeV) + "-" + ElementCrossSections.plain(maxKeV)
                    + " keV (range of the XCOM tables for material '" + material.name() + "')");
        }
    }
}
