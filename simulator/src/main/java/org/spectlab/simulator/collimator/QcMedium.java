package org.spectlab.simulator.collimator;

import java.util.Locale;
import org.spectlab.core.error.InputException;

/**
 * Around the source of a planar camera quality-control measurement ({@link CameraQc}).
 *
 * <ul>
 *   <li>{@link #AIR}: the source in air (NEMA NU 1 system spatial resolution and sensitivity without
 *       scatter);</li>
 *   <li>{@link #PMMA}: NEMA NU 1's "system spatial resolution with scatter" set-up: acrylic (PMMA)
 *       scattering blocks, 100 mm between the source and the collimator face and 50 mm behind the
 *       source (NEMA NU 1-2007, section 3.2; see {@code ScatterSlab});</li>
 *   <li>{@link #WATER}: the same geometry filled with water, a tissue-like variant (not NEMA's
 *       material: water's electron density is 1/1.16 of acrylic's, so it scatters and attenuates
 *       less).</li>
 * </ul>
 * With either scattering medium the gap from the source to the collimator is the medium (the source
 * distance is its thickness) and 50 mm of it lie behind the source.
 */
public enum QcMedium {
    /** Source in air. */
    AIR("air", null),
    /** Source in a slab of water (scatter). */
    WATER("water", "water"),
    /** Source between acrylic blocks, NEMA NU 1's scattering material. */
    PMMA("pmma", "pmma");

    private final String key;
    private final String material;

    QcMedium(String key, String material) {
        this.key = key;
        this.material = material;
    }

    /** The command-line name: {@code air}, {@code water} or {@code pmma}. */
    public String key() {
        return key;
    }

    /** True for a scattering medium (water or PMMA), false for air. */
    public boolean scatters() {
        return material != null;
    }

    /** Name of the medium in the built-in material library; null for air (no medium is transported). */
    public String materialName() {
        return material;
    }

    /**
     * The medium of a command-line name (case-insensitive; {@code acrylic} is PMMA).
     *
     * @param field the option name used in the error message
     */
    public static QcMedium parse(String name, String field) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("acrylic")) {
            return PMMA;
        }
        for (QcMedium m : values()) {
            if (m.key.equals(n)) {
                return m;
            }
        }
        throw InputException.field(field, "must be 'air', 'water' or 'pmma' (acrylic), got '" + name + "'");
    }
}
