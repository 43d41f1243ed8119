package org.spectlab.validation.suite;

import java.util.Objects;

/**
 * One measured quantity of a validation case and its verdict.
 *
 * @param name        short name, unique within its case, e.g. {@code "mu_rho_150keV"}
 * @param unit        unit of value and reference, e.g. {@code "cm^2/g"}, {@code "1"} for dimensionless
 * @param value       the measured (computed or simulated) value
 * @param uncertainty standard uncertainty (k=1) of the value when it is statistical, else 0
 * @param reference   reference value, uncertainty and source
 * @param tolerance   the acceptance bound and its rationale
 */
public record Quantity(String name, String unit, double value, double uncertainty, Reference reference,
                       Tolerance tolerance) {

    /** Validates names and a non-negative uncertainty. */
    public Quantity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(tolerance, "tolerance");
        if (!(uncertainty >= 0)) {
            throw new IllegalArgumentException("uncertainty of " + name + " must be >= 0, got " + uncertainty);
        }
    }

    /** A deterministic quantity (no statistical uncertainty). */
    public static Quantity of(String name, String unit, double value, Reference reference, Tolerance tolerance) {
        return new Quantity(name, unit, value, 0.0, reference, tolerance);
    }

    /** A statistical quantity with its own standard uncertainty. */
    public static Quantity of(String name, String unit, double value, double uncertainty, Reference reference,
                              Tolerance tolerance) {
        return new Quantity(name, unit, value, uncertainty, reference, tolerance);
    }

    /** A copy with another reference (e.g. to test that a wrong reference fails). */
    public Quantity withReference(Reference newReference) {
        return new Quantity(name, unit, value, uncertainty, newReference, tolerance);
    }

    /** Deviation in the tolerance's measure (absolute, relative or z-score). */
    public double deviation() {
        return tolerance.deviation(value, uncertainty, reference.value(), reference.standardUncertainty());
    }

    /** True when the value agrees with the reference within the tolerance. */
    public boolean passed() {
        return tolerance.accepts(value, uncertainty, reference.value(), reference.standardUncertainty());
    }
}
