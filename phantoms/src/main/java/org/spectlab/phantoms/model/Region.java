package org.spectlab.phantoms.model;

import java.util.Objects;
import org.spectlab.core.error.InputException;
import org.spectlab.phantoms.shape.Shape;

/**
 * One homogeneous part of a phantom: a solid filled with a named material at a uniform activity
 * concentration.
 *
 * @param id                   unique identifier within the phantom, e.g. {@code "sphere_37mm"}
 * @param label                organ / label name written to the label map; several regions may
 *                             share a label (e.g. the cortical and trabecular parts of "spine")
 * @param shape                the solid, patient mm
 * @param material             material name as in the core material library, e.g. {@code "water"}
 * @param concentrationBqPerMl activity concentration, Bq/mL, &gt;= 0
 */
public record Region(String id, String label, Shape shape, String material, double concentrationBqPerMl) {

    /** Validates names and a finite non-negative concentration. */
    public Region {
        Objects.requireNonNull(shape, "shape");
        if (id == null || id.isBlank()) {
            throw InputException.field("region id", "must not be blank");
        }
        if (label == null || label.isBlank()) {
            throw InputException.field("label of region '" + id + "'", "must not be blank");
        }
        if (material == null || material.isBlank()) {
            throw InputException.field("material of region '" + id + "'", "must not be blank");
        }
        if (!(concentrationBqPerMl >= 0) || !Double.isFinite(concentrationBqPerMl)) {
            throw InputException.field("concentration (Bq/mL) of region '" + id + "'",
                    "must be a finite number >= 0, got " + concentrationBqPerMl);
        }
    }

    /** A region whose label is its id. */
    public static Region of(String id, Shape shape, String material, double concentrationBqPerMl) {
        return new Region(id, id, shape, material, concentrationBqPerMl);
    }

    /** A region with an explicit label. */
    public static Region of(String id, String label, Shape shape, String material, double concentrationBqPerMl) {
        return new Region(id, label, shape, material, concentrationBqPerMl);
    }

    /** The same region at another concentration. */
    public Region withConcentration(double newConcentrationBqPerMl) {
        return new Region(id, label, shape, material, newConcentrationBqPerMl);
    }

    /** Activity of the region's full analytic volume at its concentration, Bq (ignores overrides). */
    public double analyticActivityBq() {
        return concentrationBqPerMl * shape.volumeMm3() * 1e-3;
    }
}
