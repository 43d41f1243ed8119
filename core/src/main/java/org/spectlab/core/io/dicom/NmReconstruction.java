package org.spectlab.core.io.dicom;

import java.nio.file.Path;
import java.util.List;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;

/**
 * A reconstructed SPECT image as one multi-frame NM Image object of Image Type
 * {@code ORIGINAL\PRIMARY\RECON TOMO\EMISSION}: one frame per transverse slice (Slice Vector), axial
 * slices with Image Orientation (Patient) {@code 1\0\0\0\1\0}, stored as 16-bit unsigned values with a
 * per-file Rescale Slope/Intercept and the same mapping as a Real World Value Mapping item carrying
 * the unit (UCUM {@code Bq/ml}).
 */
final class NmReconstruction {
    static final Modules.Series SERIES = new Modules.Series("nm-reconstruction", 2, "NM", "SPECT reconstruction");
    private static final double ORIENTATION_TOLERANCE = 1e-4;

    private NmReconstruction() {
    }

    static void write(Volume volume, DicomStudyInfo info, Path file) {
        Grid3 g = volume.grid();
        if (g.nx() > 0xFFFF || g.ny() > 0xFFFF || g.nz() > 0xFFFF) {
            throw InputException.field("grid size", "DICOM allows at most 65535 rows, columns and slices, got "
                    + g.nx() + "x" + g.ny() + "x" + g.nz());
        }
        DataSet units = VolumeScaling.unitsCode(volume.unit());
        VolumeScaling scale = VolumeScaling.of(volume.data(), "reconstructed image");

        DataSet d = new DataSet();
        Modules.common(d, info, Modules.NM_IMAGE_STORAGE, SERIES, 0);
        Modules.patientOrientation(d);
        d.putText(Tag.IMAGE_TYPE, Vr.CS, "ORIGINAL", "PRIMARY", "RECON TOMO", "EMISSION");
        Modules.pixelModule(d, g.ny(), g.nx(), false);
        d.putDecimal(Tag.PIXEL_SPACING, g.voxelYMm(), g.voxelXMm());
        d.putDecimal(Tag.SLICE_THICKNESS, g.voxelZMm());
        d.putDecimal(Tag.SPACING_BETWEEN_SLICES, g.voxelZMm());
        d.putEmpty(Tag.COUNTS_ACCUMULATED, Vr.IS);
        d.putInteger(Tag.NUMBER_OF_FRAMES, g.nz());
        d.putTags(Tag.FRAME_INCREMENT_POINTER, Tag.SLICE_VECTOR);
        int[] sliceVector = new int[g.nz()];
        for (int k = 0; k < sliceVector.length; k++) {
            sliceVector[k] = k + 1;
        }
        d.putUnsignedShorts(Tag.SLICE_VECTOR, sliceVector);
        d.putUnsignedShorts(Tag.NUMBER_OF_SLICES, g.nz());
        d.putUnsignedShorts(Tag.NUMBER_OF_ENERGY_WINDOWS, 1);
        d.putUnsignedShorts(Tag.NUMBER_OF_DETECTORS, 1);
        d.putUnsignedShorts(Tag.NUMBER_OF_ROTATIONS, 1);
        d.putEmpty(Tag.ENERGY_WINDOW_INFORMATION_SEQUENCE, Vr.SQ);
        d.putEmpty(Tag.RADIOPHARMACEUTICAL_INFORMATION_SEQUENCE, Vr.SQ);
        d.putEmpty(Tag.ROTATION_INFORMATION_SEQUENCE, Vr.SQ);
        d.putEmpty(Tag.TYPE_OF_DETECTOR_MOTION, Vr.CS);
        DataSet detector = new DataSet();
        detector.putEmpty(Tag.COLLIMATOR_TYPE, Vr.CS);
        detector.putDecimal(Tag.IMAGE_POSITION_PATIENT, g.originXMm(), g.originYMm(), g.originZMm());
        detector.putDecimal(Tag.IMAGE_ORIENTATION_PATIENT, 1, 0, 0, 0, 1, 0);
        d.putSequence(Tag.DETECTOR_INFORMATION_SEQUENCE, List.of(detector));

        d.putDecimal(Tag.RESCALE_INTERCEPT, scale.intercept());
        d.putDecimal(Tag.RESCALE_SLOPE, scale.slope());
        DataSet mapping = new DataSet();
        mapping.putText(Tag.LUT_EXPLANATION, Vr.LO, "activity concentration");
        mapping.putSequence(Tag.MEASUREMENT_UNITS_CODE_SEQUENCE, List.of(units));
        mapping.putText(Tag.LUT_LABEL, Vr.SH, "SPECTLAB");
        mapping.putUnsignedShorts(Tag.RWV_FIRST_VALUE_MAPPED, 0);
        mapping.putUnsignedShorts(Tag.RWV_LAST_VALUE_MAPPED, 65535);
        mapping.putDoubles(Tag.RWV_INTERCEPT, scale.intercept());
        mapping.putDoubles(Tag.RWV_SLOPE, scale.slope());
        d.putSequence(Tag.REAL_WORLD_VALUE_MAPPING_SEQUENCE, List.of(mapping));

        float[] data = volume.data();
        int[] stored = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            stored[i] = scale.store(data[i]);
        }
        d.putRaw(Tag.PIXEL_DATA, Vr.OW, PixelFrames.words(stored));
        Part10.write(file, d);
    }

    /** Reads an NM RECON TOMO object: axial slices only, values through Real World Value Mapping or Rescale. */
    static Volume read(DataSet d) {
        String[] imageType = d.texts(Tag.IMAGE_TYPE);
        if (imageType.length < 3 || !imageType[2].equals("RECON TOMO")) {
            throw d.invalid(Tag.IMAGE_TYPE, "is " + String.join("\\", imageType) + "; a reconstructed SPECT image needs"
                    + " Image Type value 3 RECON TOMO");
        }
        PixelFrames px = PixelFrames.of(d, Grid3.MAX_VOXELS);
        DataSet detector = d.requireItems(Tag.DETECTOR_INFORMATION_SEQUENCE).get(0);
        double[] position = detector.requireNumbers(Tag.IMAGE_POSITION_PATIENT, 3);
        double[] orientation = detector.requireNumbers(Tag.IMAGE_ORIENTATION_PATIENT, 6);
        requireAxial(detector, orientation);
        double[] spacing = d.requireNumbers(Tag.PIXEL_SPACING, 2);
        double dz = d.contains(Tag.SPACING_BETWEEN_SLICES) ? d.requireNumber(Tag.SPACING_BETWEEN_SLICES)
                : d.requireNumber(Tag.SLICE_THICKNESS);
        double[] sliceVector = d.numbers(Tag.SLICE_VECTOR);
        for (int k = 0; k < sliceVector.length; k++) {
            if (sliceVector[k] != k + 1) {
                throw d.invalid(Tag.SLICE_VECTOR, "must number the frames 1, 2, 3, ... in order; frame " + (k + 1)
                        + " is slice " + (long) sliceVector[k]);
            }
        }
        Grid3 grid;
        try {
            grid = Grid3.of(px.cols, px.rows, px.frames, spacing[1], spacing[0], dz, position[0], position[1],
                    position[2]);
        } catch (InputException e) {
            throw d.invalid(Tag.PIXEL_SPACING, "or Spacing Between Slices does not form a valid grid: " + e.getMessage());
        }
        double slope = px.slope();
        double intercept = px.intercept();
        String unit = "unknown";
        List<DataSet> mappings = d.items(Tag.REAL_WORLD_VALUE_MAPPING_SEQUENCE);
        if (!mappings.isEmpty()) {
            DataSet m = mappings.get(0);
            slope = m.requireNumber(Tag.RWV_SLOPE);
            intercept = m.requireNumber(Tag.RWV_INTERCEPT);
            unit = VolumeScaling.unitLabel(m.items(Tag.MEASUREMENT_UNITS_CODE_SEQUENCE));
        }
        float[] data = new float[grid.voxelCount()];
        int perSlice = px.rows * px.cols;
        for (int k = 0; k < px.frames; k++) {
            px.copyFrame(k, data, k * perSlice, slope, intercept, false);
        }
        return Volume.of(grid, data, unit);
    }

    /** Refuses anything but row direction +x and column direction +y. */
    static void requireAxial(DataSet where, double[] o) {
        double[] axial = {1, 0, 0, 0, 1, 0};
        for (int i = 0; i < 6; i++) {
            if (Math.abs(o[i] - axial[i]) > ORIENTATION_TOLERANCE) {
                throw where.invalid(Tag.IMAGE_ORIENTATION_PATIENT, "is " + java.util.Arrays.toString(o)
                        + "; only axial slices with orientation 1\\0\\0\\0\\1\\0 are supported");
            }
        }
    }
}
