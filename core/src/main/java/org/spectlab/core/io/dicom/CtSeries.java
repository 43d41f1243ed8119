package org.spectlab.core.io.dicom;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;

/**
 * A CT volume in HU as a CT Image series (PS3.3 A.3): one file per axial slice named
 * {@code ct_0001.dcm}, ..., signed 16-bit stored values with Rescale Slope 1 and Intercept 0 (so stored
 * value = HU; values are rounded to whole HU, the precision clinical CT files carry), Image Orientation
 * (Patient) {@code 1\0\0\0\1\0} and Image Position (Patient) at the centre of each slice's first voxel.
 */
final class CtSeries {
    static final Modules.Series SERIES = new Modules.Series("ct", 3, "CT", "CT");
    private static final Pattern SLICE_NAME = Pattern.compile("ct_\\d{4,5}\\.dcm");
    /** Relative slice-spacing irregularity accepted when reading (vendor DS rounding). */
    private static final double SPACING_TOLERANCE = 1e-3;

    private CtSeries() {
    }

    static void write(Volume hu, DicomStudyInfo info, Path dir) {
        if (!hu.unit().equalsIgnoreCase("HU")) {
            throw InputException.field("CT volume unit", "must be HU, got '" + hu.unit() + "'");
        }
        Grid3 g = hu.grid();
        if (g.nx() > 0xFFFF || g.ny() > 0xFFFF || g.nz() > 99_999) {
            throw InputException.field("CT grid size", "DICOM CT allows at most 65535 rows/columns (and spectlab"
                    + " 99999 slices), got " + g.nx() + "x" + g.ny() + "x" + g.nz());
        }
        float[] data = hu.data();
        for (int i = 0; i < data.length; i++) {
            float v = data[i];
            if (!(v >= Short.MIN_VALUE - 0.5f && v < Short.MAX_VALUE + 0.5f)) {
                throw InputException.field("CT volume", "value " + v + " HU at voxel " + i + " does not fit 16-bit"
                        + " signed storage (-32768 to 32767 HU)");
            }
        }
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "ct_*.dcm")) {
                for (Path p : old) {
                    if (SLICE_NAME.matcher(p.getFileName().toString()).matches()) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new InputException(dir + ": cannot prepare the CT series directory: " + e.getMessage(), e);
        }
        int perSlice = g.nx() * g.ny();
        for (int k = 0; k < g.nz(); k++) {
            DataSet d = new DataSet();
            Modules.common(d, info, Modules.CT_IMAGE_STORAGE, SERIES, k);
            d.putText(Tag.IMAGE_TYPE, Vr.CS, "ORIGINAL", "PRIMARY", "AXIAL");
            d.putText(Tag.PATIENT_POSITION, Vr.CS, "HFS");
            d.putEmpty(Tag.KVP, Vr.DS);
            d.putDecimal(Tag.SLICE_THICKNESS, g.voxelZMm());
            d.putDecimal(Tag.IMAGE_POSITION_PATIENT, g.originXMm(), g.originYMm(), g.zMm(k));
            d.putDecimal(Tag.IMAGE_ORIENTATION_PATIENT, 1, 0, 0, 0, 1, 0);
            d.putDecimal(Tag.SLICE_LOCATION, g.zMm(k));
            Modules.pixelModule(d, g.ny(), g.nx(), true);
            d.putDecimal(Tag.PIXEL_SPACING, g.voxelYMm(), g.voxelXMm());
            d.putDecimal(Tag.RESCALE_INTERCEPT, 0);
            d.putDecimal(Tag.RESCALE_SLOPE, 1);
            d.putText(Tag.RESCALE_TYPE, Vr.LO, "HU");
            int[] stored = new int[perSlice];
            for (int i = 0; i < perSlice; i++) {
                stored[i] = Math.round(data[k * perSlice + i]);
            }
            d.putRaw(Tag.PIXEL_DATA, Vr.OW, PixelFrames.words(stored));
            Part10.write(dir.resolve(String.format(Locale.ROOT, "ct_%04d.dcm", k + 1)), d);
        }
    }

    /** A slice read from disk: its file, data set and z position. */
    private record Slice(Path file, DataSet data, double zMm) {
    }

    /** Reads every regular, non-hidden file of {@code dir} as one CT series (or one file as a one-slice volume). */
    static Volume read(List<DataSet> files) {
        List<Slice> slices = new ArrayList<>();
        for (DataSet d : files) {
            if (!"CT".equals(d.text(Tag.MODALITY))) {
                throw d.invalid(Tag.MODALITY, "is '" + d.text(Tag.MODALITY) + "'; every file of a CT series must be CT");
            }
            double[] pos = d.requireNumbers(Tag.IMAGE_POSITION_PATIENT, 3);
            NmReconstruction.requireAxial(d, d.requireNumbers(Tag.IMAGE_ORIENTATION_PATIENT, 6));
            slices.add(new Slice(d.source, d, pos[2]));
        }
        slices.sort(Comparator.comparingDouble(Slice::zMm));
        DataSet first = slices.get(0).data();
        String series = first.text(Tag.SERIES_INSTANCE_UID);
        double[] pos0 = first.requireNumbers(Tag.IMAGE_POSITION_PATIENT, 3);
        double[] spacing = first.requireNumbers(Tag.PIXEL_SPACING, 2);
        int rows = first.requireInt(Tag.ROWS, 1, 0xFFFF);
        int cols = first.requireInt(Tag.COLUMNS, 1, 0xFFFF);
        int nz = slices.size();
        double dz = nz > 1 ? (slices.get(nz - 1).zMm() - pos0[2]) / (nz - 1)
                : first.requireNumber(Tag.SLICE_THICKNESS);
        if ((long) rows * cols * nz > Grid3.MAX_VOXELS) {
            throw first.invalid(Tag.ROWS, "x Columns x " + nz + " slices exceeds " + Grid3.MAX_VOXELS + " voxels");
        }
        Grid3 grid;
        try {
            grid = Grid3.of(cols, rows, nz, spacing[1], spacing[0], dz, pos0[0], pos0[1], pos0[2]);
        } catch (InputException e) {
            throw first.invalid(Tag.IMAGE_POSITION_PATIENT, "of the slices do not form a grid: " + e.getMessage());
        }
        float[] data = new float[grid.voxelCount()];
        for (int k = 0; k < nz; k++) {
            DataSet d = slices.get(k).data();
            if (series != null && !series.equals(d.text(Tag.SERIES_INSTANCE_UID))) {
                throw d.invalid(Tag.SERIES_INSTANCE_UID, "differs from " + slices.get(0).file()
                        + "; the directory must hold one CT series");
            }
            double[] pos = d.requireNumbers(Tag.IMAGE_POSITION_PATIENT, 3);
            double expected = pos0[2] + k * dz;
            if (Math.abs(pos[2] - expected) > SPACING_TOLERANCE * Math.abs(dz)
                    || Math.abs(pos[0] - pos0[0]) > SPACING_TOLERANCE * spacing[1]
                    || Math.abs(pos[1] - pos0[1]) > SPACING_TOLERANCE * spacing[0]) {
                throw d.invalid(Tag.IMAGE_POSITION_PATIENT, "puts slice " + (k + 1) + " at z = " + pos[2]
                        + " mm; slices must be evenly spaced (expected " + expected + ") and aligned in x, y");
            }
            double[] sp = d.requireNumbers(Tag.PIXEL_SPACING, 2);
            PixelFrames px = PixelFrames.of(d, Grid3.MAX_VOXELS);
            if (px.rows != rows || px.cols != cols || sp[0] != spacing[0] || sp[1] != spacing[1] || px.frames != 1) {
                throw d.invalid(Tag.ROWS, "Columns or Pixel Spacing differ from the first slice");
            }
            px.copyFrame(0, data, k * rows * cols, px.slope(), px.intercept(), false);
        }
        return Volume.of(grid, data, "HU");
    }

    /** The DICOM files of a series directory: regular, non-hidden files, sorted by name. */
    static List<Path> files(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list the DICOM series directory: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new InputException(dir + ": directory holds no DICOM files");
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }
}
