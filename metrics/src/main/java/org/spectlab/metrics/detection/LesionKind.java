package org.spectlab.metrics.detection;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.spectlab.core.error.InputException;

/** What a ground-truth lesion models: a malignant tumour or an inflammation focus. */
public enum LesionKind {
    /** A tumour (written {@code "tumour"} in files; {@code "tumor"} is accepted on reading). */
    TUMOUR("tumour"),
    /** An inflammation focus (written {@code "inflammation"}). */
    INFLAMMATION("inflammation");

    private final String key;

    LesionKind(String key) {
        this.key = key;
    }

    /** The name used in files. */
    @JsonValue
    public String key() {
        return key;
    }

    /**
     * Parses a file name of a kind.
     *
     * @param field the field name for error messages
     * @param text  {@code "tumour"} (or {@code "tumor"}) or {@code "inflammation"}, any case
     */
    public static LesionKind parse(String field, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("tumour") || t.equals("tumor")) {
            return TUMOUR;
        }
        if (t.equals("inflammation")) {
            return INFLAMMATION;
        }
        throw InputException.field(field, "unknown lesion kind '" + text + "'; allowed: tumour, inflammation");
    }
}
