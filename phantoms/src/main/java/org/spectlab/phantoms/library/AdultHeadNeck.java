package org.spectlab.phantoms.library;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spectlab.core.error.InputException;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.model.Region;
import org.spectlab.phantoms.shape.EllipticCylinder;
import org.spectlab.phantoms.shape.Ellipsoid;
import org.spectlab.phantoms.shape.HollowShell;
import org.spectlab.phantoms.shape.Rotation;

/**
 * An anthropomorphic adult head and neck (vertex to the base of the neck) from analytic solids, the
 * head/neck companion of {@link AdultTorso}: soft tissue of head, face and neck, posterior neck muscle,
 * cranial bone shell, brain, parotid and submandibular salivary glands, the two thyroid lobes, the
 * cervical spine (cortical shell, trabecular core), the trachea wall and the air in the airway.
 *
 * <p>Organs sized by ICRP Publication 89 (2002) adult reference masses, male / female:
 * <ul>
 *   <li>brain 1450 / 1300 g (ICRP 89 Table 2.8; reproduced in J Nucl Med reference-mass tables);</li>
 *   <li>thyroid 20 / 17 g, i.e. 10 / 8.5 g per lobe (ICRP 89 Table 2.8, left and right thyroid);</li>
 *   <li>salivary glands 85 / 70 g (ICRP 89 Table 2.8), split for the male into parotid 50 g,
 *       submandibular ("submaxillary") 25 g and sublingual 10 g as in ICRP 89 (quoted by Lee et al.,
 *       Health Phys 102 (2012) 292, Table 2). The female split is taken proportional to the male one
 *       (parotid 41.2 g, submandibular 20.6 g): an assumption, ICRP 89's female split was not seen.
 *       Sublingual glands are not modelled.</li>
 * </ul>
 * Densities for the sizing (g/cm^3, ICRU Report 46): brain 1.04, thyroid 1.05, salivary glands 1.03
 * (ICRU 46 average soft tissue, as used by Lee et al. 2012). Each organ is an ellipsoid whose two
 * semi-axes are layout choices and whose third gives the reference mass; organs do not overlap, so the
 * rendered mass equals the target up to partial-volume sampling (tested).
 *
 * <p>Not sized by mass (layout choices, stated here): the cranial bone is a 7 mm cortical-bone shell
 * hugging the brain; the cervical spine is a 24 mm column with a 2 mm cortical shell from z = -70 to
 * 40 mm; the trachea is an 18 mm tube with a 2 mm wall (soft tissue) around an air lumen from z = -80
 * to 10 mm (ICRP 89 gives the trachea 10 g over its whole length, most of which lies in the thorax);
 * the posterior neck muscle is an elliptic cylinder 90 x 50 mm. Mandible, teeth, eyes, sinuses, the
 * thyroid isthmus and the pharynx are left out.
 *
 * <p>Scaling: {@link Options#scale} multiplies every length (masses scale with its cube).
 * Axes: patient x left, y posterior, z superior; the neck base at z = -80 mm, the vertex near z = 182
 * mm.
 */
public final class AdultHeadNeck {

    /** Organ label names. */
    public static final List<String> ORGANS = List.of("body", "neck_muscle", "skull", "brain", "parotid_left",
            "parotid_right", "submandibular_left", "submandibular_right", "thyroid_left", "thyroid_right",
            "spine_cervical", "trachea", "airway");

    /** Cranial bone thickness, mm (layout choice). */
    public static final double SKULL_MM = 7;

    /**
     * Options.
     *
     * @param sex            reference masses to use
     * @param scale          isotropic length scale (1 = reference), 0.7..1.3
     * @param concentrations activity concentration (Bq/mL) by organ label; missing organs get 0
     */
    public record Options(AdultTorso.Sex sex, double scale, Map<String, Double> concentrations) {
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

        /** Reference size with the given concentrations. */
        public static Options of(AdultTorso.Sex sex, Map<String, Double> concentrations) {
            return new Options(sex, 1.0, concentrations);
        }
    }

    private AdultHeadNeck() {
    }

    /** ICRP 89 reference mass (g) of each organ label sized by mass, for the sex (see class notes). */
    public static Map<String, Double> referenceMassesG(AdultTorso.Sex sex) {
        boolean m = sex == AdultTorso.Sex.MALE;
        double salivary = m ? 85.0 : 70.0;
        Map<String, Double> g = new LinkedHashMap<>();
        g.put("brain", m ? 1450.0 : 1300.0);
        g.put("parotid_left", salivary * 50.0 / 85.0 / 2);
        g.put("parotid_right", salivary * 50.0 / 85.0 / 2);
        g.put("submandibular_left", salivary * 25.0 / 85.0 / 2);
        g.put("submandibular_right", salivary * 25.0 / 85.0 / 2);
        g.put("thyroid_left", m ? 10.0 : 8.5);
        g.put("thyroid_right", m ? 10.0 : 8.5);
        return g;
    }

    /** Density (g/cm^3, ICRU Report 46) used to size an organ. */
    public static double sizingDensityGPerCm3(String organ) {
        if (organ.equals("brain")) {
            return 1.04;
        }
        if (organ.startsWith("thyroid")) {
            return 1.05;
        }
        if (organ.startsWith("parotid") || organ.startsWith("submandibular")) {
            return 1.03;
        }
        throw InputException.field("organ", "no sizing density for '" + organ + "'");
    }

    /** Builds the head and neck. */
    public static Phantom build(Options o) {
        double s = o.scale();
        Map<String, Double> mass = referenceMassesG(o.sex());
        Map<String, Double> c = o.concentrations();
        List<Region> r = new ArrayList<>();
        double body = c.getOrDefault("body", 0.0);
        // soft tissue: neck, face / lower head, cranium (scalp over the skull)
        r.add(Region.of("neck", "body", EllipticCylinder.of(0, 10 * s, -10 * s, 65 * s, 58 * s, 140 * s,
                Rotation.identity()), "soft_tissue", body));
        r.add(Region.of("face", "body", Ellipsoid.of(0, -5 * s, 60 * s, 70 * s, 90 * s, 90 * s), "soft_tissue",
                body));
        // brain sized by mass; the skull a shell around it, the scalp 5 mm over the skull
        double brainA = 65;
        double brainB = 85;
        double brainC = mass.get("brain") / sizingDensityGPerCm3("brain") * 1e3 / (4.0 / 3 * Math.PI * brainA * brainB);
        double bz = 110;
        double by = 5;
        double scalp = 5;
        r.add(Region.of("cranium", "body", Ellipsoid.of(0, by * s, bz * s, (brainA + SKULL_MM + scalp) * s,
                (brainB + SKULL_MM + scalp) * s, (brainC + SKULL_MM + scalp) * s), "soft_tissue", body));
        r.add(Region.of("neck_muscle", EllipticCylinder.of(0, 30 * s, -15 * s, 45 * s, 25 * s, 110 * s,
                Rotation.identity()), "muscle", c.getOrDefault("neck_muscle", 0.0)));
        Ellipsoid skullOuter = Ellipsoid.of(0, by * s, bz * s, (brainA + SKULL_MM) * s, (brainB + SKULL_MM) * s,
                (brainC + SKULL_MM) * s);
        r.add(Region.of("skull", HollowShell.of(skullOuter, SKULL_MM * s), "cortical_bone",
                c.getOrDefault("skull", 0.0)));
        r.add(Region.of("brain", Ellipsoid.of(0, by * s, bz * s, brainA * s, brainB * s, brainC * s), "soft_tissue",
                c.getOrDefault("brain", 0.0)));
        // cervical spine: 24 mm column, 2 mm cortical shell
        EllipticCylinder spine = EllipticCylinder.of(0, 35 * s, -15 * s, 12 * s, 12 * s, 110 * s, Rotation.identity());
        double spineConc = c.getOrDefault("spine_cervical", 0.0);
        r.add(Region.of("spine_cervical_cortical", "spine_cervical", HollowShell.of(spine, 2 * s), "cortical_bone",
                spineConc));
        r.add(Region.of("spine_cervical_trabecular", "spine_cervical", spine.inset(2 * s), "trabecular_bone",
                spineConc));
        // trachea wall and airway lumen
        r.add(Region.of("trachea", EllipticCylinder.of(0, -15 * s, -35 * s, 9 * s, 9 * s, 90 * s, Rotation.identity()),
                "soft_tissue", c.getOrDefault("trachea", 0.0)));
        r.add(Region.of("airway", EllipticCylinder.of(0, -15 * s, -35 * s, 7 * s, 7 * s, 90 * s, Rotation.identity()),
                "air", 0.0));
        r.add(organ("parotid_left", 55, 5, 30, 12, 20, s, mass, c));
        r.add(organ("parotid_right", -55, 5, 30, 12, 20, s, mass, c));
        r.add(organ("submandibular_left", 38, -20, 10, 10, 14, s, mass, c));
        r.add(organ("submandibular_right", -38, -20, 10, 10, 14, s, mass, c));
        r.add(organ("thyroid_left", 20, -12, -40, 8, 10, s, mass, c));
        r.add(organ("thyroid_right", -20, -12, -40, 8, 10, s, mass, c));
        return Phantom.of("adult_head_neck_" + o.sex().name().toLowerCase(Locale.ROOT), r);
    }

    /** An ellipsoid organ with semi-axes a, b (mm at scale 1) and c sized from the ICRP 89 mass. */
    private static Region organ(String name, double x, double y, double z, double a, double b, double s,
                                Map<String, Double> mass, Map<String, Double> conc) {
        double volumeMm3 = mass.get(name) / sizingDensityGPerCm3(name) * 1e3;
        double c = volumeMm3 / (4.0 / 3 * Math.PI * a * b);
        return Region.of(name, Ellipsoid.of(x * s, y * s, z * s, a * s, b * s, c * s), "soft_tissue",
                conc.getOrDefault(name, 0.0));
    }
}
