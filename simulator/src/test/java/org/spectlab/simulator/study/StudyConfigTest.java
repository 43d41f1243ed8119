package org.spectlab.simulator.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.error.InputException;
import org.spectlab.core.projection.RotationDirection;

class StudyConfigTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static ObjectNode base() throws Exception {
        return (ObjectNode) YAML.readTree(TinyStudy.yaml());
    }

    private static StudyConfig parse(ObjectNode tree) throws Exception {
        return StudyConfig.parse(JSON.writeValueAsString(tree), "test.json", null);
    }

    /** Applies a change to the tiny config and expects an error starting with the quoted field. */
    private static void failsNaming(String fieldPrefix, Consumer<ObjectNode> change) throws Exception {
        ObjectNode t = base();
        change.accept(t);
        assertThatThrownBy(() -> parse(t)).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith(fieldPrefix).doesNotContain("\n"));
    }

    private static ObjectNode obj(ObjectNode t, String key) {
        return (ObjectNode) t.get(key);
    }

    @Test
    void forcedDetectionTakesTheMonteCarloCollimatorAndItsKernelPhotons() throws Exception {
        ObjectNode t = base();
        obj(t, "camera").put("collimator_model", "monte-carlo");
        obj(t, "simulation").put("kernel_photons", 20_000);
        StudyConfig c = parse(t);
        assertThat(c.simulation().mode()).isEqualTo(SimulationConfig.FORCED_DETECTION);
        assertThat(c.options(1).collimatorModel().key()).isEqualTo("monte-carlo");
        assertThat(c.options(1).kernelPhotons()).isEqualTo(20_000);
    }

    @Test
    void validYamlGivesTheConfiguredValuesAndDefaults() throws Exception {
        StudyConfig c = StudyConfig.parse(TinyStudy.yaml(), "tiny", null);
        assertThat(c.nuclide().name()).isEqualTo("Tc-99m");
        assertThat(c.phantomSource()).isEqualTo("inline");
        assertThat(c.acquisition().orbit().views()).isEqualTo(4);
        assertThat(c.acquisition().orbit().radiusMm(3)).isEqualTo(120.0);
        assertThat(c.acquisition().orbit().direction()).isEqualTo(RotationDirection.CW);
        assertThat(c.acquisition().cols()).isEqualTo(16);
        assertThat(c.camera().crystalThicknessMm()).isEqualTo(9.525);
        // detector layers: 1 mm aluminium cover, no backscatter compartment unless configured
        assertThat(c.camera().coverAluminiumMm()).isEqualTo(1.0);
        assertThat(c.camera().backscatterGlassMm()).isEqualTo(0.0);
        assertThat(c.camera().toCamera().crystal().coverAluminiumMm()).isEqualTo(1.0);
        assertThat(c.camera().defaultWindows()).isTrue();
        assertThat(c.camera().windows()).hasSize(4);
        // 9.9 % at 140.5 keV, square-root law
        assertThat(c.camera().resolution().fwhmKeV(140.5)).isCloseTo(0.099 * 140.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c.simulation().mode()).isEqualTo("forced-detection");
        assertThat(c.simulation().batches()).isEqualTo(4);
        assertThat(c.simulation().noiseRealisations()).isEqualTo(2);
        assertThat(c.simulation().toOptions(2).errorGroups()).isEqualTo(4);
    }

    @Test
    void normalisedTreeParsesBackToTheSameTreeAndJsonIsAccepted() throws Exception {
        StudyConfig c = StudyConfig.parse(TinyStudy.yaml(), "tiny", null);
        ObjectNode tree = c.toTree();
        assertThat(tree.get("camera").get("windows").isArray()).isTrue();
        StudyConfig again = StudyConfig.parse(JSON.writeValueAsString(tree), "normalised.json", null);
        assertThat(again.toTree()).isEqualTo(tree);
    }

    @Test
    void detectorLayersAreConfigurableAndRecorded() throws Exception {
        ObjectNode t = base();
        obj(t, "camera").put("cover_aluminium_mm", 0.5).put("backscatter_glass_mm", 66);
        StudyConfig c = parse(t);
        assertThat(c.camera().toCamera().coverAluminiumMm()).isEqualTo(0.5);
        assertThat(c.camera().toCamera().backscatterGlassMm()).isEqualTo(66.0);
        assertThat(c.toTree().get("camera").get("backscatter_glass_mm").asDouble()).isEqualTo(66.0);
    }

    @Test
    void ctGridAndMisregistrationAreConfigurableAndRecorded() throws Exception {
        // Default: the phantom's grid (16 x 16 x 8 voxels of 6 mm).
        StudyConfig d = parse(base());
        var dg = d.ct().grid(d.phantom().grid());
        assertThat(new int[] {dg.nx(), dg.ny(), dg.nz()}).containsExactly(16, 16, 8);
        assertThat(dg.voxelXMm()).isEqualTo(6.0);
        assertThat(d.ct().misregistration()).isEqualTo(org.spectlab.simulator.ct.Misregistration.none());
        // A matrix alone spans the phantom's 96 mm: 64 pixels of 1.5 mm, centred like the phantom grid.
        ObjectNode t = base();
        t.putObject("ct").put("matrix", 64).put("slice_thickness_mm", 3).putObject("misregistration")
                .put("rotation_z_deg", 2.5).putArray("shift_mm").add(3.3).add(-2.4).add(1.6);
        StudyConfig c = parse(t);
        var g = c.ct().grid(c.phantom().grid());
        var pg = c.phantom().grid();
        assertThat(new int[] {g.nx(), g.ny(), g.nz()}).containsExactly(64, 64, 16);
        assertThat(g.voxelXMm()).isEqualTo(1.5);
        assertThat(g.xMm(0) + g.xMm(63)).isCloseTo(pg.xMm(0) + pg.xMm(15), within(1e-9));
        assertThat(c.ct().protocol(g, 11, 1).misregistration())
                .isEqualTo(org.spectlab.simulator.ct.Misregistration.of(3.3, -2.4, 1.6, 2.5));
        // Matrix and pixel size together set the field of view (here 512 x 1 mm, wider than the phantom).
        ObjectNode w = base();
        w.putObject("ct").put("matrix", 512).put("pixel_size_mm", 1.0);
        var wg = parse(w).ct().grid(pg);
        assertThat(wg.nx()).isEqualTo(512);
        assertThat(wg.voxelXMm()).isEqualTo(1.0);
        // Recorded as run, and read back to the same configuration.
        ObjectNode tree = c.toTree();
        assertThat(tree.at("/ct/misregistration/shift_mm/1").asDouble()).isEqualTo(-2.4);
        assertThat(tree.at("/ct/misregistration/rotation_z_deg").asDouble()).isEqualTo(2.5);
        assertThat(tree.at("/ct/matrix").asInt()).isEqualTo(64);
        CtConfig again = StudyConfig.parse(JSON.writeValueAsString(tree), "again.json", null).ct();
        assertThat(again.grid(pg).sameGeometry(g)).isTrue();
        assertThat(again.misregistration()).isEqualTo(c.ct().misregistration());
    }

    @Test
    void everyShippedExampleParses() {
        for (String e : StudyConfig.EXAMPLES) {
            StudyConfig c = StudyConfig.load("example:" + e);
            assertThat(c.camera().windows()).as(e).isNotEmpty();
        }
        assertThat(StudyConfig.load("example:torso-in111-leukocytes").camera().windows().get(0).centreKeV())
                .isBetween(245.0, 246.0);
        assertThatThrownBy(() -> StudyConfig.load("example:nope")).hasMessageStartingWith("'CONFIG': unknown example");
    }

    @Test
    void phantomFileIsResolvedNextToTheConfig() throws Exception {
        ObjectNode t = base();
        Files.writeString(dir.resolve("cyl.yaml"), YAML.writeValueAsString(t.get("phantom")));
        t.put("phantom", "cyl.yaml");
        Path cfg = dir.resolve("study.json");
        Files.writeString(cfg, JSON.writeValueAsString(t));
        StudyConfig c = StudyConfig.read(cfg);
        assertThat(c.phantomSource()).isEqualTo("cyl.yaml");
        assertThat(c.phantom().grid().nx()).isEqualTo(16);
        t.put("phantom", "missing.yaml");
        Files.writeString(cfg, JSON.writeValueAsString(t));
        assertThatThrownBy(() -> StudyConfig.read(cfg)).hasMessageStartingWith("'phantom': no such phantom file");
    }

    @Test
    void everyErrorNamesItsField() throws Exception {
        failsNaming("'acquisition.views': must be 1 to 1000, got 0", t -> obj(t, "acquisition").put("views", 0));
        failsNaming("'colour': unknown key", t -> t.put("colour", "blue"));
        failsNaming("'camera.lens': unknown key", t -> obj(t, "camera").put("lens", 1));
        failsNaming("'camera.cover_aluminium_mm': must be in [0, 10], got -1",
                t -> obj(t, "camera").put("cover_aluminium_mm", -1));
        failsNaming("'camera.backscatter_glass_mm': must be in [0, 200], got 300",
                t -> obj(t, "camera").put("backscatter_glass_mm", 300));
        failsNaming("'nuclide': unknown nuclide 'Xx-999'", t -> t.put("nuclide", "Xx-999"));
        failsNaming("'camera.collimator': unknown preset 'pinhole-9'", t -> obj(t, "camera").put("collimator", "pinhole-9"));
        failsNaming("'camera.collimator': is required", t -> obj(t, "camera").remove("collimator"));
        failsNaming("'acquisition.matrix[0]'", t -> obj(t, "acquisition").putArray("matrix").add(0).add(16));
        failsNaming("'acquisition.matrix[1]'", t -> obj(t, "acquisition").putArray("matrix").add(16).add(100000));
        failsNaming("'acquisition.matrix'", t -> obj(t, "acquisition").putArray("matrix").add(16));
        failsNaming("'acquisition.pixel_size_mm'", t -> obj(t, "acquisition").put("pixel_size_mm", -1));
        failsNaming("'acquisition.direction'", t -> obj(t, "acquisition").put("direction", "up"));
        failsNaming("'acquisition.radius_mm': give exactly one", t -> obj(t, "acquisition").putArray("radii_mm").add(1));
        failsNaming("'acquisition.radii_mm'", t -> {
            obj(t, "acquisition").remove("radius_mm");
            obj(t, "acquisition").putArray("radii_mm").add(120).add(130);
        });
        failsNaming("'acquisition.time_per_view_s'", t -> obj(t, "acquisition").put("time_per_view_s", "long"));
        failsNaming("'camera.collimator_model': must be 'geometric' or 'monte-carlo', got 'fancy'",
                t -> obj(t, "camera").put("collimator_model", "fancy"));
        failsNaming("'simulation.kernel_photons': must be 1000 to 10000000000",
                t -> obj(t, "simulation").put("kernel_photons", 10));
        failsNaming("'simulation.scatter_order_images': needs simulation.mode: analog",
                t -> obj(t, "simulation").put("scatter_order_images", true));
        failsNaming("'simulation.scatter_order_images': must be true or false",
                t -> obj(t, "simulation").put("scatter_order_images", "yes"));
        failsNaming("'simulation.mode'", t -> obj(t, "simulation").put("mode", "guess"));
        failsNaming("'simulation.histories'", t -> obj(t, "simulation").put("histories", -5));
        failsNaming("'simulation.histories'", t -> obj(t, "simulation").put("mode", "analog").put("histories", 0));
        failsNaming("'simulation.batches'", t -> obj(t, "simulation").put("batches", 0));
        failsNaming("'simulation.noise_realisations'", t -> obj(t, "simulation").put("noise_realisations", 1000));
        failsNaming("'simulation': is required", t -> t.remove("simulation"));
        failsNaming("'camera.energy_resolution': give either", t -> obj(t, "camera").putObject("energy_resolution")
                .put("fwhm_percent", 10).put("a", 1));
        failsNaming("'camera.energy_resolution'", t -> obj(t, "camera").putObject("energy_resolution")
                .put("a", -50).put("b", 0.1));
        failsNaming("'camera.windows'", t -> obj(t, "camera").put("windows", "narrow"));
        failsNaming("'camera.windows[1].name': duplicate", t -> {
            var ws = obj(t, "camera").putArray("windows");
            ws.addObject().put("name", "peak").put("lower_keV", 126).put("upper_keV", 154);
            ws.addObject().put("name", "peak").put("lower_keV", 110).put("upper_keV", 126);
        });
        failsNaming("'camera.windows[0].upper_keV'", t -> obj(t, "camera").putArray("windows").addObject()
                .put("name", "peak").put("lower_keV", 150).put("upper_keV", 140));
        failsNaming("'scan_time_h'", t -> t.put("scan_time_h", -1));
        failsNaming("'phantom.preset.options.concentration_bq_per_ml'", t -> obj(obj(obj(t, "phantom"), "preset"),
                "options").put("concentration_bq_per_ml", -3));
        failsNaming("'phantom.background_material'", t -> {
            ObjectNode p = obj(t, "phantom");
            p.remove("preset");
            p.putArray("regions").addObject().put("id", "tank").put("material", "water")
                    .putObject("shape").put("type", "sphere").put("diameter_mm", 30).putArray("centre_mm").add(0).add(0).add(0);
            p.put("background_material", "kryptonite");
        });
        failsNaming("'ct.kvp': must be in [30, 140], got 200", t -> t.putObject("ct").put("kvp", 200));
        failsNaming("'ct.noise': must be true or false", t -> t.putObject("ct").put("noise", "yes"));
        failsNaming("'ct.rotation': unknown key", t -> t.putObject("ct").put("rotation", 1));
        failsNaming("'ct.matrix': must be 1 to 2048, got 0", t -> t.putObject("ct").put("matrix", 0));
        failsNaming("'ct.misregistration.shift_mm': must be a list of 3", t -> t.putObject("ct")
                .putObject("misregistration").putArray("shift_mm").add(1).add(2));
        failsNaming("'ct.misregistration.shift_mm[2]': must be within [-100, 100] mm", t -> t.putObject("ct")
                .putObject("misregistration").putArray("shift_mm").add(1).add(2).add(300));
        failsNaming("'ct.misregistration.rotation_z_deg': must be in [-45, 45]", t -> t.putObject("ct")
                .putObject("misregistration").put("rotation_z_deg", 90));
        failsNaming("'ct.misregistration.tilt': unknown key", t -> t.putObject("ct")
                .putObject("misregistration").put("tilt", 3));
        failsNaming("'phantom': unknown phantom example", t -> t.put("phantom", "example:dragon"));
    }

    @Test
    void scanTimeMustAgreeWithThePhantomKinetics() throws Exception {
        ObjectNode t = base();
        ObjectNode k = obj(t, "phantom").putObject("kinetics");
        k.put("nuclide", "Tc-99m").put("administered_mbq", 500);
        k.putObject("compartments").putObject("water_cylinder").put("permanent_fraction", 1.0);
        t.put("scan_time_h", 3);
        StudyConfig c = parse(t);
        assertThat(c.scanTimeH()).isEqualTo(3.0);
        assertThat(c.phantomTree().get("kinetics").get("time_h").asDouble()).isEqualTo(3.0);
        k.put("time_h", 2);
        assertThatThrownBy(() -> parse(t)).hasMessageStartingWith("'scan_time_h': 3 h differs");
        k.put("time_h", 3).put("nuclide", "I-131");
        assertThatThrownBy(() -> parse(t)).hasMessageStartingWith("'nuclide': Tc-99m differs");
    }
}
