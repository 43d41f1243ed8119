package org.spectlab.core.io.dicom;

import java.util.List;
import java.util.Locale;
import org.spectlab.core.error.InputException;

/**
 * How a float image is stored as 16-bit unsigned values: {@code value = slope * stored + intercept}
 * with intercept 0 for non-negative images (intercept = minimum otherwise) and slope chosen so that
 * the largest value maps to 65535. The quantisation error of any voxel is at most slope / 2.
 *
 * @param slope     value per stored unit
 * @param intercept value of stored 0
 */
record VolumeScaling(double slope, double intercept) {

    /** The scaling that spreads {@code data} over 0..65535. */
    static VolumeScaling of(float[] data, String field) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : data) {
            if (!Float.isFinite(v)) {
                throw InputException.field(field, "contains a non-finite value (" + v + ")");
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double intercept = Math.min(0, min);
        double range = max - intercept;
        double slope = range > 0 ? range / 65535.0 : 1.0;
        // the DS text must round-trip: use the written (rounded) values for encoding too
        slope = Double.parseDouble(DataSet.formatDecimal(slope));
        intercept = Double.parseDouble(DataSet.formatDecimal(intercept));
        return new VolumeScaling(slope, intercept);
    }

    /** The stored value of {@code v}: rounded, clamped to 0..65535. */
    int store(float v) {
        long s = Math.round((v - intercept) / slope);
        return (int) Math.max(0, Math.min(65535, s));
    }

    /** A UCUM units code item for a spectlab unit label: Bq/mL or counts (PS3.16 CID 7181 style). */
    static DataSet unitsCode(String unit) {
        String u = unit.toLowerCase(Locale.ROOT).replace(" ", "");
        if (u.equals("bq/ml")) {
            return Modules.code("Bq/ml", "UCUM", "Becquerels/milliliter");
        }
        if (u.equals("counts") || u.equals("{counts}")) {
            return Modules.code("{counts}", "UCUM", "Counts");
        }
        throw InputException.field("volume unit", "'" + unit + "' cannot be written to DICOM NM; allowed: Bq/mL, counts");
    }

    /** spectlab's unit label for a UCUM units code read from a file. */
    static String unitLabel(List<DataSet> unitsItems) {
        if (unitsItems.isEmpty()) {
            return "unknown";
        }
        String code = unitsItems.get(0).text(Tag.CODE_VALUE);
        if (code == null || code.isEmpty()) {
            return "unknown";
        }
        return code.equalsIgnoreCase("Bq/ml") ? "Bq/mL" : code.equals("{counts}") ? "counts" : code;
    }
}
