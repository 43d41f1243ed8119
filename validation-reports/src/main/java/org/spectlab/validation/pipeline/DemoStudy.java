package org.spectlab.validation.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.spectlab.simulator.study.StudyConfig;

/**
 * The built-in study of {@code spectlab demo}: a male adult torso SPECT/CT, one bed position,
 * Tc-99m-labelled leukocytes, with an abdominal abscess (inflammation focus) and a liver tumour; the
 * configuration is the resource {@value #RESOURCE}, whose header gives the values and the reasons.
 *
 * <p>Tc-99m with the geometric collimator-detector response: at 140.5 keV behind a low-energy
 * high-resolution collimator penetration is a few per cent, so the fast geometric model is faithful.
 * In-111's 245 keV line through a medium-energy collimator penetrates and down-scatters much more;
 * such a study needs {@code camera.collimator_model: monte-carlo} (forced detection then adds the
 * septal components from Monte Carlo kernels, at a tabulation cost per study).
 *
 * <p>{@link #config(boolean) config(true)} is a coarse version of the same patient (9.6 mm voxels,
 * 24 views of 40 x 40, 10 000 histories) for tests and quick looks; its images are not meant to be
 * read.
 */
public final class DemoStudy {
    /** Classpath resource of the configuration. */
    public static final String RESOURCE = "demo-torso-tc99m.yaml";

    /** What the summary of the demo report says about the study. */
    public static final List<String> INTRO = List.of(
            "Built-in demo: a male adult torso (ICRP 89 organ masses), one bed position, imaged with "
                    + "Tc-99m-HMPAO-labelled leukocytes. Ground truth: an abscess (inflammation focus, 20 mm) in the "
                    + "right lower abdomen and a 25 mm liver tumour with a necrotic core and mild uptake.",
            "Monte Carlo SPECT (forced detection with scatter in the patient, geometric collimator-detector "
                    + "response of a Siemens LEHR collimator, photopeak and TEW scatter windows) and a simulated "
                    + "CT; OSEM with CT-based attenuation correction, TEW scatter correction and resolution "
                    + "modelling; blob localization with the phantom's organ labels (organ names, organ-relative "
                    + "background, the leukocytes' normally hot organs) and CT regions; scoring against the truth.",
            "Tc-99m was chosen over In-111 because the simulator models the collimator geometrically (no septal "
                    + "penetration): faithful for 140.5 keV behind LEHR, flattering for In-111's 245 keV line.");

    private DemoStudy() {
    }

    /** The demo configuration, full size or the coarse test version. */
    public static StudyConfig config(boolean quick) {
        String text = resourceText();
        if (!quick) {
            return StudyConfig.parse(text, "demo (" + RESOURCE + ")", null);
        }
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            ObjectNode root = (ObjectNode) yaml.readTree(text);
            coarsen(root);
            return StudyConfig.parse(new ObjectMapper().writeValueAsString(root), "demo --quick", null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("demo configuration is not valid YAML", e);
        }
    }

    /**
     * Makes a study tree coarse for tests: 9.6 mm voxels over the same extent, single sub-sample,
     * 24 views of 40 x 40 pixels of 9.6 mm, 10 000 histories in 4 batches.
     */
    public static void coarsen(ObjectNode root) {
        ObjectNode phantom = (ObjectNode) root.get("phantom");
        ObjectNode grid = (ObjectNode) phantom.get("grid");
        grid.putArray("size").add(40).add(28).add(40);
        grid.put("voxel_mm", 9.6);
        phantom.putObject("sampling").put("sub_samples", 1).put("boundary_refinement", 1).put("threads", 1);
        ObjectNode acq = (ObjectNode) root.get("acquisition");
        acq.put("views", 24);
        acq.putArray("matrix").add(40).add(40);
        acq.put("pixel_size_mm", 9.6);
        ObjectNode sim = (ObjectNode) root.get("simulation");
        sim.put("histories", 10_000);
        sim.put("batches", 4);
    }

    /** The YAML text of the configuration. */
    public static String resourceText() {
        try (InputStream in = DemoStudy.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("demo configuration missing from the build: " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
