package org.spectlab.phantoms.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spectlab.core.error.InputException;
import org.spectlab.phantoms.model.Phantom;
import org.spectlab.phantoms.model.Region;
import org.spectlab.phantoms.shape.Box;
import org.spectlab.phantoms.shape.EllipticCylinder;
import org.spectlab.phantoms.shape.Ellipsoid;
import org.spectlab.phantoms.shape.HollowShell;
import org.spectlab.phantoms.shape.Rotation;
import org.spectlab.phantoms.shape.Shape;

/**
 * An anthropomorphic adult torso (pelvis to shoulders) from analytic organs, in the spirit of the
 * stylised MIRD phantoms.
 *
 * <p>Layers from outside in: skin, subcutaneous adipose, muscle, and the remaining soft tissue
 * ({@code body}); twelve pairs of ribs, the spine, the pelvis (iliac wings) and both femoral heads,
 * each a cortical shell around a trabecular core labelled {@code red_marrow} (the marrow
 * compartment); lungs, heart (myocardium and blood pool), liver, spleen, stomach, small intestine,
 * colon (ascending, transverse, descending), kidneys and urinary bladder. Kidneys are modelled as
 * cortex only (no medulla or pelvis labels).
 *
 * <p>Organ sizes: each soft organ has two semi-axes fixed by the layout and the third chosen so that
 * volume x density equals the ICRP Publication 89 (2002) adult reference mass of Table 2.8 (male /
 * female; see {@link TorsoReference}). Small intestine and colon are sized by wall plus contents,
 * the colon split over its three segments at a common radius. Skin, adipose and muscle are layers of
 * uniform thickness whose thickness is the whole-body ICRP 89 mass spread over the ICRP 89 body
 * surface area (Table 2.9): this places all adipose tissue subcutaneously and all skeletal muscle in
 * one layer (an approximation; the torso then holds the torso's share of each). Skin is rendered as
 * soft tissue (the library has no skin material; ICRU 46 skin and soft tissue differ by 3% in
 * density). The bladder is a 200 mL filling (ICRP 89 reference urine content, Table 2.8).
 *
 * <p>Bones (approximations): ribs are elliptic bands (height 10 mm, 8 mm thick) just inside the
 * muscle layer, 22 mm apart, the band between them muscle (intercostal); where the lungs or heart reach the band they override it. The pelvis is
 * two iliac plates (14 x 90 x 80 mm); the pubis is left out. Cortex 1.5 mm (ribs), 2 mm (pelvis,
 * femoral heads), 3 mm (spine). Bone masses are not tuned to ICRP 89.
 *
 * <p>Scaling by height and weight: lengths along z scale with height (H / H_ref), and the
 * transverse (x, y) dimensions by {@code sqrt((W / W_ref) / (H / H_ref))}, so every volume - body and
 * organs alike - scales with weight (W / W_ref). This keeps organ masses proportional to body mass
 * at the reference composition, the simplest rule consistent with ICRP 89's reference values (which
 * are given for the reference body only); it does not model that fat, rather than organs, grows with
 * weight. When only the height is given, the weight follows at the reference body-mass index
 * (W proportional to H^2).
 *
 * <p>The organs sized by mass do not overlap one another or the bones (tested through their rendered
 * masses), so each such organ's rendered mass is its analytic mass up to partial-volume sampling. Axes: patient x left, y
 * posterior, z superior; body centred at the origin, 660 mm long at the reference height.
 */
public final class AdultTorso {

    /** Reference sex. */
    public enum Sex { MALE, FEMALE }

    /** Organ label names. */
    public static final List<String> ORGANS = List.of("body", "skin", "adipose", "muscle", "lung_left",
            "lung_right", "myocardium", "heart_blood", "liver", "spleen", "stomach", "small_intestine", "colon",
            "kidney_left", "kidney_right", "urinary_bladder", "spine", "ribs", "pelvis", "femoral_head_left",
            "femoral_head_right", "red_marrow");

    /** Radial thickness of the rib band (mm at reference size). */
    public static final double RIB_BAND_MM = 8;

    /** Labels carved out of the former body region; without a concentration of their own they take the body's. */
    private static final List<String> BODY_WALL = List.of("skin", "adipose", "muscle");

    /**
     * Options.
     *
     * @param sex            reference masses to use
     * @param heightScale    body height over the ICRP 89 reference height, 0.7..1.3
     * @param weightScale    body mass over the ICRP 89 reference mass, 0.3..2.5
     * @param concentrations activity concentration (Bq/mL) by organ label; missing organs get 0, except
     *                       skin, adipose and muscle, which get the body's
     */
    public record Options(Sex sex, double heightScale, double weightScale, Map<String, Double> concentrations) {
        /** Validates the scales, organ names and concentrations. */
        public Options {
            if (sex == null) {
                throw InputException.field("sex", "must be male or female");
            }
            if (!(heightScale >= 0.7 && heightScale <= 1.3)) {
                throw InputException.field("scale", "height scale must be in [0.7, 1.3], got " + heightScale);
            }
            if (!(weightScale >= 0.3 && weightScale <= 2.5)) {
                throw InputException.field("weight_kg", "weight over the reference must be in [0.3, 2.5], got "
                        + weightScale);
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

        /** An isotropic length scale: heights by {@code scale}, weight by its cube. */
        public Options(Sex sex, double scale, Map<String, Double> concentrations) {
            this(sex, scale, scale * scale * scale, concentrations);
        }

        /** Reference size, given concentrations. */
        public static Options of(Sex sex, Map<String, Double> concentrations) {
            return new Options(sex, 1.0, 1.0, concentrations);
        }

        /** A body height (cm); the weight follows at the reference body-mass index. */
        public Options withHeightCm(double heightCm) {
            double h = heightCm / TorsoReference.heightCm(sex);
            return new Options(sex, h, h * h, concentrations);
        }

        /** A body height (cm) and weight (kg). */
        public Options withHeightAndWeight(double heightCm, double weightKg) {
            return new Options(sex, heightCm / TorsoReference.heightCm(sex), weightKg / TorsoReference.weightKg(sex),
                    concentrations);
        }

        /** Scale of lengths along z (height). */
        public double lengthScale() {
            return heightScale;
        }

        /** Scale of transverse (x, y) lengths: {@code sqrt(weightScale / heightScale)}. */
        public double transverseScale() {
            return Math.sqrt(weightScale / heightScale);
        }
    }

    /** ICRP 89 reference mass (g) of an organ label for the sex, for organs sized by mass. */
    public static Map<String, Double> referenceMassesG(Sex sex) {
        return TorsoReference.organMassesG(sex);
    }

    /** Density (g/cm^3) used to size each organ (ICRU Report 46). */
    public static double sizingDensityGPerCm3(String organ) {
        return TorsoReference.sizingDensityGPerCm3(organ);
    }

    private AdultTorso() {
    }

    /** Builds the torso. */
    public static Phantom build(Options o) {
        Builder b = new Builder(o);
        Sex sex = o.sex();
        // body wall: skin, adipose and muscle layers of uniform thickness (mm at reference size)
        double skin = TorsoReference.layerThicknessMm(sex, "skin");
        double fat = TorsoReference.layerThicknessMm(sex, "adipose");
        double muscle = TorsoReference.layerThicknessMm(sex, "muscle");
        double ax = 175;
        double by = 110;
        double len = 660;
        b.add("skin", "skin", b.zCylinder(0, 0, 0, ax, by, len), "soft_tissue");
        b.add("adipose", "adipose", b.zCylinder(0, 0, 0, ax - skin, by - skin, len), "adipose");
        double wall = skin + fat;
        b.add("muscle", "muscle", b.zCylinder(0, 0, 0, ax - wall, by - wall, len), "muscle");
        wall += muscle;
        double innerA = ax - wall;
        double innerB = by - wall;
        // ribs: 12 elliptic bands 8 mm thick just inside the muscle layer; between them the band is
        // (intercostal) muscle
        for (int i = 0; i < 12; i++) {
            double z = 40 + 22 * i;
            String id = "rib_" + (i + 1);
            b.add(id + "_cortical", "ribs", b.zCylinder(0, 0, z, innerA, innerB, 10), "cortical_bone");
            b.add(id + "_trabecular", "red_marrow", b.zCylinder(0, 0, z, innerA - 1.5, innerB - 1.5, 7),
                    "trabecular_bone");
            b.add(id + "_inner_cortical", "ribs", b.zCylinder(0, 0, z, innerA - 6.5, innerB - 6.5, 10),
                    "cortical_bone");
        }
        b.add("body", "body", b.zCylinder(0, 0, 0, innerA - RIB_BAND_MM, innerB - RIB_BAND_MM, len), "soft_tissue");
        // spine: 30 mm vertebral column, 3 mm cortical shell around a trabecular (marrow) core
        EllipticCylinder spine = b.zCylinder(0, 85, -15, 15, 15, 630);
        b.add("spine_cortical", "spine", HollowShell.of(spine, 3 * b.sw), "cortical_bone");
        b.add("spine_trabecular", "red_marrow", spine.inset(3 * b.sw), "trabecular_bone");
        // pelvis: two iliac plates; femoral heads below them
        for (int side = -1; side <= 1; side += 2) {
            String s = side > 0 ? "left" : "right";
            Box ilium = Box.of(side * 112 * b.sw, 20 * b.sw, -250 * b.sh, 14 * b.sw, 90 * b.sw, 80 * b.sh);
            b.add("pelvis_" + s + "_cortical", "pelvis", ilium, "cortical_bone");
            b.add("pelvis_" + s + "_trabecular", "red_marrow", ilium.inset(2 * b.sw), "trabecular_bone");
            Ellipsoid head = Ellipsoid.of(side * 85 * b.sw, 0, -306 * b.sh, 22 * b.sw, 22 * b.sw, 22 * b.sh);
            b.add("femoral_head_" + s + "_cortical", "femoral_head_" + s, head, "cortical_bone");
            b.add("femoral_head_" + s + "_trabecular", "red_marrow", head.inset(2 * Math.min(b.sw, b.sh)),
                    "trabecular_bone");
        }
        b.organ("lung_left", 95, 10, 170, 50, 75, "lung");
        b.organ("lung_right", -95, 10, 170, 50, 75, "lung");
        // heart: outer ellipsoid holds myocardium + blood; the blood pool is the same ellipsoid scaled
        Map<String, Double> mass = referenceMassesG(sex);
        double heartMl = mass.get("myocardium") / sizingDensityGPerCm3("myocardium")
                + mass.get("heart_blood") / sizingDensityGPerCm3("heart_blood");
        double a = 45;
        double bb = 55;
        double cc = heartMl * 1e3 / (4.0 / 3 * Math.PI * a * bb);
        b.add("myocardium", "myocardium", b.ellipsoid(0, -35, 110, a, bb, cc), "muscle");
        double k = Math.cbrt(mass.get("heart_blood") / sizingDensityGPerCm3("heart_blood") / heartMl);
        b.add("heart_blood", "heart_blood", b.ellipsoid(0, -35, 110, a * k, bb * k, cc * k), "blood");
        b.organ("liver", -70, 0, -40, 95, 80, "soft_tissue");
        b.organ("spleen", 110, 40, -20, 30, 45, "soft_tissue");
        b.organ("stomach", 75, -40, -40, 45, 35, "soft_tissue");
        b.organ("small_intestine", 15, -40, -195.5, 75, 50, "soft_tissue");
        // colon: ascending (right), transverse, descending (left) at one radius sized by the ICRP mass
        double colonMl = mass.get("colon") / sizingDensityGPerCm3("colon");
        double verticalMm = 90;
        double transverseMm = 160;
        double r = Math.sqrt(colonMl * 1e3 / (Math.PI * (2 * verticalMm + transverseMm)));
        b.add("colon_ascending", "colon", b.zCylinder(-120, -20, -160, r, r, verticalMm), "soft_tissue");
        b.add("colon_transverse", "colon", EllipticCylinder.of(0, -72 * b.sw, -110 * b.sh, r * b.sh, r * b.sw,
                transverseMm * b.sw, Rotation.localZToX()), "soft_tissue");
        b.add("colon_descending", "colon", b.zCylinder(120, -20, -160, r, r, verticalMm), "soft_tissue");
        b.organ("kidney_left", 60, 60, -140, 30, 25, "soft_tissue");
        b.organ("kidney_right", -60, 60, -140, 30, 25, "soft_tissue");
        double bladderR = Math.cbrt(TorsoReference.BLADDER_CONTENT_ML / (4.0 / 3 * Math.PI) * 1e3);
        b.add("urinary_bladder", "urinary_bladder", b.ellipsoid(0, -40, -293, bladderR, bladderR, bladderR), "water");
        return Phantom.of("adult_torso_" + sex.name().toLowerCase(Locale.ROOT), b.regions);
    }

    /** Collects regions at the option's scales and concentrations. */
    private static final class Builder {
        final Options o;
        final double sw;
        final double sh;
        final List<Region> regions = new ArrayList<>();

        Builder(Options o) {
            this.o = o;
            this.sw = o.transverseScale();
            this.sh = o.lengthScale();
        }

        double concentration(String label) {
            Map<String, Double> c = o.concentrations();
            if (c.containsKey(label)) {
                return c.get(label);
            }
            return BODY_WALL.contains(label) ? c.getOrDefault("body", 0.0) : 0.0;
        }

        void add(String id, String label, Shape shape, String material) {
            regions.add(Region.of(id, label, shape, material, concentration(label)));
        }

        /** A z-aligned elliptic cylinder; arguments in mm at reference size. */
        EllipticCylinder zCylinder(double x, double y, double z, double a, double b, double length) {
            return EllipticCylinder.of(x * sw, y * sw, z * sh, a * sw, b * sw, length * sh, Rotation.identity());
        }

        /** An axis-aligned ellipsoid; arguments in mm at reference size. */
        Ellipsoid ellipsoid(double x, double y, double z, double a, double b, double c) {
            return Ellipsoid.of(x * sw, y * sw, z * sh, a * sw, b * sw, c * sh);
        }

        /** An ellipsoid organ with semi-axes a, b (mm at reference size) and c sized from the ICRP mass. */
        void organ(String name, double x, double y, double z, double a, double b, String material) {
            double volumeMm3 = referenceMassesG(o.sex()).get(name) / sizingDensityGPerCm3(name) * 1e3;
            double c = volumeMm3 / (4.0 / 3 * Math.PI * a * b);
            add(name, name, ellipsoid(x, y, z, a, b, c), material);
        }
    }
}
