package org.spectlab.simulator.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.spectlab.core.error.InputException;
import org.spectlab.core.nuclide.Nuclide;
import org.spectlab.core.nuclide.NuclideLibrary;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.phantoms.config.PhantomConfig;
import org.spectlab.phantoms.library.PresetCatalog;
import org.spectlab.simulator.collimator.CollimatorModel;
import org.spectlab.simulator.spect.SimulationOptions;

/**
 * A SPECT study configuration, read from YAML (JSON accepted):
 * <pre>
 * phantom: example:iec-8to1      # phantom example, a path to a phantom YAML (relative to this file),
 *                                # or an inline phantom mapping (see {@link PhantomConfig})
 * nuclide: Tc-99m
 * scan_time_h: 0                 # h after administration; sets the phantom's kinetics.time_h
 * camera: {collimator: siemens-lehr, ...}          # see {@link CameraConfig}
 * acquisition: {views: 120, radius_mm: 250, ...}    # see {@link AcquisitionConfig}; or radii_mm: [...],
 *                                                   # or body_contour: {clearance_mm: 20} ({@link ContourOrbit})
 * simulation: {mode: forced-detection, histories: 500000, ...}   # see {@link SimulationConfig}
 * ct: {kvp: 120, mas: 100}       # optional, see {@link CtConfig}; {enabled: false} for SPECT only
 * </pre>
 * Unknown keys and bad values are {@link InputException}s naming the field path. Errors inside the
 * phantom are prefixed with {@code phantom.} (inline) or name the phantom file.
 *
 * <p>Scan time: with phantom kinetics, {@code scan_time_h} is the time the activity map is evaluated
 * at (it must agree with a {@code kinetics.time_h} written in the phantom, and the kinetics nuclide
 * with {@code nuclide}); without kinetics the configured concentrations are those at the start of the
 * acquisition. During the acquisition, with kinetics every kinetic group of the phantom follows its own
 * biological and physical time course ({@link org.spectlab.simulator.spect.KineticGroups}); without,
 * the activity decays with the nuclide's half-life. A phantom's {@code kinetics.acquisition_s}, when
 * given, must equal the scan's duration (views / heads x time_per_view_s); left out, it is set to it, so
 * the truth holds the activity cumulated over the scan.
 *
 * @param phantomSource where the phantom came from: {@code example:NAME}, a file, or {@code inline}
 * @param phantomTree   the phantom configuration as run (kinetics time set)
 * @param phantom       the parsed phantom configuration
 * @param nuclide       the nuclide
 * @param scanTimeH     time after administration, h
 * @param camera        camera section
 * @param acquisition   acquisition section
 * @param simulation    simulation section
 * @param ct            CT section
 */
public record StudyConfig(String phantomSource, ObjectNode phantomTree, PhantomConfig phantom, Nuclide nuclide,
                          double scanTimeH, CameraConfig camera, AcquisitionConfig acquisition,
                          SimulationConfig simulation, CtConfig ct) {
    /** Classpath folder of the example study configurations. */
    public static final String EXAMPLES_RESOURCE_DIR = "/org/spectlab/simulator/study/examples/";
    /** The shipped examples, usable as {@code example:NAME}. */
    public static final List<String> EXAMPLES = List.of("iec-tc99m", "iec-tc99m-contour", "torso-in111-leukocytes",
            "point-source-water");
    private static final String EXAMPLE_PREFIX = "example:";

    /** Keeps a private copy of the phantom tree. */
    public StudyConfig {
        phantomTree = phantomTree.deepCopy();
    }

    /** Reads {@code example:NAME} (a shipped example) or a YAML/JSON file. */
    public static StudyConfig load(String fileOrExample) {
        if (fileOrExample.startsWith(EXAMPLE_PREFIX)) {
            String name = fileOrExample.substring(EXAMPLE_PREFIX.length()).replaceFirst("\\.yaml$", "");
            return parse(exampleText(name), fileOrExample, null);
        }
        return read(Path.of(fileOrExample));
    }

    /** Reads a YAML/JSON file; a phantom path in it is relative to the file's folder. */
    public static StudyConfig read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw InputException.field("CONFIG", "no such file '" + file + "' (or use example:NAME with NAME one of "
                    + String.join(", ", EXAMPLES) + ")");
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            return parse(Files.readString(file), file.toString(), dir);
        } catch (IOException e) {
            throw new InputException("cannot read study config " + file + ": " + e.getMessage(), e);
        }
    }

    /** The text of a shipped example. */
    public static String exampleText(String name) {
        if (!EXAMPLES.contains(name)) {
            throw InputException.field("CONFIG", "unknown example '" + name + "'; known: " + String.join(", ", EXAMPLES));
        }
        try (InputStream in = StudyConfig.class.getResourceAsStream(EXAMPLES_RESOURCE_DIR + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("example resource missing from the build: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read example " + name, e);
        }
    }

    /**
     * Parses a configuration.
     *
     * @param text    YAML or JSON
     * @param source  names the text in errors
     * @param baseDir folder a phantom path is relative to (null: the working directory)
     */
    public static StudyConfig parse(String text, String source, Path baseDir) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (JsonProcessingException e) {
            throw new InputException(source + ": not valid YAML/JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InputException(source + ": must be a mapping with phantom, nuclide, camera, acquisition, simulation");
        }
        ConfigNode top = new ConfigNode(root, "");
        top.allowOnly("phantom", "nuclide", "scan_time_h", "camera", "acquisition", "simulation", "ct");
        String nuclideName = top.text("nuclide", null);
        Nuclide nuclide;
        try {
            nuclide = NuclideLibrary.get(nuclideName);
        } catch (InputException e) {
            throw InputException.field("nuclide", "unknown nuclide '" + nuclideName + "'; known: "
                    + String.join(", ", NuclideLibrary.names()));
        }
        CameraConfig camera = CameraConfig.parse(top.child("camera"), nuclide);
        AcquisitionConfig acquisition = AcquisitionConfig.parse(top.child("acquisition"));
        SimulationConfig simulation = SimulationConfig.parse(top.child("simulation"));
        CtConfig ct = top.has("ct") ? CtConfig.parse(top.child("ct")) : CtConfig.defaults();
        if (!top.has("phantom")) {
            throw InputException.field("phantom", "is required (example:NAME, a phantom file, or a mapping)");
        }
        JsonNode p = root.get("phantom");
        String phantomSource;
        ObjectNode tree;
        if (p.isObject()) {
            phantomSource = "inline";
            tree = ((ObjectNode) p).deepCopy();
        } else if (p.isTextual()) {
            phantomSource = p.asText().strip();
            tree = phantomTreeFrom(phantomSource, baseDir);
        } else {
            throw InputException.field("phantom", "must be example:NAME, a path to a phantom YAML, or a mapping");
        }
        double scanTimeH = scanTime(top, tree, nuclide);
        checkAcquisitionDuration(tree, acquisition);
        PhantomConfig phantom = parsePhantom(tree, phantomSource);
        return new StudyConfig(phantomSource, tree, phantom, nuclide, scanTimeH, camera, acquisition, simulation, ct);
    }

    private static ObjectNode phantomTreeFrom(String ref, Path baseDir) {
        String text;
        if (ref.startsWith(EXAMPLE_PREFIX)) {
            try {
                text = PresetCatalog.exampleText(ref.substring(EXAMPLE_PREFIX.length()));
            } catch (InputException e) {
                throw InputException.field("phantom", "unknown phantom example '" + ref + "'; known: example:"
                        + String.join(", example:", PresetCatalog.exampleNames()).replace(".yaml", ""));
            }
        } else {
            Path file = baseDir == null ? Path.of(ref) : baseDir.resolve(ref);
            if (!Files.isRegularFile(file)) {
                throw InputException.field("phantom", "no such phantom file '" + file + "'");
            }
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw InputException.field("phantom", "cannot read '" + file + "': " + e.getMessage());
            }
        }
        try {
            JsonNode n = new ObjectMapper(new YAMLFactory()).readTree(text);
            if (n == null || !n.isObject()) {
                throw InputException.field("phantom", "'" + ref + "' is not a phantom configuration mapping");
            }
            return (ObjectNode) n;
        } catch (JsonProcessingException e) {
            throw InputException.field("phantom", "'" + ref + "' is not valid YAML/JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * A phantom's {@code kinetics.acquisition_s} (the window of its cumulated-activity truth map) must be
     * the scan's duration, {@code views / heads x time_per_view_s}, so that the truth describes the decays
     * the projections were simulated from (1e-6 relative). Left out of agent kinetics, it is set to the scan's duration
     * (written into the tree, so phantom.json and the configuration hash record it) and the study's truth
     * holds the cumulated activity; an explicit 0 keeps the truth without it.
     */
    private static void checkAcquisitionDuration(ObjectNode tree, AcquisitionConfig acquisition) {
        JsonNode k = tree.get("kinetics");
        if (k == null || !k.isObject()) {
            return;
        }
        AcquisitionGeometry orbit = acquisition.orbit();
        int slots = orbit.views() % orbit.heads() == 0 ? orbit.views() / orbit.heads() : orbit.views();
        double scanS = slots * acquisition.timePerViewS();
        JsonNode a = k.get("acquisition_s");
        if (a == null) {
            if (k.has("agent")) { // only agent kinetics render a cumulated map
                ((ObjectNode) k).put("acquisition_s", scanS);
            }
            return;
        }
        if (!a.isNumber() || a.asDouble() == 0) {
            return;
        }
        if (Math.abs(a.asDouble() - scanS) > 1e-6 * scanS) {
            throw InputException.field("phantom.kinetics.acquisition_s", ConfigNode.fmt(a.asDouble()) + " s differs "
                    + "from the scan's duration " + ConfigNode.fmt(scanS) + " s (" + slots + " time slots of "
                    + ConfigNode.fmt(acquisition.timePerViewS()) + " s); give the scan's duration or leave it out");
        }
    }

    /** Reconciles scan_time_h with the phantom's kinetics and writes it into the tree. */
    private static double scanTime(ConfigNode top, ObjectNode tree, Nuclide nuclide) {
        boolean given = top.has("scan_time_h");
        double t = top.numberIn("scan_time_h", 0, 0, 1e5, false);
        JsonNode k = tree.get("kinetics");
        if (k == null || !k.isObject()) {
            return t;
        }
        ObjectNode kin = (ObjectNode) k;
        JsonNode kn = kin.get("nuclide");
        if (kn != null && kn.isTextual()) {
            String canonical;
            try {
                canonical = NuclideLibrary.canonicalName(kn.asText());
            } catch (InputException e) {
                throw InputException.field("phantom.kinetics.nuclide", "unknown nuclide '" + kn.asText() + "'");
            }
            if (!canonical.equals(nuclide.name())) {
                throw InputException.field("nuclide", nuclide.name() + " differs from the phantom's kinetics.nuclide "
                        + canonical);
            }
        }
        JsonNode kt = kin.get("time_h");
        if (kt != null && kt.isNumber()) {
            if (given && Math.abs(kt.asDouble() - t) > 1e-9) {
                throw InputException.field("scan_time_h", ConfigNode.fmt(t) + " h differs from the phantom's "
                        + "kinetics.time_h " + ConfigNode.fmt(kt.asDouble()) + " h; give the time once");
            }
            return kt.asDouble();
        }
        kin.put("time_h", t);
        return t;
    }

    private static PhantomConfig parsePhantom(ObjectNode tree, String source) {
        String json;
        try {
            json = new ObjectMapper().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the phantom tree", e);
        }
        try {
            return PhantomConfig.parse(json, "phantom");
        } catch (InputException e) {
            String m = e.getMessage();
            if (source.equals("inline") && m.startsWith("'")) {
                throw new InputException("'phantom." + m.substring(1), e);
            }
            throw new InputException("phantom (" + source + "): " + m, e);
        }
    }

    /**
     * The engine options for a thread count: the simulation section's, with the camera section's
     * collimator model.
     */
    public SimulationOptions options(int threads) {
        return simulation.toOptions(threads).withCollimatorModel(camera.collimatorModel());
    }

    /** The configuration as run, with every default filled in and the windows listed explicitly. */
    public ObjectNode toTree() {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.set("phantom", phantomTree.deepCopy());
        o.put("nuclide", nuclide.name());
        o.put("scan_time_h", scanTimeH);
        camera.toTree(o.putObject("camera"));
        acquisition.toTree(o.putObject("acquisition"));
        simulation.toTree(o.putObject("simulation"));
        ct.toTree(o.putObject("ct"), phantom.grid());
        return o;
    }
}
