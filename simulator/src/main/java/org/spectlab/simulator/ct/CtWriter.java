package org.spectlab.simulator.ct;

import java.nio.file.Path;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.nifti.Nifti;

/**
 * Writes a simulated CT into a study folder as {@code ct/ct.nii}: NIfTI-1, float32 values in HU
 * (core's {@link Nifti} writes volumes as float32; HU read back exactly), unit "HU" in the header's
 * descrip field, written atomically.
 */
public final class CtWriter {
    /** Path of the CT inside a study folder. */
    public static final String RELATIVE_PATH = "ct/ct.nii";

    private CtWriter() {
    }

    /**
     * Writes {@code ct/ct.nii} under the study folder and returns its path.
     *
     * @throws InputException if the volume is not in HU
     */
    public static Path write(Volume huVolume, Path studyDir) {
        if (!"HU".equals(huVolume.unit())) {
            throw InputException.field("CT volume unit", "must be HU, got " + huVolume.unit());
        }
        Path file = studyDir.resolve(RELATIVE_PATH);
        Nifti.writeVolume(huVolume, file);
        return file;
    }
}
