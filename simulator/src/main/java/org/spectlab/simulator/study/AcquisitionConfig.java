package org.spectlab.simulator.study;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.spectlab.core.error.InputException;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.RotationDirection;
import org.spectlab.simulator.spect.PatientOutline;

/**
 * The {@code acquisition} section: a step-and-shoot orbit (angles in degrees in the convention of
 * {@link org.spectlab.core.projection}, radii in mm from the axis of rotation to the collimator face)
 * and the projection matrix ({@code matrix: [columns, rows]}, square pixels in mm, time per view in s).
 *
 * <p><b>Two heads</b> ({@code heads: 2}) acquire two views at once, each for {@code time_per_view_s};
 * {@code head_configuration} says how they are mounted: {@code opposed} (180° apart, the default;
 * needs {@code arc_deg: 360}, each head covering 180°) or {@code l-mode} (90° apart; needs
 * {@code arc_deg: 180}, each head covering 90°, as in cardiac SPECT). The views are listed in
 * angular order as one orbit: head 1 acquires views 0 .. N/2 - 1 and head 2 views N/2 .. N - 1, the
 * pair (v, v + N/2) at the same time, so the scan lasts N/2 view times ({@link
 * org.spectlab.simulator.spect.SpectScenario#timeSlotOfView}). {@code views} must be even.
 *
 * <p><b>Orbit radius</b>: exactly one of {@code radius_mm} (circular), {@code radii_mm} (one per
 * view, in view order) and {@code body_contour} (an automatic body-contour orbit, {@link
 * ContourOrbit}, whose radii follow the patient at a clearance and are resolved when the phantom is
 * rendered: {@link #orbitAround}).
 *
 * @param orbit         the orbit with {@code radius_mm} or {@code radii_mm}; null with {@code body_contour}
 * @param contour       the body-contour orbit; null otherwise
 * @param cols          projection columns (transaxial)
 * @param rows          projection rows (axial)
 * @param pixelSizeMm   pixel size, mm
 * @param timePerViewS  acquisition time per view, s
 * @param headConfiguration {@code single}, {@code opposed} or {@code l-mode} (2 heads), or
 *                      {@code evenly-spaced} (3 or 4 heads, metadata)
 */
public record AcquisitionConfig(AcquisitionGeometry orbit, ContourOrbit contour, int cols, int rows,
                                double pixelSizeMm, double timePerViewS, String headConfiguration) {
    /** One head. */
    public static final String SINGLE = "single";
    /** Two heads 180° apart. */
    public static final String OPPOSED = "opposed";
    /** Two heads 90° apart. */
    public static final String L_MODE = "l-mode";
    /** Three or four heads (spacing not modelled beyond the time slots). */
    public static final String EVENLY_SPACED = "evenly-spaced";
    /** Largest number of views accepted. */
    public static final int MAX_VIEWS = 1000;
    /** Largest number of rows or columns accepted. */
    public static final int MAX_MATRIX = 1024;

    static AcquisitionConfig parse(ConfigNode a) {
        a.allowOnly("views", "arc_deg", "start_angle_deg", "direction", "heads", "head_configuration", "radius_mm",
                "radii_mm", ContourOrbit.KEY, "matrix", "pixel_size_mm", "time_per_view_s");
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
        String heading = headConfiguration(a, heads, views, arc);
        int given = (a.has("radius_mm") ? 1 : 0) + (a.has("radii_mm") ? 1 : 0) + (a.has(ContourOrbit.KEY) ? 1 : 0);
        if (given != 1) {
            String field = a.has(ContourOrbit.KEY) ? a.at(ContourOrbit.KEY) : a.at("radius_mm");
            throw InputException.field(field, "give exactly one of radius_mm (circular orbit), radii_mm (one per view) "
                    + "and body_contour (automatic, following the patient)" + (given == 0 ? "" : "; got " + given));
        }
        AcquisitionGeometry orbit = null;
        ContourOrbit contour = null;
        if (a.has("radius_mm")) {
            double r = a.numberIn("radius_mm", Double.NaN, 0, 2000, true);
            orbit = AcquisitionGeometry.circular(views, start, arc, direction, r, heads);
        } else if (a.has("radii_mm")) {
            double[] radii = a.numbers("radii_mm", views);
            for (int v = 0; v < radii.length; v++) {
                if (!(radii[v] > 0) || radii[v] > 2000) {
                    throw InputException.field(a.at("radii_mm") + "[" + v + "]", "must be in (0, 2000] mm, got "
                            + radii[v]);
                }
            }
            orbit = AcquisitionGeometry.of(views, start, arc, direction, radii, heads);
        } else {
            contour = ContourOrbit.parse(a.child(ContourOrbit.KEY), views, start, arc, direction, heads);
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
        return new AcquisitionConfig(orbit, contour, (int) m[0], (int) m[1], pixel, t, heading);
    }

    /** Number of views (known before the phantom is rendered, whatever the orbit). */
    public int views() {
        return orbit != null ? orbit.views() : contour.views();
    }

    /**
     * The orbit around this patient: the configured one, or with {@code body_contour} the radii that
     * follow the patient's outline ({@link ContourOrbit#orbit}).
     */
    public AcquisitionGeometry orbitAround(PatientOutline outline) {
        return orbit != null ? orbit : contour.orbit(outline);
    }

    private static String headConfiguration(ConfigNode a, int heads, int views, double arcDeg) {
        String field = a.at("head_configuration");
        if (heads != 2) {
            if (a.has("head_configuration")) {
                throw InputException.field(field, "applies to heads: 2 only (got heads: " + heads + ")");
            }
            return heads == 1 ? SINGLE : EVENLY_SPACED;
        }
        String c = a.text("head_configuration", OPPOSED).toLowerCase(Locale.ROOT).replace('_', '-');
        double needArc;
        if (c.equals(OPPOSED)) {
            needArc = 360;
        } else if (c.equals(L_MODE)) {
            needArc = 180;
        } else {
            throw InputException.field(field, "must be opposed or l-mode, got '" + c + "'");
        }
        if (arcDeg != needArc) {
            throw InputException.field(a.at("arc_deg"), "must be " + (int) needArc + " with head_configuration: " + c
                    + " (each head covers half of it), got " + ConfigNode.fmt(arcDeg));
        }
        if (views % 2 != 0) {
            throw InputException.field(a.at("views"), "must be even with two heads (each acquires half), got " + views);
        }
        return c;
    }

    void toTree(ObjectNode o) {
        boolean explicit = orbit != null;
        int heads = explicit ? orbit.heads() : contour.heads();
        o.put("views", views());
        o.put("arc_deg", explicit ? orbit.extentDeg() : contour.arcDeg());
        o.put("start_angle_deg", explicit ? orbit.startAngleDeg() : contour.startAngleDeg());
        o.put("direction", (explicit ? orbit.direction() : contour.direction()).name());
        o.put("heads", heads);
        if (heads == 2) {
            o.put("head_configuration", headConfiguration);
        }
        if (orbit == null) {
            contour.toTree(o.putObject(ContourOrbit.KEY));
        } else if (orbit.isCircular()) {
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
