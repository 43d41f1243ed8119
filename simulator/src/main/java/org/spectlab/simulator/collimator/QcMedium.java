package org.spectlab.simulator.collimator;

import java.util.Locale;
import org.spectlab.core.error.InputException;

/**
 * Around the source of a planar camera quality-control measurement ({@link CameraQc}).
 *
 * <ul>
 *   <li>{@link #AIR}: the source in air (NEMA NU 1 system spatial resolution and sensitivity without
 *       scatter);</li>
 *   <li>{@link #WATER}: the source in a water scattering medium, NEMA NU 1's "system spatial
 *       resolution with scatter" set-up: the source at its distance
 *       from the collimator with water filling the whole gap, and
 *       50 mm of water behind it (see {@code WaterSlab}).</li>
 * </ul>
 */
public enum QcMedium {
    /** Source in air. */
    AIR("air"),
    /** Source in a slab of water (scatter). */
    WATER("water");

    private final String key;

    QcMedium(String key) {
        this.key = key;
    }

    /** The command-line name: {@code air} or {@code water}. */
    public String key() {
        return key;
    }

    /**
     * The medium of a command-line name (case-insensitive).
     *
     * @param field the option name used in the error message
     */
    public static QcMedium parse(String name, String field) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (QcMedium m : values()) {
            if (m.key.equals(n)) {
                return m;
            }
        }
        throw InputException.field(field, "must be 'air' or 'water', got '" + name + "'");
    }
}
