package org.spectlab.simulator.collimator;

import java.util.Locale;
import org.spectlab.core.error.InputException;

/**
 * How photons cross the parallel-hole collimator.
 *
 * <ul>
 *   <li>{@link #GEOMETRIC}: straight rays. With ideal (black) septa a photon passes only when it
 *       enters and leaves through the same hole; where a finite μ of lead is given (planar QC), a
 *       ray crossing lead carries its expected transmission exp(-μL) — penetration without any
 *       interaction products.</li>
 *   <li>{@link #MONTE_CARLO}: {@link CollimatorTransport}: photons fly straight in the holes and
 *       interact in the lead (photoabsorption with lead K x-ray emission, Compton and Rayleigh
 *       scattering), so septal penetration, collimator scatter and lead x-rays are all
 *       produced.</li>
 * </ul>
 */
public enum CollimatorModel {
    /** Straight-ray hole test (ideal septa, or expected septal transmission). */
    GEOMETRIC("geometric"),
    /** Monte Carlo transport through the hole array. */
    MONTE_CARLO("monte-carlo");

    private final String key;

    CollimatorModel(String key) {
        this.key = key;
    }

    /** The configuration / command-line name: {@code geometric} or {@code monte-carlo}. */
    public String key() {
        return key;
    }

    /**
     * The model of a configuration name (case-insensitive; {@code monte_carlo} and {@code mc} are
     * accepted too).
     *
     * @param field the field or option name used in the error message
     */
    public static CollimatorModel parse(String name, String field) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (n) {
            case "geometric":
                return GEOMETRIC;
            case "monte-carlo":
            case "mc":
                return MONTE_CARLO;
            default:
                throw InputException.field(field, "must be 'geometric' or 'monte-carlo', got '" + name + "'");
        }
    }
}
