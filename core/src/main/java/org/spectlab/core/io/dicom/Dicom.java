package org.spectlab.core.io.dicom;

import java.nio.file.Path;
import java.util.List;
import org.spectlab.core.projection.ProjectionSet;

/**
 * One-line entry points for DICOM export and import of spectlab studies: NM projections, the
 * reconstructed SPECT image (NM RECON TOMO) and the CT series. See the package documentation for
 * what is written, the angle mapping, and which vendor layouts are read.
 */
public final class Dicom {
    private Dicom() {
    }

    /**
     * Writes the projections of one acquisition, one {@link ProjectionSet} per energy window (same
     * orbit, matrix, pixel size and time per view), as one multi-frame NM Image file. Values must be
     * whole counts in 0..65535.
     */
    public static void writeProjections(List<ProjectionSet> windows, DicomStudyInfo info, Path file) {
        NmProjectionWriter.write(windows, info, file);
    }
}
