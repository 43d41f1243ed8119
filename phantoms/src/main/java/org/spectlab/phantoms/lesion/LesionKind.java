package org.spectlab.phantoms.lesion;

import java.util.Locale;
import org.spectlab.core.error.InputException;

/** What a lesion represents; written to the ground truth. */
public enum LesionKind {
    /** A tumour (primary or metastasis). */
    TUMOUR,
    /** An inflammation or infection focus. */
    INFLAMMATION;

    /** Lower-case name used in configurations and JSON. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code tumour}/{@code tumor}/{@code inflammation} (any case). */
    public static LesionKind parse(String field, String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "tumour", "tumor":
                return TUMOUR;
            case "inflammation", "infection":
                return INFLAMMATION;
            default:
                throw InputException.field(field, "unknown lesion kind '" + text + "'; allowed: tumour, inflammation");
        }
    }
}
