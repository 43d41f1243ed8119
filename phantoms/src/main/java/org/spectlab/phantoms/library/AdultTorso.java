package org.spectlab.phantoms.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spectlab.core.error.InputException;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.model.Region;
import org.spectlab.phantoms.shape.EllipticCylinder;
import org.spectlab.phantoms.shape.Ellipsoid;
import org.spectlab.phantoms.shape.HollowShell;
import org.spectlab.phantoms.shape.Rotation;

/**
 * An anthropomorphic adult torso (pelvis to shoulders) from analytic organs, in the spirit of the
 * stylised MIRD phantoms: body, lungs, heart (myocardium and blood pool), liver, spleen, stomach,
 * kidneys, urinary bladder and spine (cortical shell, trabecular core). Ribs are left out.
 *
 * <p>Organ sizes: each organ is an ellipsoid with two semi-axes fixed by the layout and the third
 * chosen so that volume x density equals the ICRP Publication 89 (2002) adult reference mass, Table
 * 2.8: male / female liver 1800 / 1400 g, spleen 150 / 130 g, kidneys (both) 310 / 275 g, lungs (both,
 * with blood) 1200 / 950 g, heart wall 330 / 250 g, blood in the heart chambers 510 / 370 g, stomach
 * wall 150 / 140 g plus contents 250 / 230 g. Densities (g/cm^3) for the sizing, ICRU Report 46:
 * liver 1.06, spleen 1.06, kidney 1.05, inflated lung 0.26, heart wall 1.05, blood 1.06, stomach
 * 1.04. The urinary bladder is a 200 mL filling (a chosen value, not an ICRP mass). Reference heights
 * 176 cm (male) and 163 cm (female), ICRP 89 Table 2.9.
 *
 * <p>Scaling: {@link Options#scale} multiplies every length, so organ masses scale with its cube
 * (a simple isotropic scaling, not a physiological one). Organs do not overlap (tested), so each
 * organ's rendered mass is its analytic mass up to partial-volume sampling.
 *
 * <p>Axes: patient x left, y posterior, z superior; body centred at the origin, 660 mm long.
 */
public final class AdultTorso {

    /** Reference sex. */
    public enum Sex { MALE, FEMALE }

    /** Organ label names. */
    public static final List<String> ORGANS = List.of("body", "lung_left", "lung_right", "myocardium",
            "heart_blood", "liver", "spleen", "stomach", "kidney_left", "kidney_right", "urinary_bladder",
            "spine");

    /**
     * Options.
     *
     * @param sex            reference masses to use
     * @param scale          isotropic length scale (1 = reference height), 0.7..1.3
     * @param concentrations activity concentration (Bq/mL) by organ label; missing organs get 0
     */
    public record Options(Sex sex, double scale, Map<String, Double> concentrations) {
        /** Validates the scale, organ names and concentrations. */
        public Options {
            if (sex == null) {
                throw InputException.field("sex", "must be male or female");
            }
            if (!(scale >= 0.7 && scale <= 1.3)) {
                throw InputException.field("scale", "must be in [0.7, 1.3], got " + scale);
            }
            concentrations = Map.copyOf(concentrations);
            for (Map.Entry<String, Double> e : concentrations.entrySet()) {
                if (!ORGANS.contains(e.getKey())) {
                    throw InputException.field("organ", "unknown organ '" + e.getKey() + "'; known: " + ORGANS);
                }
                if (!(e.getValue() >= 0) || !Double.isFinite(e.getValue())) {
                    throw InputException.field("concentration of " + e.getKey() + " (Bq/mL)", "must be >= 0, got "
                            + e.getValue());
                }
            }
        }

        /** Reference size, given concentrations. */
        public static Options of(Sex sex, Map<String, Double> concentrations) {
            return new Options(sex, 1.0, concentrations);
        }

        /** Scale from a body height (cm) relative to the ICRP 89 reference height of the sex. */
        public Options withHeightCm(double heightCm) {
            return new Options(sex, heightCm / (sex == Sex.MALE ? 176.0 : 163.0), concentrations);
        }
    }

    /** ICRP 89 reference mass (g) of an organ label for the sex, for organs sized by mass. */
    public static Map<String, Double> referenceMassesG(Sex sex) {
        boolean m = sex == Sex.MALE;
        Map<String, Double> g = new LinkedHashMap<>();
        g.put("liver", m ? 1800.0 : 1400.0);
        g.put("spleen", m ? 150.0 : 130.0);
        g.put("kidney_left", m ? 155.0 : 137.5);
        g.put("kidney_right", m ? 155.0 : 137.5);
        g.put("lung_left", m ? 600.0 : 475.0);
        g.put("lung_right", m ? 600.0 : 475.0);
        g.put("myocardium", m ? 330.0 : 250.0);
        g.put("heart_blood", m ? 510.0 : 370.0);
        g.put("stomach", m ? 400.0 : 370.0);
        return g;
    }

    /** Density (g/cm^3) used to size each organ (ICRU Report 46). */
    public static double sizingDensityGPerCm3(String organ) {
        switch (organ) {
            case "liver", "spleen", "heart_blood":
                return 1.06;
            case "kidney_left", "kidney_right", "myocardium":
                return 1.05;
            case "lung_left", "lung_right":
                return 0.26;
            case "stomach":
                return 1.04;
            default:
                throw InputException.field("organ", "no sizing density for '" + organ + "'");
        }
    }

    private AdultTorso() {
    }

    /** Builds the torso. */
    public static Phantom build(Options o) {
        double s = o.scale();
        Map<String, Double> mass = referenceMassesG(o.sex());
        Map<String, Double> c = o.concentrations();
        List<Region> r = new ArrayList<>();
        r.add(Region.of("body", EllipticCylinder.of(0, 0, 0, 175 * s, 110 * s, 660 * s, Rotation.identity()),
                "soft_tissue", c.getOrDefault("body", 0.0)));
        // spine: 30 mm vertebral column, 3 mm cortical shell around a trabecular core
        EllipticCylinder spine = EllipticCylinder.of(0, 85 * s, 0, 15 * s, 15 * s, 600 * s, Rotation.identity());
        r.add(Region.of("spine_cortical", "spine", HollowShell.of(spine, 3 * s), "cortical_bone",
                c.getOrDefault("spine", 0.0)));
        r.add(Region.of("spine_trabecular", "spine", spine.inset(3 * s), "trabecular_bone",
                c.getOrDefault("spine", 0.0)));
        r.add(organ("lung_left", 95, 10, 170, 50, 75, s, mass, "lung", c));
        r.add(organ("lung_right", -95, 10, 170, 50, 75, s, mass, "lung", c));
        // heart: outer ellipsoid holds myocardium + blood; the blood pool is the same ellipsoid scaled
        double heartMl = mass.get("myocardium") / 1.05 + mass.get("heart_blood") / 1.06;
        double a = 45 * s;
        double b = 55 * s;
        double cc = heartMl * 1e3 / (4.0 / 3 * Math.PI * a * b);
        r.add(Region.of("myocardium", Ellipsoid.of(0, -35 * s, 110 * s, a, b, cc), "muscle",
                c.getOrDefault("myocardium", 0.0)));
        double k = Math.cbrt(mass.get("heart_blood") / 1.06 / heartMl);
        r.add(Region.of("heart_blood", Ellipsoid.of(0, -35 * s, 110 * s, a * k, b * k, cc * k), "blood",
                c.getOrDefault("heart_blood", 0.0)));
        r.add(organ("liver", -70, 0, -40, 95, 80, s, mass, "soft_tissue", c));
        r.add(organ("spleen", 110, 40, -20, 30, 45, s, mass, "soft_tissue", c));
        r.add(organ("stomach", 75, -40, -40, 45, 35, s, mass, "soft_tissue", c));
        r.add(organ("kidney_left", 60, 60, -140, 30, 25, s, mass, "soft_tissue", c));
        r.add(organ("kidney_right", -60, 60, -140, 30, 25, s, mass, "soft_tissue", c));
        double bladderR = Math.cbrt(200e3 / (4.0 / 3 * Math.PI)) * s;
        r.add(Region.of("urinary_bladder", Ellipsoid.of(0, -40 * s, -280 * s, bladderR, bladderR, bladderR),
                "water", c.getOrDefault("urinary_bladder", 0.0)));
        return Phantom.of("adult_torso_" + o.sex().name().toLowerCase(java.util.Locale.ROOT), r);
    }

    /** An ellipsoid organ with semi-axes a, b (mm at scale 1) and c sized from the ICRP mass. */
    private static Region organ(String name, double x, double y, double z, double a, double b, double s,
                                Map<String, Double> mass, String material, Map<String, Double> conc) {
        double volumeMm3 = mass.get(name) / sizingDensityGPerCm3(name) * 1e3;
        double c = volumeMm3 / (4.0 / 3 * Math.PI * a * b); // at scale 1
        return Region.of(name, Ellipsoid.of(x * s, y * s, z * s, a * s, b * s, c * s), material,
                conc.getOrDefault(name, 0.0));
    }
}
