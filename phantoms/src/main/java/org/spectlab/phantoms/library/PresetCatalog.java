package org.spectlab.phantoms.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spectlab.core.error.InputException;

/**
 * The named presets of the library with a one-line description, their outer dimensions and the
 * example configuration shipped for each (classpath resources under
 * {@value #EXAMPLES_RESOURCE_DIR}). Preset names are written with underscores; a hyphen is accepted
 * for an underscore ({@code head-neck} = {@code head_neck}).
 */
public final class PresetCatalog {
    /** Classpath folder of the example configurations. */
    public static final String EXAMPLES_RESOURCE_DIR = "/org/spectlab/phantoms/examples/";

    /**
     * One preset.
     *
     * @param name        preset name as written in {@code preset.name}
     * @param description one line: what it is
     * @param dimensions  outer dimensions in mm, one line
     * @param example     file name of the example configuration (in {@value #EXAMPLES_RESOURCE_DIR})
     */
    public record Preset(String name, String description, String dimensions, String example) {
    }

    private static final List<Preset> PRESETS = List.of(
            new Preset("nema_iec_body", "NEMA NU 2 / IEC 61675-1 body phantom: six hot spheres (10-37 mm), lung insert",
                    "interior 294 x 224 x 180 mm (x, y, z; arc radius 147, corner radius 77), sphere circle radius"
                            + " 57.2", "iec-8to1.yaml"),
            new Preset("jaszczak_deluxe", "Data Spectrum Deluxe (Jaszczak) SPECT phantom: cold rods and cold spheres",
                    "cylinder 216 mm inside diameter x 186 mm inside height, 6.4 mm PMMA walls; rods 4.8-12.7 mm, spheres 9.5-31.8 mm",
                    "jaszczak.yaml"),
            new Preset("uniform_cylinder", "uniform water cylinder (e.g. a flood or scatter phantom)",
                    "diameter and length as given in options (mm)", "uniform-cylinder.yaml"),
            new Preset("uniform_cylinder_20cm", "uniform water cylinder, 20 cm inside diameter, optional PMMA wall",
                    "200 mm inside diameter x 200 mm (length and wall_mm configurable)", "uniform-cylinder-20cm.yaml"),
            new Preset("uniform_cylinder_22cm", "uniform water cylinder, 22 cm inside diameter, optional PMMA wall",
                    "220 mm inside diameter x 200 mm (length and wall_mm configurable)", "uniform-cylinder-22cm.yaml"),
            new Preset("point_source", "point source (small water sphere), optionally in a water scatter cylinder",
                    "sphere diameter 1 mm by default; cylinder as given", "point-source.yaml"),
            new Preset("line_source", "line source (1 mm capillary along z), optionally in a water scatter cylinder",
                    "capillary inner diameter 1 mm, length as given", "line-source.yaml"),
            new Preset("adult_torso", "anthropomorphic adult torso (ICRP 89 organ masses; skin, adipose, muscle, ribs, spine,"
                    + " pelvis, femoral heads, red marrow, bowel), male or female, scalable by height and weight",
                    "body elliptic cylinder 350 x 220 x 660 mm at the ICRP 89 reference height and weight", "torso-lesions.yaml"),
            new Preset("head_neck", "anthropomorphic adult head and neck (ICRP 89 brain, thyroid, salivary masses)",
                    "about 154 x 194 mm head, neck 130 x 116 mm, vertex to neck base 262 mm (male, scale 1)",
                    "head-neck.yaml"));

    /** Further examples (not one per preset): agent administrations. */
    private static final List<String> AGENT_EXAMPLES = List.of("torso-mdp.yaml");

    private PresetCatalog() {
    }

    /** Examples beyond one per preset: built-in agents administered to a library phantom. */
    public static List<String> agentExampleNames() {
        return AGENT_EXAMPLES;
    }

    /** All presets, in listing order. */
    public static List<Preset> all() {
        return PRESETS;
    }

    /** Preset names. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (Preset p : PRESETS) {
            out.add(p.name());
        }
        return out;
    }

    /** The canonical preset name ({@code -} read as {@code _}, case-insensitive), or the input unchanged. */
    public static String canonicalName(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    /** File names of the example configurations, one per preset. */
    public static List<String> exampleNames() {
        List<String> out = new ArrayList<>();
        for (Preset p : PRESETS) {
            out.add(p.example());
        }
        return out;
    }

    /**
     * The text of an example configuration.
     *
     * @param example file name, with or without {@code .yaml}
     * @throws InputException naming the known examples when there is none
     */
    public static String exampleText(String example) {
        String file = example.endsWith(".yaml") ? example : example + ".yaml";
        List<String> known = new ArrayList<>(exampleNames());
        known.addAll(AGENT_EXAMPLES);
        if (!known.contains(file)) {
            throw InputException.field("example", "unknown example '" + example + "'; known: "
                    + String.join(", ", known));
        }
        try (InputStream in = PresetCatalog.class.getResourceAsStream(EXAMPLES_RESOURCE_DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("example resource missing from the build: " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
