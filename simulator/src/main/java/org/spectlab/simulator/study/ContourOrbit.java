package org.spectlab.simulator.study;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.spectlab.core.error.InputException;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.RotationDirection;
import org.spectlab.simulator.spect.PatientOutline;

/**
 * An automatic body-contour (non-circular) orbit, {@code acquisition.body_contour}: each view's
 * radius (axis of rotation to collimator face, mm) is the patient's largest extent along that view's
 * detector normal ({@link PatientOutline#extentMm}) plus {@code clearance_mm}, raised to
 * {@code min_radius_mm} where the patient is closer; a view needing more than {@code max_radius_mm}
 * is refused. The radii are resolved when the phantom has been rendered ({@link #orbit}); with two
 * heads each view, hence each head at each stop, gets its own radius.
 *
 * <p>Approximations: the extent is taken over the whole patient (its full width and axial length),
 * not only the part under the detector's face: conservative (a face never cuts the patient) and,
 * since a clinical face (~53 cm) is wider than a body, what a camera's contour sensing does in
 * practice; over a long axial field a narrow section (a neck) gets the radius of the widest one.
 * Anything denser than air counts as patient, so a patient table is cleared only when the phantom
 * holds it. The head housing beyond the face is not modelled.
 *
 * @param views         number of views
 * @param startAngleDeg angle of view 0, degrees
 * @param arcDeg        arc of all views, degrees
 * @param direction     direction of rotation
 * @param heads         detector heads (metadata, as in {@link AcquisitionGeometry})
 * @param clearanceMm   gap between the patient and the collimator face, mm
 * @param minRadiusMm   smallest radius the gantry allows, mm (0 for no limit)
 * @param maxRadiusMm   largest radius the gantry allows, mm
 */
public record ContourOrbit(int views, double startAngleDeg, double arcDeg, RotationDirection direction, int heads,
                           double clearanceMm, double minRadiusMm, double maxRadiusMm) {
    /** Config key. */
    static final String KEY = "body_contour";
    /** Largest clearance accepted, mm. */
    static final double MAX_CLEARANCE_MM = 500;
    /** Largest radius accepted, mm (as for {@code radius_mm}). */
    static final double MAX_RADIUS_MM = 2000;

    /** Parses {@code body_contour: {clearance_mm, min_radius_mm, max_radius_mm}} (angles from the caller). */
    static ContourOrbit parse(ConfigNode b, int views, double startAngleDeg, double arcDeg,
                              RotationDirection direction, int heads) {
        b.allowOnly("clearance_mm", "min_radius_mm", "max_radius_mm");
        double clearance = b.numberIn("clearance_mm", Double.NaN, 0, MAX_CLEARANCE_MM, false);
        double min = b.numberIn("min_radius_mm", 0, 0, MAX_RADIUS_MM, false);
        double max = b.numberIn("max_radius_mm", MAX_RADIUS_MM, 0, MAX_RADIUS_MM, true);
        if (max <= min) {
            throw InputException.field(b.at("max_radius_mm"), "must exceed min_radius_mm (" + ConfigNode.fmt(min)
                    + " mm), got " + ConfigNode.fmt(max));
        }
        return new ContourOrbit(views, startAngleDeg, arcDeg, direction, heads, clearance, min, max);
    }

    /**
     * The orbit around this patient: per view, extent + clearance, at least {@code minRadiusMm}.
     *
     * @throws InputException naming {@code acquisition.body_contour} when the phantom holds nothing
     *                        denser than air, or {@code ...max_radius_mm} when a view needs more
     */
    public AcquisitionGeometry orbit(PatientOutline outline) {
        String field = "acquisition." + KEY;
        if (outline.isEmpty()) {
            throw InputException.field(field, "the phantom holds nothing denser than air to follow");
        }
        // the angles come from the same geometry the engines use, so a radius belongs to its view exactly
        AcquisitionGeometry angles = AcquisitionGeometry.circular(views, startAngleDeg, arcDeg, direction, 1, heads);
        double[] radii = new double[views];
        for (int v = 0; v < views; v++) {
            double extent = outline.extentMm(angles.angleRad(v));
            double r = Math.max(extent + clearanceMm, minRadiusMm);
            if (r > maxRadiusMm) {
                throw InputException.field(field + ".max_radius_mm", "view " + v + " (angle "
                        + ConfigNode.fmt(angles.angleDeg(v)) + " deg) needs " + Math.round(r * 10) / 10.0
                        + " mm (patient extent " + Math.round(extent * 10) / 10.0 + " mm + clearance), more than "
                        + ConfigNode.fmt(maxRadiusMm) + " mm");
            }
            if (!(r > 0)) {
                throw InputException.field(field + ".min_radius_mm", "view " + v + " would have radius "
                        + Math.round(r * 10) / 10.0 + " mm (the patient lies beyond the axis); give a positive minimum");
            }
            radii[v] = r;
        }
        return AcquisitionGeometry.of(views, startAngleDeg, arcDeg, direction, radii, heads);
    }

    void toTree(ObjectNode o) {
        o.put("clearance_mm", clearanceMm);
        o.put("min_radius_mm", minRadiusMm);
        o.put("max_radius_mm", maxRadiusMm);
    }
}
