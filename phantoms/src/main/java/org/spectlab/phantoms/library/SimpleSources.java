package org.spectlab.phantoms.library;

import java.util.ArrayList;
import java.util.List;
import org.spectlab.core.error.InputException;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.model.Region;
import org.spectlab.phantoms.shape.EllipticCylinder;
import org.spectlab.phantoms.shape.Ellipsoid;
import org.spectlab.phantoms.shape.Rotation;

/**
 * Uniform cylinders and point and line sources, the basic test objects of NEMA NU 1 / NU 2 style
 * measurements.
 *
 * <ul>
 *   <li>uniform cylinder: water, axis along z, diameter 200 or 220 mm typical (the 20 cm and 22 cm
 *       flood / uniformity cylinders), uniform activity;</li>
 *   <li>point source: a water-filled sphere of the given diameter (1 mm by default, smaller than
 *       the resolution of any SPECT system), in air or at the centre of a water cylinder;</li>
 *   <li>line source: a capillary of 1 mm inner diameter (NEMA NU 1 line source) along z, in air or
 *       inside a water cylinder (scatter medium).</li>
 * </ul>
 * Capillary walls are not modelled (their attenuation at 140 keV is below 1%).
 */
public final class SimpleSources {
    /** Capillary inner diameter of a NEMA line source, mm. */
    public static final double CAPILLARY_INNER_DIAMETER_MM = 1.0;

    private SimpleSources() {
    }

    /** Inside diameter of the named 20 cm uniform cylinder, mm. */
    public static final double CYLINDER_20CM_DIAMETER_MM = 200;
    /** Inside diameter of the named 22 cm uniform cylinder, mm. */
    public static final double CYLINDER_22CM_DIAMETER_MM = 220;

    /**
     * A named uniform water cylinder of 200 or 220 mm inside diameter (the 20 and 22 cm cylinders of
     * the issue), with an optional PMMA wall (side, floor and lid) of {@code wallMm}.
     */
    public static Phantom namedCylinder(double diameterMm, double lengthMm, double wallMm, double concentrationBqPerMl) {
        if (!(wallMm >= 0) || wallMm > 50) {
            throw InputException.field("wall_mm", "must be in [0, 50] mm, got " + wallMm);
        }
        String name = "uniform_cylinder_" + Math.round(diameterMm / 10) + "cm";
        List<Region> r = new ArrayList<>();
        if (wallMm > 0) {
            r.add(Region.of("wall", "wall", EllipticCylinder.circularAlongZ(0, 0, 0, diameterMm + 2 * wallMm,
                    lengthMm + 2 * wallMm), "pmma", 0));
        }
        r.add(Region.of("cylinder", "water_cylinder", EllipticCylinder.circularAlongZ(0, 0, 0, diameterMm, lengthMm),
                "water", concentrationBqPerMl));
        return Phantom.of(name, r);
    }

    /** A uniform water cylinder (diameter and length in mm) centred on the origin, axis along z. */
    public static Phantom uniformCylinder(double diameterMm, double lengthMm, double concentrationBqPerMl) {
        return Phantom.of("uniform_cylinder", List.of(Region.of("cylinder", "water_cylinder",
                EllipticCylinder.circularAlongZ(0, 0, 0, diameterMm, lengthMm), "water", concentrationBqPerMl)));
    }

    /**
     * A point source of the given activity (MBq) in a small water sphere at (x, y, z) mm; inside a water
     * cylinder of the given diameter (200 mm length) when {@code scatterCylinderDiameterMm > 0}.
     */
    public static Phantom pointSource(double xMm, double yMm, double zMm, double sphereDiameterMm,
                                      double activityMBq, double scatterCylinderDiameterMm) {
        requireActivity(activityMBq);
        Ellipsoid s = Ellipsoid.sphere(xMm, yMm, zMm, sphereDiameterMm);
        double conc = activityMBq * 1e6 / (s.volumeMm3() * 1e-3);
        List<Region> regions = new ArrayList<>();
        addScatterCylinder(regions, scatterCylinderDiameterMm, 200);
        regions.add(Region.of("point_source", s, "water", conc));
        return Phantom.of("point_source", regions);
    }

    /**
     * A line source: 1 mm inner-diameter capillary of the given length along z through (x, y), total
     * activity in MBq; inside a water cylinder of the given diameter (same length + 20 mm) when
     * {@code scatterCylinderDiameterMm > 0}.
     */
    public static Phantom lineSource(double xMm, double yMm, double lengthMm, double activityMBq,
                                     double scatterCylinderDiameterMm) {
        requireActivity(activityMBq);
        EllipticCylinder line = EllipticCylinder.circular(xMm, yMm, 0, CAPILLARY_INNER_DIAMETER_MM, lengthMm,
                Rotation.identity());
        double conc = activityMBq * 1e6 / (line.volumeMm3() * 1e-3);
        List<Region> regions = new ArrayList<>();
        addScatterCylinder(regions, scatterCylinderDiameterMm, lengthMm + 20);
        regions.add(Region.of("line_source", line, "water", conc));
        return Phantom.of("line_source", regions);
    }

    private static void addScatterCylinder(List<Region> regions, double diameterMm, double lengthMm) {
        if (diameterMm > 0) {
            regions.add(Region.of("scatter_medium", EllipticCylinder.circularAlongZ(0, 0, 0, diameterMm, lengthMm),
                    "water", 0));
        } else if (diameterMm < 0) {
            throw InputException.field("scatter cylinder diameter (mm)", "must be >= 0 (0 = source in air)");
        }
    }

    private static void requireActivity(double activityMBq) {
        if (!(activityMBq >= 0) || !Double.isFinite(activityMBq)) {
            throw InputException.field("activity (MBq)", "must be a finite number >= 0, got " + activityMBq);
        }
    }
}
