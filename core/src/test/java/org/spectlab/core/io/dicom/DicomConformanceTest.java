package org.spectlab.core.io.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.core.projection.RotationDirection;

/**
 * Every object spectlab writes passes the standard's validators: {@code dciodvfy} (dicom3tools) reports
 * no error, and {@code dcmdump} (DCMTK) parses it with exit code 0. Skipped when a tool is not installed
 * ({@code .ci/install-dicom-tools.sh} installs both).
 */
class DicomConformanceTest {
    @TempDir
    static Path dir;
    static List<Path> files = new ArrayList<>();

    @BeforeAll
    static void writeOneOfEach() {
        AcquisitionGeometry g = AcquisitionGeometry.of(8, 0, 360, RotationDirection.CW,
                new double[] {210, 220, 230, 240, 250, 240, 230, 220}, 2);
        Path nm = dir.resolve("nm.dcm");
        Dicom.writeProjections(List.of(DicomRoundTripTest.counts(g, 4, 5, EnergyWindow.centred("photopeak", 140.5, 20),
                0), DicomRoundTripTest.counts(g, 4, 5, EnergyWindow.of("scatter", 108.5, 126.45), 1)),
                DicomRoundTripTest.INFO, nm);
        Grid3 grid = Grid3.centredCubic(6, 5, 3, 4.0);
        Volume recon = Volume.zeros(grid, "Bq/mL");
        for (int i = 0; i < recon.data().length; i++) {
            recon.data()[i] = 100.5f * i;
        }
        Path rec = dir.resolve("recon.dcm");
        Dicom.writeReconstruction(recon, DicomRoundTripTest.INFO, rec);
        Volume ct = Volume.zeros(grid, "HU");
        for (int i = 0; i < ct.data().length; i++) {
            ct.data()[i] = -1000 + 20 * i;
        }
        Dicom.writeCtSeries(ct, DicomRoundTripTest.INFO, dir.resolve("ct"));
        files.add(nm);
        files.add(rec);
        for (int k = 1; k <= 3; k++) {
            files.add(dir.resolve("ct").resolve("ct_000" + k + ".dcm"));
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private record Run(int exitCode, List<String> lines) {
    }

    private static Run run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        return new Run(p.exitValue(), out.lines().toList());
    }

    @Test
    void dciodvfyReportsNoErrors() throws Exception {
        assumeTrue(onPath("dciodvfy"), "dciodvfy (Debian package dicom3tools) is not installed");
        for (Path f : files) {
            Run r = run("dciodvfy", f.toString());
            List<String> errors = r.lines().stream().filter(l -> l.startsWith("Error")).toList();
            assertThat(errors).as("dciodvfy errors for %s", f.getFileName()).isEmpty();
            r.lines().stream().filter(l -> l.startsWith("Warning"))
                    .forEach(l -> System.out.println("dciodvfy " + f.getFileName() + ": " + l));
            // the validator must have recognised the IOD (first line names it), or it validated nothing
            assertThat(r.lines()).first().isIn("NMImage", "CTImage");
        }
    }

    @Test
    void dcmdumpParsesEveryFile() throws Exception {
        assumeTrue(onPath("dcmdump"), "dcmdump (Debian package dcmtk) is not installed");
        for (Path f : files) {
            Run r = run("dcmdump", "-E", f.toString());
            assertThat(r.exitCode()).as("dcmdump exit code for %s: %s", f.getFileName(), r.lines()).isZero();
            assertThat(String.join("\n", r.lines())).contains("(0002,0010) UI =LittleEndianExplicit")
                    .doesNotContain("E: ").doesNotContain("W: ");
        }
    }
}
