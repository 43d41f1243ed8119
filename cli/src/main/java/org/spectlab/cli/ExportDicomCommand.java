package org.spectlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.dicom.Dicom;
import org.spectlab.core.io.dicom.DicomStudyInfo;
import org.spectlab.core.io.interfile.Interfile;
import org.spectlab.core.io.nifti.Nifti;
import org.spectlab.core.projection.ProjectionSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spectlab export-dicom STUDY --out DIR}: writes a study folder's measured projections (all
 * energy windows in one NM TOMO file), its reconstruction (NM RECON TOMO, Bq/mL, when
 * {@code recon/recon.nii} exists) and its CT (a CT Image series, when {@code ct/ct.nii} exists) as
 * DICOM that shares one Study and Frame of Reference, so viewers overlay SPECT and CT. UIDs are
 * deterministic for the study's seed.
 */
@Command(name = "export-dicom", mixinStandardHelpOptions = true,
        description = "Export a study folder as DICOM: NM projections (spect/*.hs, counts), NM reconstruction "
                + "(recon/recon.nii, Bq/mL) and the CT series (ct/ct.nii, HU).")
public final class ExportDicomCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STUDY", description = "A study folder written by spectlab simulate.")
    private Path study;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder for the DICOM files.")
    private Path out;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed for the UIDs (default: the study's seed from study.json, else 0).")
    private Long seed;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(study)) {
            throw InputException.field("STUDY", "not a folder: " + study);
        }
        export(study, out, seed != null ? seed : studySeed(study), spec.commandLine().getOut());
        return 0;
    }

    /**
     * Writes the DICOM objects of a study folder into {@code out} and reports each on {@code o}.
     *
     * @param study   the study folder
     * @param out     the DICOM folder (created)
     * @param uidSeed seed of the deterministic UIDs
     */
    static void export(Path study, Path out, long uidSeed, PrintWriter o) throws IOException {
        DicomStudyInfo info = DicomStudyInfo.synthetic(uidSeed, LocalDate.of(2026, 1, 1), "spectlab study "
                + study.getFileName());
        List<ProjectionSet> windows = new ArrayList<>();
        Path spect = study.resolve("spect");
        if (Files.isDirectory(spect)) {
            try (DirectoryStream<Path> headers = Files.newDirectoryStream(spect, "*.hs")) {
                List<Path> sorted = new ArrayList<>();
                headers.forEach(sorted::add);
                sorted.sort(null);
                for (Path h : sorted) {
                    windows.add(Interfile.readProjections(h));
                }
            }
        }
        if (windows.isEmpty()) {
            throw InputException.field("STUDY", "no projections found in " + spect);
        }
        Files.createDirectories(out);
        Path nm = out.resolve("nm_projections.dcm");
        Dicom.writeProjections(windows, info, nm);
        o.println("NM projections (" + windows.size() + " windows): " + nm);
        Path recon = study.resolve("recon").resolve("recon.nii");
        if (Files.isRegularFile(recon)) {
            Volume image = Nifti.readVolume(recon);
            Path f = out.resolve("nm_reconstruction.dcm");
            Dicom.writeReconstruction(image, info, f);
            o.println("NM reconstruction: " + f);
        }
        Path ct = study.resolve("ct").resolve("ct.nii");
        if (Files.isRegularFile(ct)) {
            Volume hu = Nifti.readVolume(ct);
            Path dir = out.resolve("ct");
            Dicom.writeCtSeries(hu, info, dir);
            o.println("CT series (" + hu.grid().nz() + " slices): " + dir);
        }
        o.flush();
    }

    /** The seed recorded in a study's study.json, or 0. */
    static long studySeed(Path study) throws IOException {
        Path manifest = study.resolve("study.json");
        if (!Files.isRegularFile(manifest)) {
            return 0;
        }
        JsonNode n = new ObjectMapper().readTree(manifest.toFile());
        JsonNode s = n.path("seed");
        return s.canConvertToLong() ? s.asLong() : 0;
    }
}
