package org.spectlab.simulator.study;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.spectlab.core.error.InputException;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.RotationDirection;

/**
 * The {@code acquisition} section: a step-and-shoot orbit (angles in degrees in the convention of
 * {@link org.spectlab.core.projection}, radii in mm from the axis of rotation to the collimator face)
 * and the projection matrix ({@code matrix: [columns, rows]}, square pixels in mm, time per view in s).
 *
 * @param orbit         the orbit
 * @param cols          projection columns (transaxial)
 * @param rows          projection rows (axial)
 * @param pixelSizeMm   pixel size, mm
 * @param timePerViewS  acquisition time per view, s
 */
public record AcquisitionConfig(AcquisitionGeometry orbit, int cols, int rows, double pixelSizeMm,
                                double timePerViewS) {
    /** Largest number of views accepted. */
    public static final int MAX_VIEWS = 1000;
    /** Largest number of rows or columns accepted. */
    public static final int MAX_MATRIX = 1024;

    static AcquisitionConfig parse(ConfigNode a) {
        a.allowOnly("views", "arc_deg", "start_angle_deg", "direction", "heads", "radius_mm", "radii_mm", "matrix",
                "pixel_size_mm", "time_per_view_s");
        int views = a.intIn("views", 0, 1, MAX_VIEWS, true);
        double arc = a.numberIn("arc_deg", 360, 0, 360, true);
        double start = a.numberIn("start_angle_deg", 0, -360, 360, false);
        String dir = a.text("direction", "CW").toUpperCase(Locale.ROOT);
        RotationDirection direction;
        if (dir.equals("CW")) {
            direction = RotationDirection.CW;
        } else if (dir.equals("CCW")) {
            direction = RotationDirection.CCW;
        } else {
            throw InputException.field(a.at("direction"), "must be CW or CCW, got '" + dir + "'");
        }
        int heads = a.intIn("heads", 1, 1, 4, false);
        if (a.has("radius_mm") == a.has("radii_mm")) {
            throw InputException.field(a.at("radius_mm"), "give exactly one of radius_mm and radii_mm");
        }
        AcquisitionGeometry orbit;
        if (a.has("radius_mm")) {
            double r = a.numberIn("radius_mm", Double.NaN, 0, 2000, true);
            orbit = AcquisitionGeometry.circular(views, start, arc, direction, r, heads);
        } else {
            double[] radii = a.numbers("radii_mm", views);
            for (int v = 0; v < radii.length; v++) {
                if (!(radii[v] > 0) || radii[v] > 2000) {
                    throw InputException.field(a.at("radii_mm") + "[" + v + "]", "must be in (0, 2000] mm, got "
                            + radii[v]);
                }
            }
            orbit = AcquisitionGeometry.of(views, start, arc, direction, radii, heads);
        }
        double[] m = a.numbers("matrix", 2);
        for (int i = 0; i < 2; i++) {
            if (m[i] != Math.rint(m[i]) || m[i] < 1 || m[i] > MAX_MATRIX) {
                throw InputException.field(a.at("matrix") + "[" + i + "]", (i == 0 ? "columns" : "rows")
                        + " must be an integer 1 to " + MAX_MATRIX + ", got " + ConfigNode.fmt(m[i]));
            }
        }
        double pixel = a.numberIn("pixel_size_mm", Double.NaN, 0, 50, true);
        double t = a.numberIn("time_per_view_s", Double.NaN, 0, 86_400, true);
        return new AcquisitionConfig(orbit, (int) m[0], (int) m[1], pixel, t);
    }

    void toTree(ObjectNode o) {
        o.put("views", orbit.views());
        o.put("arc_deg", orbit.extentDeg());
        o.put("start_angle_deg", orbit.startAngleDeg());
        o.put("direction", orbit.direction().name());
        o.put("heads", orbit.heads());
        if (orbit.isCircular()) {
            o.put("radius_mm", orbit.radiusMm(0));
        } else {
            ArrayNode r = o.putArray("radii_mm");
            for (double x : orbit.radiiMm()) {
                r.add(x);
            }
        }
        o.putArray("matrix").add(cols).add(rows);
        o.put("pixel_size_mm", pixelSizeMm);
        o.put("time_per_view_s", timePerViewS);
    }
}
