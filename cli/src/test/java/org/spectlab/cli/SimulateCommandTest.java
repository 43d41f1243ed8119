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
import org.spectlab.core.io.interfile.Interfile;
import org.spectlab.core.projection.ProjectionSet;
import picocli.CommandLine;

class SimulateCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicReference<Exception> thrown = new AtomicReference<>();

    /** A water cylinder (60 mm) on a 16 x 16 x 8 grid of 6 mm, 4 views of 16 x 16: seconds to simulate. */
    private static String tinyYaml(String collimator, String radius) {
        return "phantom:\n"
                + "  grid: {size: [16, 16, 8], voxel_mm: 6}\n"
                + "  sampling: {sub_samples: 2}\n"
                + "  preset: {name: uniform_cylinder, options: {diameter_mm: 60, length_mm: 36,"
                + " concentration_bq_per_ml: 200000}}\n"
                + "nuclide: Tc-99m\n"
                + "camera: {collimator: " + collimator + "}\n"
                + "acquisition: {views: 4, radius_mm: " + radius + ", matrix: [16, 16], pixel_size_mm: 6,"
                + " time_per_view_s: 10}\n"
                + "simulation: {histories: 2000, batches: 2, seed: 5, crystal_histories_per_keV: 200}\n";
    }

    /** Runs the command with the root command's mapping of InputException to exit code 2. */
    private int run(String... args) {
        return run(new SimulateCommand(), args);
    }

    private int run(SimulateCommand command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            thrown.set(ex);
            return ex instanceof InputException ? 2 : 3;
        });
        return cl.execute(args);
    }

    @Test
    void progressIsOffWhenNotOnATerminalAndRewritesOneLineOnATerminal() throws Exception {
        Path cfg = dir.resolve("tiny.yaml");
        Files.writeString(cfg, tinyYaml("siemens-lehr", "120"));
        SimulateCommand plain = new SimulateCommand();
        plain.terminal = () -> false;
        assertThat(run(plain, cfg.toString(), "--out", dir.resolve("a").toString(), "--threads", "2")).isEqualTo(0);
        assertThat(err.toString()).doesNotContain("\r").doesNotContain("transport").doesNotContain("projection");
        SimulateCommand tty = new SimulateCommand();
        tty.terminal = () -> true;
        assertThat(run(tty, cfg.toString(), "--out", dir.resolve("b").toString(), "--threads", "2")).isEqualTo(0);
        assertThat(err.toString()).contains("\rsimulate transport: 0/2 batches")
                .contains("\rsimulate projection: 0/4 views").contains("4/4 views (100%)");
        // every phase's line is ended: the terminal is left on a fresh line
        assertThat(err.toString()).endsWith(System.lineSeparator());
        err.getBuffer().setLength(0);
        SimulateCommand quiet = new SimulateCommand();
        quiet.terminal = () -> true;
        assertThat(run(quiet, cfg.toString(), "--out", dir.resolve("c").toString(), "--no-progress")).isEqualTo(0);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void simulatesATinyStudyThatReadsBackWithProgressOnStderr() throws Exception {
        Path cfg = dir.resolve("tiny.yaml");
        Files.writeString(cfg, tinyYaml("siemens-lehr", "120"));
        Path study = dir.resolve("study");
        // --progress: plain lines for a log (stderr is not a terminal here), one per finished phase
        assertThat(run(cfg.toString(), "--out", study.toString(), "--threads", "2", "--json", "--progress"))
                .isEqualTo(0);
        assertThat(err.toString()).contains("simulate transport: 2/2 batches (100%)")
                .contains("simulate projection: 4/4 views (100%)").contains("histories/s").doesNotContain("\r");
        JsonNode summary = new ObjectMapper().readTree(out.toString());
        assertThat(summary.get("windows").get(0).get("name").asText()).isEqualTo("photopeak");
        assertThat(summary.get("windows").get(0).get("expected_primary").asDouble()).isPositive();
        ProjectionSet p = Interfile.readProjections(study.resolve("spect/photopeak.hs"));
        assertThat(p.views()).isEqualTo(4);
        assertThat(p.total()).isPositive();
        assertThat(study.resolve("spect/lower_scatter.hs")).isRegularFile();
        assertThat(study.resolve("spect/upper_scatter.hs")).isRegularFile();
        JsonNode manifest = new ObjectMapper().readTree(study.resolve("study.json").toFile());
        assertThat(manifest.get("software").get("version").asText()).isEqualTo(VersionProvider.version());
        // a second run into the same folder needs --force
        assertThat(run(cfg.toString(), "--out", study.toString(), "--no-progress")).isEqualTo(2);
        assertThat(thrown.get().getMessage()).startsWith("'--out'");
        assertThat(run(cfg.toString(), "--out", study.toString(), "--no-progress", "--force", "--dicom")).isEqualTo(0);
        // --dicom: the measured projections of every window in one NM file, as counts
        var windows = org.spectlab.core.io.dicom.Dicom.readProjections(study.resolve("dicom/nm_projections.dcm"));
        assertThat(windows).hasSize(4);
        assertThat(windows.stream().map(w -> w.window().name())).contains("photopeak", "lower_scatter", "dew_scatter");
    }

    @Test
    void badConfigsExitWithCodeTwoNamingTheFieldAndWriteNothing() throws Exception {
        Path study = dir.resolve("bad-study");
        String[][] cases = {
            {tinyYaml("pinhole-9", "120"), "'camera.collimator'"},
            {tinyYaml("siemens-lehr", "120").replace("Tc-99m", "Xx-1"), "'nuclide'"},
            {tinyYaml("siemens-lehr", "20"), "'acquisition.radius_mm'"},
            {tinyYaml("siemens-lehr", "120").replace("[16, 16]", "[100000, 16]"), "'acquisition.matrix[0]'"},
            {tinyYaml("siemens-lehr", "120").replace("200000", "-1"), "'phantom.preset.options.concentration_bq_per_ml'"},
        };
        for (String[] c : cases) {
            Path cfg = dir.resolve("bad.yaml");
            Files.writeString(cfg, c[0]);
            assertThat(run(cfg.toString(), "--out", study.toString())).as(c[1]).isEqualTo(2);
            assertThat(thrown.get()).isInstanceOf(InputException.class);
            assertThat(thrown.get().getMessage()).startsWith(c[1]).doesNotContain("\n");
        }
        Files.writeString(dir.resolve("bad.yaml"), tinyYaml("siemens-lehr", "120").replace("camera:", "kamera:"));
        assertThat(run(dir.resolve("bad.yaml").toString(), "--out", study.toString())).isEqualTo(2);
        assertThat(thrown.get().getMessage()).startsWith("'kamera': unknown key");
        assertThat(run("example:nope", "--out", study.toString())).isEqualTo(2);
        assertThat(thrown.get().getMessage()).contains("iec-tc99m");
        assertThat(run(dir.resolve("missing.yaml").toString(), "--out", study.toString())).isEqualTo(2);
        assertThat(thrown.get().getMessage()).startsWith("'CONFIG'");
        assertThat(study).doesNotExist();
    }
}
