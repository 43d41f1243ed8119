package org.spectlab.phantoms.library;

import java.util.ArrayList;
import java.util.List;
import org.spectlab.core.error.InputException;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.model.Region;
import org.spectlab.phantoms.shape.EllipticCylinder;
import org.spectlab.phantoms.shape.Ellipsoid;
import org.spectlab.phantoms.shape.HollowShell;
import org.spectlab.phantoms.shape.Rotation;

/**
 * The NEMA IEC body phantom ("NEMA 2001/IEC 61675-1 body phantom" as used in NEMA NU 2-2012
 * section 7 image quality and IEC 61675-1).
 *
 * <p>Geometry (interior, mm), from the phantom drawing of NEMA NU 2-2012 Fig. 7.1-1 / IEC 61675-1:
 * <ul>
 *   <li>body: torso-shaped prism (see {@link IecBodyOutline}): anterior half-disc radius 147, posterior
 *       corners radius 77 centred at x = +-70, flat posterior side; interior length 180; PMMA walls of
 *       {@link Options#bodyWallMm} (3 mm by default; the standards fix the interior, not the wall);</li>
 *   <li>six fillable spheres, inner diameters 10, 13, 17, 22, 28, 37, PMMA walls 1 mm (IEC 61675-1:
 *       wall thickness at most 1 mm), centres on a circle of radius 57.2 around the phantom axis, all in
 *       one transverse plane at {@link Options#spherePlaneFromLidMm} from the inner lid surface
 *       (70 mm by default; NEMA NU 2 requires the sphere centres to be co-planar with the axial centre
 *       region of the scanner, the exact distance depends on the build and could not be verified here);
 *       spheres at 60 degree steps, the 10 mm sphere at patient left (+x) and sizes increasing towards
 *       anterior;</li>
 *   <li>lung insert: cylinder of 50 mm outside diameter (NEMA NU 2-2012: 50 +- 2 mm) along the full
 *       length on the axis, filled with a low-density material (material {@code "lung"}), no activity.</li>
 * </ul>
 * Coordinates: phantom axis on patient z through (0, 0), body centred at z = 0, lid at the superior
 * end (z = +90).
 *
 * <p>What was confirmed, and what was not (search of public sources, 2025): the notes to Figure 4 of
 * GOST R IEC 61675-1 (the Russian adoption of IEC 61675-1, editions 2006 and 2013) state that the
 * phantom is PMMA, that all diameters are interior, that the sphere centres lie at the same distance
 * from the support plate that replaces the lid (i.e. one transverse plane, as modelled) and that the
 * spheres may be glass; the sphere wall is "less than 1 mm" in the 2006 text and "not less than 1 mm"
 * in the 2013 text, so 1 mm is kept. <b>Unconfirmed</b> (no public drawing was found): the distance of
 * the sphere plane from the lid (70 mm here), the angular order of the spheres, the body wall
 * thickness (3 mm here) and the outline radii 147 / 77 mm and half-flat 70 mm, which are taken from
 * the commonly reproduced NEMA NU 2 drawing; treat them as nominal.
 */
public final class NemaIecBodyPhantom {
    /** Sphere inner diameters, mm (NEMA NU 2-2012 / IEC 61675-1). */
    public static final double[] SPHERE_DIAMETERS_MM = {10, 13, 17, 22, 28, 37};
    /** Radius of the circle of sphere centres, mm. */
    public static final double SPHERE_CIRCLE_RADIUS_MM = 57.2;
    /** Interior length, mm. */
    public static final double INTERIOR_LENGTH_MM = 180;
    /** Sphere wall thickness, mm. */
    public static final double SPHERE_WALL_MM = 1.0;
    /** Lung insert outside diameter, mm. */
    public static final double LUNG_INSERT_DIAMETER_MM = 50;

    /**
     * Options.
     *
     * @param backgroundConcentrationBqPerMl background (body) concentration, Bq/mL
     * @param sphereToBackgroundRatio        hot-sphere to background concentration ratio (e.g. 4 or 8)
     * @param spherePlaneFromLidMm           distance of the sphere-centre plane from the inner lid surface
     * @param bodyWallMm                     PMMA wall of the body, mm (0 for none)
     */
    public record Options(double backgroundConcentrationBqPerMl, double sphereToBackgroundRatio,
                          double spherePlaneFromLidMm, double bodyWallMm) {
        /** Validates. */
        public Options {
            if (!(backgroundConcentrationBqPerMl >= 0)) {
                throw InputException.field("background concentration (Bq/mL)", "must be >= 0");
            }
            if (!(sphereToBackgroundRatio >= 0)) {
                throw InputException.field("sphere to background ratio", "must be >= 0, got "
                        + sphereToBackgroundRatio);
            }
            if (!(spherePlaneFromLidMm >= 20) || spherePlaneFromLidMm > INTERIOR_LENGTH_MM - 20) {
                throw InputException.field("sphere plane from lid (mm)", "must be in [20, 160] so the 37 mm sphere"
                        + " fits, got " + spherePlaneFromLidMm);
            }
            if (!(bodyWallMm >= 0) || bodyWallMm > 20) {
                throw InputException.field("body wall (mm)", "must be in [0, 20], got " + bodyWallMm);
            }
        }

        /** Defaults: the given background and ratio, sphere plane 70 mm from the lid, 3 mm body wall. */
        public static Options of(double backgroundConcentrationBqPerMl, double sphereToBackgroundRatio) {
            return new Options(backgroundConcentrationBqPerMl, sphereToBackgroundRatio, 70, 3);
        }
    }

    private NemaIecBodyPhantom() {
    }

    /** z (mm) of the plane of sphere centres. */
    public static double spherePlaneZMm(Options o) {
        return 0.5 * INTERIOR_LENGTH_MM - o.spherePlaneFromLidMm();
    }

    /** Centre (x, y, z) in mm of sphere {@code i} (0 = 10 mm ... 5 = 37 mm). */
    public static double[] sphereCentreMm(Options o, int i) {
        double angle = Math.toRadians(-60.0 * i); // from +x (patient left) towards -y (anterior)
        return new double[] {SPHERE_CIRCLE_RADIUS_MM * Math.cos(angle), SPHERE_CIRCLE_RADIUS_MM * Math.sin(angle),
            spherePlaneZMm(o)};
    }

    /** Region id of the interior of sphere i. */
    public static String sphereId(int i) {
        return "sphere_" + (int) SPHERE_DIAMETERS_MM[i] + "mm";
    }

    /** Builds the phantom. */
    public static Phantom build(Options o) {
        List<Region> regions = new ArrayList<>();
        double half = 0.5 * INTERIOR_LENGTH_MM;
        IecBodyOutline interior = new IecBodyOutline(0, 147, 77, 70, half);
        double bg = o.backgroundConcentrationBqPerMl();
        if (o.bodyWallMm() > 0) {
            double t = o.bodyWallMm();
            IecBodyOutline outer = new IecBodyOutline(0, 147 + t, 77 + t, 70, half + t);
            regions.add(Region.of("body_wall", "phantom_wall", HollowShell.of(outer, t), "pmma", 0));
        }
        regions.add(Region.of("background", "background_water", interior, "water", bg));
        regions.add(Region.of("lung_insert", "lung_insert",
                EllipticCylinder.of(0, 0, 0, 0.5 * LUNG_INSERT_DIAMETER_MM, 0.5 * LUNG_INSERT_DIAMETER_MM,
                        INTERIOR_LENGTH_MM, Rotation.identity()), "lung", 0));
        for (int i = 0; i < SPHERE_DIAMETERS_MM.length; i++) {
            double[] c = sphereCentreMm(o, i);
            double d = SPHERE_DIAMETERS_MM[i];
            regions.add(Region.of(sphereId(i) + "_wall", "sphere_wall",
                    HollowShell.of(Ellipsoid.sphere(c[0], c[1], c[2], d + 2 * SPHERE_WALL_MM), SPHERE_WALL_MM),
                    "pmma", 0));
            regions.add(Region.of(sphereId(i), sphereId(i), Ellipsoid.sphere(c[0], c[1], c[2], d), "water",
                    bg * o.sphereToBackgroundRatio()));
        }
        return Phantom.of("nema_iec_body", regions);
    }
}
