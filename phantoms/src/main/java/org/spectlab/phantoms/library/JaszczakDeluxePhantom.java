package org.spectlab.phantoms.library;

import java.util.ArrayList;
import java.util.List;
import org.spectlab.core.error.InputException;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.model.Region;
import org.spectlab.phantoms.shape.EllipticCylinder;
import org.spectlab.phantoms.shape.Ellipsoid;

/**
 * A Jaszczak-style "Deluxe" SPECT phantom: a water-filled cylinder with a cold-rod insert (six sectors)
 * and six cold solid spheres.
 *
 * <p>Vendor dimensions (Data Spectrum Corporation, Deluxe ECT phantom, model ECT/DLX/P, product data
 * sheet): cylinder inside diameter 216 mm, inside height 186 mm; acrylic rods of diameters 4.8, 6.4,
 * 7.9, 9.5, 11.1 and 12.7 mm, 88 mm long, centre-to-centre spacing twice the rod diameter, one
 * diameter per 60 degree sector; solid acrylic spheres of diameters 9.5, 12.7, 15.9, 19.1, 25.4 and
 * 31.8 mm.
 *
 * <p>Confirmation status (search of public sources, 2025): the Data Spectrum data sheet of the Deluxe
 * phantom could not be retrieved, so the cylinder size (216 x 186 mm) and the rod and sphere diameters
 * above remain <b>unconfirmed</b> vendor values. The only related public figure found is the inside
 * height of 186 mm of Data Spectrum's elliptical Jaszczak tank (ECT/ELP/P; EJNMMI Physics 5 (2018),
 * "Inter-comparison of quantitative imaging of lutetium-177 in European hospitals", Table 1), which
 * matches the height used here but is a different model.
 *
 * <p>spectlab layout choices (not from the data sheet): rods stand on the floor of the cylinder on a
 * triangular lattice inside each sector, kept within a radius of 95 mm and a quarter rod diameter clear
 * of the sector edges; sphere centres on a circle of radius 60 mm, 60 degrees apart, 130 mm above the
 * floor. Rods and spheres are PMMA without activity.
 *
 * <p>Walls: the tank is PMMA (acrylic) with side wall, floor and lid of {@link #DEFAULT_WALL_MM}
 * (1/4 inch) by default, configurable. This thickness is also <b>unconfirmed</b>: the 2018 EJNMMI
 * Physics table cited above gives Data Spectrum's elliptical tank a wall thickness printed as "64 mm"
 * (for a tank whose inside minor axis is 221 mm, evidently 6.4 mm), and the same 1/4-inch acrylic is
 * assumed here for the circular Deluxe tank. Rod and sphere diameters agree with the flangeless model
 * as described in the Wikipedia article "Jaszczak phantom" (rods 4.8-12.7 mm, spheres 9.5-31.8 mm).
 * Axes: cylinder axis along patient z, centred at the origin (floor at z = -93).
 */
public final class JaszczakDeluxePhantom {
    /** Rod diameters per sector, mm. */
    public static final double[] ROD_DIAMETERS_MM = {4.8, 6.4, 7.9, 9.5, 11.1, 12.7};
    /** Sphere diameters, mm. */
    public static final double[] SPHERE_DIAMETERS_MM = {9.5, 12.7, 15.9, 19.1, 25.4, 31.8};
    /** Inside diameter, mm. */
    public static final double INSIDE_DIAMETER_MM = 216;
    /** Inside height, mm. */
    public static final double INSIDE_HEIGHT_MM = 186;
    /** Rod length, mm. */
    public static final double ROD_LENGTH_MM = 88;
    /** Default PMMA wall (side, floor and lid) thickness, mm (1/4 inch; unconfirmed, see the class notes). */
    public static final double DEFAULT_WALL_MM = 6.4;
    /** Radius that contains the rods (layout choice), mm. */
    public static final double ROD_FIELD_RADIUS_MM = 95;

    private JaszczakDeluxePhantom() {
    }

    /** Builds the phantom with the given water concentration (Bq/mL) and the default PMMA walls. */
    public static Phantom build(double waterConcentrationBqPerMl) {
        return build(waterConcentrationBqPerMl, DEFAULT_WALL_MM);
    }

    /**
     * Builds the phantom with the given water concentration (Bq/mL) and PMMA wall thickness (mm, 0 for
     * no wall).
     */
    public static Phantom build(double waterConcentrationBqPerMl, double wallMm) {
        if (!(waterConcentrationBqPerMl >= 0)) {
            throw InputException.field("concentration (Bq/mL)", "must be >= 0, got " + waterConcentrationBqPerMl);
        }
        if (!(wallMm >= 0) || wallMm > 50) {
            throw InputException.field("wall_mm", "must be in [0, 50] mm, got " + wallMm);
        }
        List<Region> regions = new ArrayList<>();
        if (wallMm > 0) {
            regions.add(Region.of("wall", "wall", EllipticCylinder.circularAlongZ(0, 0, 0,
                    INSIDE_DIAMETER_MM + 2 * wallMm, INSIDE_HEIGHT_MM + 2 * wallMm), "pmma", 0));
        }
        double floor = -0.5 * INSIDE_HEIGHT_MM;
        regions.add(Region.of("water", "water", EllipticCylinder.circularAlongZ(0, 0, 0, INSIDE_DIAMETER_MM,
                INSIDE_HEIGHT_MM), "water", waterConcentrationBqPerMl));
        double rodZ = floor + 0.5 * ROD_LENGTH_MM;
        for (int s = 0; s < 6; s++) {
            double d = ROD_DIAMETERS_MM[s];
            List<double[]> centres = rodCentres(s);
            for (int k = 0; k < centres.size(); k++) {
                double[] c = centres.get(k);
                regions.add(Region.of("rod_s" + (s + 1) + "_" + k, "rods_" + d + "mm",
                        EllipticCylinder.circularAlongZ(c[0], c[1], rodZ, d, ROD_LENGTH_MM), "pmma", 0));
            }
        }
        double sphereZ = floor + 130;
        for (int i = 0; i < 6; i++) {
            double a = Math.toRadians(60.0 * i);
            double d = SPHERE_DIAMETERS_MM[i];
            regions.add(Region.of("sphere_" + d + "mm", "sphere_" + d + "mm",
                    Ellipsoid.sphere(60 * Math.cos(a), 60 * Math.sin(a), sphereZ, d), "pmma", 0));
        }
        return Phantom.of("jaszczak_deluxe", regions);
    }

    /**
     * Rod centres (x, y mm) of sector s (0..5, sector s spans angles [60 s, 60 (s+1)) degrees): a
     * triangular lattice of pitch 2d with one row along the sector's first edge, keeping each rod half a
     * quarter diameter clear of both edges and inside {@link #ROD_FIELD_RADIUS_MM}.
     */
    public static List<double[]> rodCentres(int s) {
        double d = ROD_DIAMETERS_MM[s];
        double pitch = 2 * d;
        double clear = 0.75 * d; // rod radius + a quarter-diameter gap
        double a0 = Math.toRadians(60.0 * s);
        double c0 = Math.cos(a0);
        double s0 = Math.sin(a0);
        List<double[]> out = new ArrayList<>();
        int n = (int) Math.ceil(ROD_FIELD_RADIUS_MM / pitch) + 2;
        for (int j = 0; j <= n; j++) {
            for (int i = 0; i <= n; i++) {
                // local frame: u along the first edge, v towards the second edge (60 degrees away)
                double u = pitch * (i + 0.5 * j);
                double v = pitch * (j * Math.sqrt(3) / 2);
                // distances to the two edges of the 60-degree wedge
                double dist1 = v;
                double dist2 = u * Math.sin(Math.PI / 3) - v * Math.cos(Math.PI / 3);
                if (dist1 < clear || dist2 < clear || Math.hypot(u, v) + 0.5 * d > ROD_FIELD_RADIUS_MM) {
                    continue;
                }
                out.add(new double[] {u * c0 - v * s0, u * s0 + v * c0});
            }
        }
        return out;
    }
}
