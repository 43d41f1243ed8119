package org.spectlab.core.io.dicom;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.projection.ProjectionSet;

/**
 * One-line entry points for DICOM export and import of spectlab studies: NM projections, the
 * reconstructed SPECT image (NM RECON TOMO) and the CT series. All objects written from one
 * {@link DicomStudyInfo} share the study and the frame of reference, so viewers overlay them. See the
 * package documentation for what is written, the angle mapping, and which vendor layouts are read.
 */
public final class Dicom {
    private Dicom() {
    }

    /**
     * Writes the projections of one acquisition, one {@link ProjectionSet} per energy window (same
     * orbit, matrix, pixel size and time per view), as one multi-frame NM Image file (TOMO). Values
     * must be whole counts in 0..65535; window names at most 16 ASCII characters; the number of views
     * a multiple of the number of heads; the time per view is written in whole milliseconds.
     */
    public static void writeProjections(List<ProjectionSet> windows, DicomStudyInfo info, Path file) {
        NmProjectionWriter.write(windows, info, file);
    }

    /**
     * Writes a reconstructed SPECT image (unit Bq/mL or counts) as one multi-frame NM Image file
     * (RECON TOMO), 16-bit with a per-file scale: each voxel comes back within half a scale step
     * (max |value| / 65535 / 2).
     */
    public static void writeReconstruction(Volume image, DicomStudyInfo info, Path file) {
        NmReconstruction.write(image, info, file);
    }

    /**
     * Writes a CT volume in HU as a CT Image series, one file per slice ({@code ct_0001.dcm}, ...) in
     * {@code dir} (created if needed; earlier {@code ct_NNNN.dcm} files there are replaced). Values are
     * rounded to whole HU.
     */
    public static void writeCtSeries(Volume hu, DicomStudyInfo info, Path dir) {
        CtSeries.write(hu, info, dir);
    }

    /** Reads NM TOMO projections: one {@link ProjectionSet} per energy window, in the file's window order. */
    public static List<ProjectionSet> readProjections(Path file) {
        return NmProjectionReader.read(file);
    }

    /**
     * Reads a volume: a directory is read as a CT series (HU), a file as an NM RECON TOMO image (unit
     * from its Real World Value Mapping, e.g. Bq/mL) or as a single CT slice.
     */
    public static Volume readVolume(Path fileOrDir) {
        if (Files.isDirectory(fileOrDir)) {
            List<DataSet> slices = new ArrayList<>();
            for (Path p : CtSeries.files(fileOrDir)) {
                slices.add(Part10.read(p));
            }
            return CtSeries.read(slices);
        }
        DataSet d = Part10.read(fileOrDir);
        if ("CT".equals(d.text(Tag.MODALITY))) {
            return CtSeries.read(List.of(d));
        }
        return NmReconstruction.read(d);
    }
}
