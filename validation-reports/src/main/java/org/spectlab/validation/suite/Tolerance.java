package org.spectlab.validation.suite;

import java.util.Locale;
import java.util.Objects;
import org.spectlab.metrics.stats.RelativeDifference;

/**
 * How far a value may be from its reference and still pass, with the reason for the bound.
 *
 * <ul>
 *   <li>{@link Kind#ABSOLUTE}: {@code |v - r| <= bound} (unit of the quantity).</li>
 *   <li>{@link Kind#RELATIVE}: {@code |v / r - 1| <= bound} (a fraction, 0.01 = 1%).</li>
 *   <li>{@link Kind#Z_SCORE}: {@code |v - r| / sqrt(u_v^2 + u_r^2) <= bound}, the combined standard
 *       uncertainty of both (GUM, via {@link RelativeDifference}); for statistical values.</li>
 * </ul>
 *
 * @param kind      which comparison
 * @param bound     the largest allowed deviation (&gt;= 0)
 * @param rationale why this bound (statistical error, interpolation error, published uncertainty)
 */
public record Tolerance(Kind kind, double bound, String rationale) {

    /** The kind of comparison. */
    public enum Kind {
        /** Absolute difference, unit of the quantity. */
        ABSOLUTE,
        /** Relative difference, fraction of the reference. */
        RELATIVE,
        /** Number of combined standard uncertainties. */
        Z_SCORE
    }

    /** Validates a finite non-negative bound and a rationale. */
    public Tolerance {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rationale, "rationale");
        if (!(bound >= 0) || !Double.isFinite(bound)) {
            throw new IllegalArgumentException("tolerance bound must be finite and >= 0, got " + bound);
        }
        if (rationale.isBlank()) {
            throw new IllegalArgumentException("every tolerance states why (rationale)");
        }
    }

    /** {@code |v - r| <= bound}. */
    public static Tolerance absolute(double bound, String rationale) {
        return new Tolerance(Kind.ABSOLUTE, bound, rationale);
    }

    /** {@code |v / r - 1| <= fraction}. */
    public static Tolerance relative(double fraction, String rationale) {
        return new Tolerance(Kind.RELATIVE, fraction, rationale);
    }

    /** {@code |z| <= k} with the combined standard uncertainty. */
    public static Tolerance zScore(double k, String rationale) {
        return new Tolerance(Kind.Z_SCORE, k, rationale);
    }

    /**
     * The deviation of a value from a reference in this tolerance's measure: absolute difference,
     * relative difference, or z-score (signed).
     *
     * @param value       measured value
     * @param uncertainty its standard uncertainty (0 for deterministic values)
     * @param reference   reference value
     * @param refUncert   reference standard uncertainty
     */
    public double deviation(double value, double uncertainty, double reference, double refUncert) {
        return switch (kind) {
            case ABSOLUTE -> value - reference;
            case RELATIVE -> reference == 0 ? (value == 0 ? 0 : Double.POSITIVE_INFINITY) : value / reference - 1;
            case Z_SCORE -> RelativeDifference.of(value, uncertainty, reference, refUncert).zScore();
        };
    }

    /** True when the deviation is within the bound (NaN never passes). */
    public boolean accepts(double value, double uncertainty, double reference, double refUncert) {
        double d = deviation(value, uncertainty, reference, refUncert);
        return Math.abs(d) <= bound;
    }

    /** Short text, e.g. {@code "|rel| <= 0.5%"}, {@code "|z| <= 4"}. */
    public String describe() {
        return switch (kind) {
            case ABSOLUTE -> String.format(Locale.ROOT, "|diff| <= %.4g", bound);
            case RELATIVE -> String.format(Locale.ROOT, "|rel| <= %.4g%%", 100 * bound);
            case Z_SCORE -> String.format(Locale.ROOT, "|z| <= %.3g", bound);
        };
    }
}
