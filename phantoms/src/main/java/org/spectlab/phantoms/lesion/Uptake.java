package org.spectlab.phantoms.lesion;

import org.spectlab.core.error.InputException;

/**
 * Activity concentration of a lesion: either a ratio to the concentration of its host organ at the
 * lesion centre, or an absolute concentration in Bq/mL.
 *
 * @param relative true when {@code value} is a ratio to the host
 * @param value    the ratio (dimensionless) or the concentration (Bq/mL), &gt;= 0
 */
public record Uptake(boolean relative, double value) {

    /** Validates a finite non-negative value. */
    public Uptake {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw InputException.field(relative ? "uptake ratio" : "uptake (Bq/mL)",
                    "must be a finite number >= 0, got " + value);
        }
    }

    /** Uptake as a ratio to the host organ. */
    public static Uptake ratioToHost(double ratio) {
        return new Uptake(true, ratio);
    }

    /** Absolute uptake, Bq/mL. */
    public static Uptake absolute(double concentrationBqPerMl) {
        return new Uptake(false, concentrationBqPerMl);
    }

    /** The concentration (Bq/mL) given the host concentration. */
    public double concentrationBqPerMl(double hostConcentrationBqPerMl) {
        return relative ? value * hostConcentrationBqPerMl : value;
    }
}
