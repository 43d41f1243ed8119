package org.spectlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.dicom.Dicom;
import org.spectlab.core.io.interfile.Interfile;
import org.spectlab.core.io.nifti.Nifti;
import org.spectlab.core.projection.ProjectionSet;
import picocli.CommandLine;

class ExportDicomCommandTest {

    @TempDir
    Path dir;

    @Test
    void exportsProjectionsAndCtThatReadBackExactly() throws Exception {
        Path study = dir.resolve("study");
        TinyStudy.write(study);
        // DICOM NM stores whole counts: turn the expected projections into integer counts.
        ProjectionSet expected = Interfile.readProjections(study.resolve("spect/photopeak.hs"));
        float[] counts = expected.data().clone();
        for (int i = 0; i < counts.length; i++) {
            counts[i] = Math.round(counts[i] * 10f);
        }
        ProjectionSet measured = expected.withData(counts);
        Interfile.writeProjections(measured, study.resolve("spect/photopeak.hs"));
        CommandLine cl = new CommandLine(new ExportDicomCommand());
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        int code = cl.execute(study.toString(), "--out", dir.resolve("dicom").toString());
        assertThat(code).isZero();
        List<ProjectionSet> back = Dicom.readProjections(dir.resolve("dicom/nm_projections.dcm"));
        assertThat(back).hasSize(1);
        assertThat(back.get(0).data()).isEqualTo(counts);
        assertThat(back.get(0).geometry().views()).isEqualTo(measured.views());
        Volume ct = Dicom.readVolume(dir.resolve("dicom/ct"));
        Volume original = Nifti.readVolume(study.resolve("ct/ct.nii"));
        assertThat(ct.unit()).isEqualTo("HU");
        assertThat(ct.data()).isEqualTo(original.data());
        assertThat(out.toString()).contains("CT series");
        // ... and the DICOM projections reconstruct like the Interfile ones.
        CommandLine rc = new CommandLine(new ReconstructCommand());
        rc.setErr(new PrintWriter(new StringWriter()));
        rc.setOut(new PrintWriter(new StringWriter()));
        assertThat(rc.execute(dir.resolve("dicom/nm_projections.dcm").toString(), "--out",
                dir.resolve("recon-dcm").toString(), "--iterations", "2", "--subsets", "4")).isZero();
        assertThat(Nifti.readVolume(dir.resolve("recon-dcm/recon.nii")).sum()).isPositive();
        // A truncated DICOM file is bad input (exit code 2), not a crash.
        Path truncated = dir.resolve("truncated.dcm");
        byte[] all = Files.readAllBytes(dir.resolve("dicom/nm_projections.dcm"));
        Files.write(truncated, java.util.Arrays.copyOf(all, all.length / 2));
        CommandLine root = SpectlabCommand.commandLine();
        root.setErr(new PrintWriter(new StringWriter()));
        root.setOut(new PrintWriter(new StringWriter()));
        assertThat(root.execute("reconstruct", truncated.toString(), "--out", dir.resolve("x").toString())).isEqualTo(2);
    }

    @Test
    void aFolderWithoutProjectionsIsBadInput() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        CommandLine root = SpectlabCommand.commandLine();
        root.setErr(new PrintWriter(new StringWriter()));
        assertThat(root.execute("export-dicom", dir.resolve("empty").toString(), "--out",
                dir.resolve("o").toString())).isEqualTo(2);
    }
}
