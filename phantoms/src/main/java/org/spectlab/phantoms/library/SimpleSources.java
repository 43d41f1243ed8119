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
