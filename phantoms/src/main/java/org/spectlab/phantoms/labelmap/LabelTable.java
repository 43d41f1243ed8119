package org.spectlab.phantoms.labelmap;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.spectlab.core.error.InputException;

/**
 * The table that gives a label map's values their meaning: label value to organ name, material and
 * either an activity concentration or a tracer compartment.
 *
 * @param source  where the table came from (file name), for error messages
 * @param entries one entry per label value, values and names unique
 */
public record LabelTable(String source, List<LabelTable.Entry> entries) {

    /**
     * One label value.
     *
     * @param value                label value in the map, -32768..32767
     * @param name                 organ / region name (the region id in the phantom)
     * @param material             material name in the core material library
     * @param compartment          tracer compartment (the organ label kinetics refer to); equals
     *                             {@code name} unless given; entries sharing a compartment share one label
     * @param concentrationBqPerMl activity concentration (Bq/mL), >= 0, used without kinetics
     */
    public record Entry(int value, String name, String material, String compartment, double concentrationBqPerMl) {
        /** Validates the value range, names and a finite non-negative concentration. */
        public Entry {
            if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
                throw InputException.field("label " + value, "must be in [-32768, 32767]");
            }
            if (name == null || name.isBlank()) {
                throw InputException.field("label " + value + ".name", "must not be blank");
            }
            if (material == null || material.isBlank()) {
                throw InputException.field("label " + value + ".material", "must not be blank");
            }
            if (compartment == null || compartment.isBlank()) {
                compartment = name;
            }
            if (!(concentrationBqPerMl >= 0) || !Double.isFinite(concentrationBqPerMl)) {
                throw InputException.field("label " + value + ".concentration_bq_per_ml", "must be a finite number"
                        + " >= 0, got " + concentrationBqPerMl);
            }
        }
    }

    /** Validates unique values and names. */
    public LabelTable {
        entries = List.copyOf(entries);
        Set<Integer> values = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Entry e : entries) {
            if (!values.add(e.value())) {
                throw new InputException(source + ": label value " + e.value() + " is listed twice");
            }
            if (!names.add(e.name())) {
                throw new InputException(source + ": name '" + e.name() + "' is used by two label values");
            }
        }
    }

    /** A table. */
    public static LabelTable of(String source, List<Entry> entries) {
        return new LabelTable(source, entries);
    }

    /** The entry of a label value, or null. */
    public Entry entry(int value) {
        for (Entry e : entries) {
            if (e.value() == value) {
                return e;
            }
        }
        return null;
    }
}
