package org.spectlab.simulator.interaction;

import java.util.List;
import org.spectlab.core.error.InputException;
import org.spectlab.core.material.Constituent;
import org.spectlab.core.material.Material;

/**
 * Squared form factor and incoherent scattering function of a material per unit mass, in the
 * independent-atom approximation (mixture rule):
 * <pre>
 *   F^2_mix(x) = sum_i (w_i / A_i) F_i^2(x)     S_mix(x) = sum_i (w_i / A_i) S_i(x)     [mol/g]
 * </pre>
 * with w_i the mass fractions and A_i the standard atomic weights (g/mol). Multiplied by Avogadro's
 * number and a per-electron differential cross section, they give differential cross sections per
 * gram. The approximation ignores molecular interference (the coherent scattering of water or tissue
 * at small angles differs measurably from the sum over free atoms) and chemical binding in S; it is the
 * rule used by XCOM and by most transport codes. Immutable.
 */
public final class MaterialScatteringFunctions {
    private final String name;
    private final ElementScatteringFunctions[] elements;
    private final double[] molPerG;
    private final double electronMolPerG;

    private MaterialScatteringFunctions(String name, ElementScatteringFunctions[] elements, double[] molPerG) {
        this.name = name;
        this.elements = elements;
        this.molPerG = molPerG;
        double electrons = 0;
        for (int i = 0; i < elements.length; i++) {
            electrons += molPerG[i] * elements[i].atomicNumber();
        }
        this.electronMolPerG = electrons;
    }

    /**
     * The mixture functions of a material.
     *
     * @throws InputException if the material contains an element without a shipped table
     */
    public static MaterialScatteringFunctions of(Material material) {
        List<Constituent> composition = material.composition();
        int[] z = new int[composition.size()];
        double[] w = new double[composition.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = composition.get(i).atomicNumber();
            w[i] = composition.get(i).massFraction();
        }
        return of(material.name(), z, w);
    }

    /** The functions of a pure element (mass fraction 1). */
    public static MaterialScatteringFunctions ofElement(int atomicNumber) {
        return of("Z=" + atomicNumber, new int[] {atomicNumber}, new double[] {1.0});
    }

    /**
     * The mixture functions from atomic numbers and mass fractions (fractions are used as given).
     *
     * @throws InputException if an element has no shipped table or a fraction is not positive
     */
    public static MaterialScatteringFunctions of(String name, int[] atomicNumbers, double[] massFractions) {
        if (atomicNumbers.length == 0 || atomicNumbers.length != massFractions.length) {
            throw InputException.field("composition of material '" + name + "'",
                    "needs as many mass fractions as elements, and at least one element");
        }
        ElementScatteringFunctions[] elements = new ElementScatteringFunctions[atomicNumbers.length];
        double[] molPerG = new double[atomicNumbers.length];
        for (int i = 0; i < atomicNumbers.length; i++) {
            int z = atomicNumbers[i];
            if (!ElementScatteringFunctions.isSupported(z)) {
                throw InputException.field("composition of material '" + name + "'",
                        "Z=" + z + " has no form-factor/scattering-function table; supported: "
                                + ElementScatteringFunctions.supportedList());
            }
            if (!(massFractions[i] > 0)) {
                throw InputException.field("mass fraction of Z=" + z + " in material '" + name + "'",
                        "must be > 0, got " + massFractions[i]);
            }
            elements[i] = ElementScatteringFunctions.of(z);
            molPerG[i] = massFractions[i] / elements[i].atomicWeightGPerMol();
        }
        return new MaterialScatteringFunctions(name, elements, molPerG);
    }

    /** The material's name. */
    public String name() {
        return name;
    }

    /** Sum of (w_i/A_i) F_i^2(x), mol/g; x in 1/angstrom. */
    public double squaredFormFactorMolPerG(double xPerAngstrom) {
        double sum = 0;
        for (int i = 0; i < elements.length; i++) {
            double f = elements[i].formFactor(xPerAngstrom);
            sum += molPerG[i] * f * f;
        }
        return sum;
    }

    /** Sum of (w_i/A_i) S_i(x), mol/g; x in 1/angstrom. Tends to {@link #electronMolPerG()} at large x. */
    public double incoherentFunctionMolPerG(double xPerAngstrom) {
        double sum = 0;
        for (int i = 0; i < elements.length; i++) {
            sum += molPerG[i] * elements[i].incoherentFunction(xPerAngstrom);
        }
        return sum;
    }

    /** Electrons per gram divided by Avogadro's number: sum of w_i Z_i / A_i, mol/g. */
    public double electronMolPerG() {
        return electronMolPerG;
    }
}
