package org.spectlab.core.material;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.spectlab.core.error.InputException;

/**
 * A homogeneous material: a name, a mass density (g/cm^3) and an elemental composition by mass
 * fraction. Fractions are renormalised to sum to exactly 1 when they sum to within 1% of 1
 * (published compositions are rounded); a larger discrepancy is an input error.
 *
 * @param name           identifier used in configurations, e.g. {@code "water"}, {@code "soft_tissue"}
 * @param densityGPerCm3 mass density, g/cm^3
 * @param composition    constituents sorted by atomic number, fractions summing to 1
 */
public record Material(String name, double densityGPerCm3, List<Constituent> composition) {

    /** Validates, sorts by Z, merges nothing (duplicate Z is an error) and normalises fractions. */
    public Material {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw InputException.field("material name", "must not be blank");
        }
        if (!(densityGPerCm3 > 0) || densityGPerCm3 > 30 || !Double.isFinite(densityGPerCm3)) {
            throw InputException.field("density of material '" + name + "'",
                    "must be in (0, 30] g/cm^3, got " + densityGPerCm3);
        }
        if (composition == null || composition.isEmpty()) {
            throw InputException.field("composition of material '" + name + "'", "needs at least one element");
        }
        List<Constituent> sorted = new ArrayList<>(composition);
        sorted.sort(Comparator.comparingInt(Constituent::atomicNumber));
        double sum = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0 && sorted.get(i).atomicNumber() == sorted.get(i - 1).atomicNumber()) {
                throw InputException.field("composition of material '" + name + "'",
                        "lists Z=" + sorted.get(i).atomicNumber() + " twice");
            }
            sum += sorted.get(i).massFraction();
        }
        if (Math.abs(sum - 1) > 0.01) {
            throw InputException.field("composition of material '" + name + "'",
                    "mass fractions sum to " + sum + ", must sum to 1 (within 1%)");
        }
        List<Constituent> normalised = new ArrayList<>(sorted.size());
        for (Constituent c : sorted) {
            normalised.add(new Constituent(c.atomicNumber(), c.massFraction() / sum));
        }
        composition = List.copyOf(normalised);
    }

    /** A material from its name, density and constituents (any order). */
    public static Material of(String name, double densityGPerCm3, List<Constituent> composition) {
        return new Material(name, densityGPerCm3, composition);
    }

    /** The same composition at another density (e.g. inflated lung), under another name. */
    public Material withDensity(String newName, double newDensityGPerCm3) {
        return new Material(newName, newDensityGPerCm3, composition);
    }

    /** Atomic numbers of the constituents, ascending. */
    public int[] atomicNumbers() {
        int[] z = new int[composition.size()];
        for (int i = 0; i < z.length; i++) {
            z[i] = composition.get(i).atomicNumber();
        }
        return z;
    }

    /** Mass fractions in the order of {@link #atomicNumbers()}. */
    public double[] massFractions() {
        double[] w = new double[composition.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = composition.get(i).massFraction();
        }
        return w;
    }
}
