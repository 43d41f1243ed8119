package org.spectlab.phantoms.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.spectlab.core.error.InputException;
import org.spectlab.phantoms.library.AdultHeadNeck;
import org.spectlab.phantoms.library.AdultTorso;
import org.spectlab.phantoms.library.JaszczakDeluxePhantom;
import org.spectlab.phantoms.library.NemaIecBodyPhantom;
import org.spectlab.phantoms.library.PresetCatalog;
import org.spectlab.phantoms.library.SimpleSources;
import org.spectlab.phantoms.model.Phantom;

/** Builds a library preset from {@code preset: {name: ..., options: {...}}}. */
final class PresetParser {
    /** Preset names. */
    static final String NAMES = String.join(", ", PresetCatalog.names());

    private PresetParser() {
    }

    static Phantom parse(Node preset) {
        preset.allowOnly("name", "options");
        String name = PresetCatalog.canonicalName(preset.text("name"));
        Node o = preset.has("options") ? preset.child("options") : new Node(
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), preset.path() + ".options");
        switch (name) {
            case "nema_iec_body":
                o.allowOnly("background_bq_per_ml", "sphere_to_background", "sphere_plane_from_lid_mm", "body_wall_mm");
                return NemaIecBodyPhantom.build(new NemaIecBodyPhantom.Options(o.nonNegative("background_bq_per_ml", 0),
                        o.nonNegative("sphere_to_background", 4), o.number("sphere_plane_from_lid_mm", 70),
                        o.nonNegative("body_wall_mm", 3)));
            case "jaszczak_deluxe":
                o.allowOnly("concentration_bq_per_ml", "wall_mm");
                return JaszczakDeluxePhantom.build(o.nonNegative("concentration_bq_per_ml", 0),
                        o.nonNegative("wall_mm", JaszczakDeluxePhantom.DEFAULT_WALL_MM));
            case "uniform_cylinder_20cm", "uniform_cylinder_22cm":
                o.allowOnly("length_mm", "wall_mm", "concentration_bq_per_ml");
                return SimpleSources.namedCylinder(name.endsWith("20cm") ? SimpleSources.CYLINDER_20CM_DIAMETER_MM
                        : SimpleSources.CYLINDER_22CM_DIAMETER_MM, o.has("length_mm") ? o.positive("length_mm") : 200,
                        o.nonNegative("wall_mm", 0), o.nonNegative("concentration_bq_per_ml", 0));
            case "uniform_cylinder":
                o.allowOnly("diameter_mm", "length_mm", "concentration_bq_per_ml");
                return SimpleSources.uniformCylinder(o.positive("diameter_mm"), o.positive("length_mm"),
                        o.nonNegative("concentration_bq_per_ml", 0));
            case "point_source": {
                o.allowOnly("position_mm", "diameter_mm", "activity_mbq", "scatter_cylinder_diameter_mm");
                double[] p = o.numbers("position_mm", 3);
                return SimpleSources.pointSource(p[0], p[1], p[2], o.has("diameter_mm") ? o.positive("diameter_mm") : 1.0,
                        o.nonNegative("activity_mbq", 0), o.nonNegative("scatter_cylinder_diameter_mm", 0));
            }
            case "line_source": {
                o.allowOnly("position_mm", "length_mm", "activity_mbq", "scatter_cylinder_diameter_mm");
                double[] p = o.numbers("position_mm", 2);
                return SimpleSources.lineSource(p[0], p[1], o.positive("length_mm"), o.nonNegative("activity_mbq", 0),
                        o.nonNegative("scatter_cylinder_diameter_mm", 0));
            }
            case "adult_torso":
                return torso(o);
            case "head_neck":
                return headNeck(o);
            default:
                throw InputException.field(preset.path() + ".name", "unknown preset '" + name + "'; allowed: " + NAMES);
        }
    }

    /**
     * Isotropic length scale of a preset (already checked by {@link #parse}), as far as body mass goes:
     * {@code scale} for adult_torso and head_neck, or for adult_torso with {@code height_cm} /
     * {@code weight_kg} the cube root of the body-mass ratio to the ICRP 89 reference; 1 for every
     * other preset.
     */
    static double lengthScale(Node preset) {
        String name = PresetCatalog.canonicalName(preset.text("name"));
        if (!preset.has("options") || !(name.equals("adult_torso") || name.equals("head_neck"))) {
            return 1.0;
        }
        Node o = preset.child("options");
        if (name.equals("adult_torso") && (o.has("height_cm") || o.has("weight_kg"))) {
            // the isotropic scale whose cube is the body-mass ratio (weight follows height at the
            // reference body-mass index when only height_cm is given)
            AdultTorso.Options ref = new AdultTorso.Options(sex(o), 1.0, Map.of());
            double h = o.has("height_cm") ? o.positive("height_cm")
                    : org.spectlab.phantoms.library.TorsoReference.heightCm(ref.sex());
            AdultTorso.Options t = o.has("weight_kg") ? ref.withHeightAndWeight(h, o.positive("weight_kg"))
                    : ref.withHeightCm(h);
            return Math.cbrt(t.weightScale());
        }
        return o.number("scale", 1.0);
    }

    private static AdultTorso.Sex sex(Node o) {
        String sexText = o.text("sex", "male").toLowerCase(Locale.ROOT);
        switch (sexText) {
            case "male", "m":
                return AdultTorso.Sex.MALE;
            case "female", "f":
                return AdultTorso.Sex.FEMALE;
            default:
                throw InputException.field(o.path() + ".sex", "must be male or female, got '" + sexText + "'");
        }
    }

    private static Map<String, Double> concentrations(Node o, java.util.List<String> organs) {
        Map<String, Double> conc = new LinkedHashMap<>();
        if (o.has("concentrations_bq_per_ml")) {
            Node c = o.child("concentrations_bq_per_ml");
            for (String organ : c.keys()) {
                if (!organs.contains(organ)) {
                    throw InputException.field(c.path() + "." + organ, "unknown organ; allowed: " + organs);
                }
                conc.put(organ, c.nonNegative(organ, 0));
            }
        }
        return conc;
    }

    private static Phantom headNeck(Node o) {
        o.allowOnly("sex", "scale", "concentrations_bq_per_ml");
        return AdultHeadNeck.build(new AdultHeadNeck.Options(sex(o), o.number("scale", 1.0),
                concentrations(o, AdultHeadNeck.ORGANS)));
    }

    private static Phantom torso(Node o) {
        o.allowOnly("sex", "scale", "height_cm", "weight_kg", "concentrations_bq_per_ml");
        AdultTorso.Sex sex = sex(o);
        Map<String, Double> conc = concentrations(o, AdultTorso.ORGANS);
        AdultTorso.Options opt = new AdultTorso.Options(sex, o.number("scale", 1.0), conc);
        if (o.has("height_cm") || o.has("weight_kg")) {
            if (o.has("scale")) {
                throw InputException.field(o.path() + (o.has("height_cm") ? ".height_cm" : ".weight_kg"),
                        "give either scale or height_cm/weight_kg, not both");
            }
            if (o.has("weight_kg")) {
                double h = o.has("height_cm") ? o.positive("height_cm") : org.spectlab.phantoms.library.TorsoReference
                        .heightCm(sex);
                opt = opt.withHeightAndWeight(h, o.positive("weight_kg"));
            } else {
                opt = opt.withHeightCm(o.positive("height_cm"));
            }
        }
        return AdultTorso.build(opt);
    }
}
