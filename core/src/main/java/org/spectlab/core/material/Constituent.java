package org.spectlab.core.material;

import org.spectlab.core.error.InputException;

/**
 * One element of a material and its share of the material's mass.
 *
 * @param atomicNumber Z, 1 to 100
 * @param massFraction fraction of the material's mass, in (0, 1]
 */
public record Constituent(int atomicNumber, double massFraction) {

    /** Validates Z and the mass fraction. */
    public Constituent {
        if (atomicNumber < 1 || atomicNumber > 100) {
            throw InputException.field("atomic number", "must be 1 to 100, got " + atomicNumber);
        }
        if (!(massFraction > 0) || massFraction > 1 + 1e-9) {
            throw InputException.field("mass fraction of Z=" + atomicNumber, "must be in (0, 1], got " + massFraction);
        }
    }

    /** A constituent. */
    public static Constituent of(int atomicNumber, double massFraction) {
        return new Constituent(atomicNumber, massFraction);
    }
}
