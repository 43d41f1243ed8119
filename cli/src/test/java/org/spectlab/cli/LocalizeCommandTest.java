package org.spectlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.nifti.Nifti;
import org.spectlab.metrics.detection.Detection;
import org.spectlab.metrics.io.DetectionsReader;
import org.spectlab.recon.filter.GaussianPostFilter;
import picocli.CommandLine;

class LocalizeCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new LocalizeCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        // The same mapping as the root command: InputException -> exit 2 and one line.
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof InputException) {
                c.getErr().println("spectlab localize: " + ex.getMessage());
                c.getErr().flush();
                return SpectlabCommand.EXIT_BAD_INPUT;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    /** 40³ × 4 mm: uniform 1000 Bq/mL with a 24 mm sphere at 4000 centred at (20, -10, 6), 12 mm blur. */
    private static Path writeImage(Path dir) {
        Grid3 g = Grid3.centredCubic(40, 40, 40, 4.0);
        Volume v = Volume.zeros(g, "Bq/mL");
        for (int k = 0; k < 40; k++) {
            for (int j = 0; j < 40; j++) {
                for (int i = 0; i < 40; i++) {
                    double d = Math.sqrt(Math.pow(g.xMm(i) - 20, 2) + Math.pow(g.yMm(j) + 10, 2)
                            + Math.pow(g.zMm(k) - 6, 2));
                    v.set(i, j, k, d <= 12 ? 4000f : 1000f);
                }
            }
        }
        Path f = dir.resolve("image.nii");
        Nifti.writeVolume(GaussianPostFilter.of(12).apply(v), f);
        return f;
    }

    /** Labels: x ≥ 0 "liver" (1), x < 0 "spleen" (2), on a coarser 20³ × 8 mm grid. */
    private static Path writeLabels(Path dir) throws Exception {
        Grid3 g = Grid3.centredCubic(20, 20, 20, 8.0);
        short[] l = new short[g.voxelCount()];
        for (int p = 0; p < l.length; p++) {
            l[p] = (short) (g.xMm(p % 20) >= 0 ? 1 : 2);
        }
        Path f = dir.resolve("labels.nii");
        Nifti.writeLabels(LabelVolume.of(g, l, Map.of()), f);
        Files.writeString(dir.resolve("labels.json"), "{\"1\": \"liver\", \"2\": \"spleen\"}");
        return f;
    }

    @Test
    void writesADetectionsFileTheMetricsReaderAccepts(@TempDir Path dir) throws Exception {
        Path img = writeImage(dir);
        Path labels = writeLabels(dir);
        Path det = dir.resolve("out/detections.json");
        int code = run(img.toString(), "--system-fwhm-mm", "12", "--labels", labels.toString(),
                "--label-names", dir.resolve("labels.json").toString(), "--out", det.toString());
        assertThat(code).as(err.toString()).isZero();
        List<Detection> read = DetectionsReader.read(det);
        assertThat(read).hasSize(1);
        Detection d = read.get(0);
        // Noise-free sphere: centre within half a 4 mm voxel.
        assertThat(d.centre().distanceMm(org.spectlab.metrics.detection.PointMm.of(20, -10, 6))).isLessThan(2.0);
        assertThat(d.organ()).isEqualTo("liver");
        assertThat(d.volumeMl()).isNotNull();
        assertThat(d.contrast()).isNotNull();
        assertThat(out.toString()).contains("1 detection(s)").contains("liver");
        // The leukocyte pattern makes liver and spleen hot: the focus is measured against the liver's
        // own median (the uniform background here) and still found.
        int again = run(img.toString(), "--system-fwhm-mm", "12", "--labels", labels.toString(),
                "--label-names", dir.resolve("labels.json").toString(), "--tracer", "In111-Oxine-Leukocytes",
                "--out", det.toString());
        assertThat(again).as(err.toString()).isZero();
        assertThat(DetectionsReader.read(det)).extracting(Detection::organ).containsExactly("liver");
    }

    @Test
    void badInputNamesTheOption(@TempDir Path dir) throws Exception {
        Path img = writeImage(dir);
        String o = dir.resolve("d.json").toString();
        assertThat(run(dir.resolve("missing.nii").toString(), "--system-fwhm-mm", "12", "--out", o)).isEqualTo(2);
        assertThat(err.toString()).contains("'IMAGE'");
        assertThat(run(img.toString(), "--system-fwhm-mm", "-3", "--out", o)).isEqualTo(2);
        assertThat(err.toString()).contains("'--system-fwhm-mm'");
        assertThat(run(img.toString(), "--system-fwhm-mm", "12", "--hot-organs", "liver", "--out", o)).isEqualTo(2);
        assertThat(err.toString()).contains("'--hot-organs'");
        assertThat(run(img.toString(), "--system-fwhm-mm", "12", "--tracer", "tc99m-mdp", "--out", o)).isEqualTo(2);
        assertThat(err.toString()).contains("'--tracer'").contains("needs --labels");
        assertThat(run(img.toString(), "--system-fwhm-mm", "12", "--tracer", "fdg", "--out", o)).isEqualTo(2);
        assertThat(err.toString()).contains("'--tracer'").contains("tc99m-hmpao-leukocytes");
        assertThat(run(img.toString(), "--system-fwhm-mm", "12", "--label-names", "x.json", "--out", o)).isEqualTo(2);
        assertThat(err.toString()).contains("'--label-names'");
        Path labels = writeLabels(dir);
        Files.writeString(dir.resolve("labels.json"), "{\"liver\": 1}");
        assertThat(run(img.toString(), "--system-fwhm-mm", "12", "--labels", labels.toString(), "--label-names",
                dir.resolve("labels.json").toString(), "--out", o)).isEqualTo(2);
        assertThat(err.toString()).contains("labels.json liver");
        assertThat(Files.exists(dir.resolve("d.json"))).as("no output on bad input").isFalse();
        assertThat(run(img.toString(), "--out", o)).as("FWHM is required").isEqualTo(2);
    }
}
