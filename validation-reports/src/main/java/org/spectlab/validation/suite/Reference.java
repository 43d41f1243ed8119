package org.spectlab.validation.suite;

import java.util.Objects;

/**
 * The reference a measured quantity is compared with: a value, its standard uncertainty (k=1; zero
 * when the reference is exact, e.g. a closed-form expression) and a citation of where it comes from
 * (publication, datasheet, NIST table, analytic formula).
 *
 * @param value                reference value, in the unit of the quantity
 * @param standardUncertainty  standard uncertainty (k=1) of the value, same unit, &gt;= 0
 * @param source               citation, e.g. {@code "NIST NISTIR 5632 (Hubbell & Seltzer 1995), Table 4"}
 */
public record Reference(double value, double standardUncertainty, String source) {

    /** Validates a finite value, a finite non-negative uncertainty and a non-blank source. */
    public Reference {
        Objects.requireNonNull(source, "source");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("reference value must be finite, got " + value);
        }
        if (!(standardUncertainty >= 0) || !Double.isFinite(standardUncertainty)) {
            throw new IllegalArgumentException("reference uncertainty must be finite and >= 0, got "
                    + standardUncertainty);
        }
        if (source.isBlank()) {
            throw new IllegalArgumentException("a reference needs a source (citation)");
        }
    }

    /** A reference with an uncertainty. */
    public static Reference of(double value, double standardUncertainty, String source) {
        return new Reference(value, standardUncertainty, source);
    }

    /** An exact reference (closed form, definition): uncertainty zero. */
    public static Reference exact(double value, String source) {
        return new Reference(value, 0.0, source);
    }
}
