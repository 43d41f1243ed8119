package org.spectlab.core.nuclide;

import java.math.BigDecimal;

/**
 * The decay data of a nuclide exactly as the cited evaluation gives them (for display and provenance;
 * computations use {@link Nuclide}).
 *
 * @param nuclide             canonical name, e.g. {@code "I-123"}
 * @param decayMode           {@code "EC"}, {@code "B-"} or {@code "IT"}
 * @param daughter            the daughter nuclide whose levels and atomic shell emit the photons
 * @param halfLife            half-life in {@code halfLifeUnit}, as given
 * @param halfLifeUncertainty standard uncertainty (k=1) of the half-life, same unit
 * @param halfLifeUnit        {@code "min"}, {@code "h"}, {@code "d"} or {@code "a"} (a = 365.2422 d)
 * @param evaluation          evaluating laboratory(ies), e.g. {@code "KRI"}
 * @param year                year of the evaluation
 * @param source              full citation, as in {@link Nuclide#source()}
 */
public record DecayData(String nuclide, String decayMode, String daughter, double halfLife,
        double halfLifeUncertainty, String halfLifeUnit, String evaluation, int year, String source) {

    /**
     * Seconds per year in the DDEP convention, 1 a = 365.2422 d (the LNHB tables convert Ba-133's
     * 10.539 a to 332.58E6 s, which this reproduces; 365.25 d would give 332.59E6 s).
     */
    public static final double SECONDS_PER_YEAR = 365.2422 * 86400.0;

    /**
     * The half-life converted to seconds; the product is formed in decimal so that the result is the
     * double nearest the exact value (6.0067 h gives 21624.12 s, not 21624.120000000003 s).
     */
    public double halfLifeS() {
        return new BigDecimal(Double.toString(halfLife))
                .multiply(new BigDecimal(Double.toString(secondsPer(halfLifeUnit)))).doubleValue();
    }

    /** The uncertainty of the half-life converted to seconds. */
    public double halfLifeUncertaintyS() {
        return halfLifeUncertainty * secondsPer(halfLifeUnit);
    }

    /**
     * Seconds in one half-life unit.
     *
     * @throws IllegalArgumentException for a unit other than min, h, d, a
     */
    static double secondsPer(String unit) {
        return switch (unit) {
            case "s" -> 1.0;
            case "min" -> 60.0;
            case "h" -> 3600.0;
            case "d" -> 86400.0;
            case "a" -> SECONDS_PER_YEAR;
            default -> throw new IllegalArgumentException("half-life unit must be s, min, h, d or a, got '" + unit + "'");
        };
    }
}
