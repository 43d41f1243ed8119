package org.spectlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.nifti.Nifti;
import org.spectlab.phantoms.library.PresetCatalog;
import picocli.CommandLine;

class PhantomCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicReference<Exception> thrown = new AtomicReference<>();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new PhantomCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            thrown.set(ex);
            return 2;
        });
        return cl.execute(args);
    }

    @Test
    void listNamesEveryPresetWithDimensionsAndExample() throws Exception {
        assertThat(run("list")).isZero();
        for (PresetCatalog.Preset p : PresetCatalog.all()) {
            assertThat(out.toString()).contains(p.name()).contains(p.dimensions()).contains("example:" + p.example());
        }
        out.getBuffer().setLength(0);
        assertThat(run("list", "--json")).isZero();
        JsonNode presets = new ObjectMapper().readTree(out.toString()).get("presets");
        assertThat(presets).hasSize(PresetCatalog.all().size());
        assertThat(presets.get(0).get("name").asText()).isEqualTo("nema_iec_body");
        assertThat(presets.get(0).get("example").asText()).isEqualTo("iec-8to1.yaml");
    }

    @Test
    void agentsListsNuclideRouteAndSources() throws Exception {
        assertThat(run("agents")).isZero();
        assertThat(out.toString()).contains("tc99m-mdp").contains("route iv_bolus").contains("tc99m-dtpa-aerosol")
                .contains("route inhalation").contains("route ingestion").contains("route labelled_cells")
                .contains("source: Whole body and regional retention");
        out.getBuffer().setLength(0);
        assertThat(run("agents", "--json")).isZero();
        JsonNode agents = new ObjectMapper().readTree(out.toString()).get("agents");
        assertThat(agents.size()).isGreaterThanOrEqualTo(11);
        assertThat(agents.get(0).get("nuclide").asText()).isEqualTo("Tc-99m");
        assertThat(agents.get(0).get("sources").size()).isPositive();
        out.getBuffer().setLength(0);
        assertThat(run("list")).isZero();
        assertThat(out.toString()).contains("example:torso-mdp.yaml");
    }

    @Test
    void renderWritesTheTruthFolder() throws Exception {
        Path cfg = dir.resolve("cyl.yaml");
        Files.writeString(cfg, "grid: {size: [12, 12, 10], voxel_mm: 10}\n"
                + "sampling: {sub_samples: 2}\n"
                + "preset: {name: uniform_cylinder, options: {diameter_mm: 80, length_mm: 60, "
                + "concentration_bq_per_ml: 1000}}\n");
        Path outDir = dir.resolve("study");
        assertThat(run("render", cfg.toString(), "--out", outDir.toString(), "--json")).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.toString());
        assertThat(summary.get("files")).hasSize(6);
        for (String f : new String[] {"activity.nii", "labels.nii", "labels.json", "materials.nii",
            "materials.json", "phantom.json"}) {
            assertThat(outDir.resolve("truth").resolve(f)).isRegularFile();
        }
        Volume a = Nifti.readVolume(outDir.resolve("truth/activity.nii"));
        // activity sum x voxel volume = the rendered total (the cylinder, pi 40^2 60 mm^3 x 1000 Bq/mL
        // = 0.3016 MBq, within the lattice-counting error of 5 mm sampling)
        double totalMBq = summary.get("total_activity_mbq").asDouble();
        assertThat(a.sum() * 1.0 * 1e-6).isCloseTo(totalMBq, org.assertj.core.data.Offset.offset(1e-6 * totalMBq));
        assertThat(totalMBq / (Math.PI * 1600 * 60 * 1e-3 * 1000 * 1e-6) - 1).isBetween(-0.1, 0.1);
    }

    @Test
    void badConfigIsOneInputExceptionNamingTheFieldAndWritesNothing() throws Exception {
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, "grid: {size: [8, 8, 8], voxel_mm: 10}\n"
                + "regions:\n  - {id: tank, shape: {type: sphere, centre_mm: [0, 0, 0], diameter_mm: 50},"
                + " material: kryptonite}\n");
        Path outDir = dir.resolve("bad");
        assertThat(run("render", cfg.toString(), "--out", outDir.toString())).isEqualTo(2);
        assertThat(thrown.get()).isInstanceOf(InputException.class);
        assertThat(thrown.get().getMessage()).startsWith("'regions[0].material': unknown material 'kryptonite'")
                .contains("water").doesNotContain("\n");
        assertThat(outDir.resolve("truth")).doesNotExist();
        assertThat(run("render", dir.resolve("missing.yaml").toString(), "--out", outDir.toString())).isEqualTo(2);
        assertThat(thrown.get().getMessage()).contains("'CONFIG'");
    }

    @Test
    void rendersAShippedExampleByName() {
        assertThat(run("render", "example:nope", "--out", dir.toString())).isEqualTo(2);
        assertThat(thrown.get().getMessage()).contains("iec-8to1.yaml");
    }
}
