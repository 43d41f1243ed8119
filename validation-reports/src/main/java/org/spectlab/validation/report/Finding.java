package org.spectlab.validation.report;

import java.util.Objects;

/**
 * One finding as a reading physician would report it: where (anatomical location in words and the
 * position in patient mm), how large, how avid.
 *
 * @param location    anatomical description, e.g. {@code "liver, segment VII"}
 * @param xMm         position x (patient left), mm
 * @param yMm         position y (posterior), mm
 * @param zMm         position z (superior), mm
 * @param sizeMm      largest diameter, mm
 * @param uptake      uptake value, e.g. a concentration or a lesion-to-background ratio
 * @param uptakeUnit  unit or kind of the uptake value, e.g. {@code "kBq/mL"}, {@code "LBR"}
 */
public record Finding(String location, double xMm, double yMm, double zMm, double sizeMm, double uptake,
                      String uptakeUnit) {

    /** Validates the text fields. */
    public Finding {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(uptakeUnit, "uptakeUnit");
    }

    /** A finding. */
    public static Finding of(String location, double xMm, double yMm, double zMm, double sizeMm, double uptake,
                             String uptakeUnit) {
        return new Finding(location, xMm, yMm, zMm, sizeMm, uptake, uptakeUnit);
    }
}
