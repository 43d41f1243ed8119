package org.spectlab.core.io.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spectlab.core.error.InputException;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.core.projection.ProjectionSet;

/**
 * Writes the projections of one acquisition (one {@link ProjectionSet} per energy window, same orbit
 * and matrix) as one multi-frame NM Image object (PS3.3 A.5) of Image Type
 * {@code ORIGINAL\PRIMARY\TOMO\EMISSION}. Frame layout, angle mapping and the counts-only rule are
 * described in the package documentation.
 */
final class NmProjectionWriter {
    static final Modules.Series SERIES = new Modules.Series("nm-projections", 1, "NM", "SPECT projections");

    private NmProjectionWriter() {
    }

    static void write(List<ProjectionSet> windows, DicomStudyInfo info, Path file) {
        if (windows.isEmpty()) {
            throw InputException.field("energy windows", "at least one projection set is needed");
        }
        ProjectionSet first = windows.get(0);
        AcquisitionGeometry g = first.geometry();
        int views = g.views();
        int heads = g.heads();
        int rows = first.rows();
        int cols = first.cols();
        if (windows.size() > 0xFFFF || rows > 0xFFFF || cols > 0xFFFF) {
            throw InputException.field("matrix size", "DICOM allows at most 65535 rows, columns and windows");
        }
        if (views % heads != 0) {
            throw InputException.field("number of projections", views + " views cannot be split evenly over "
                    + heads + " detector heads, as DICOM NM stores them per head");
        }
        for (ProjectionSet p : windows) {
            if (!p.geometry().equals(g) || p.rows() != rows || p.cols() != cols
                    || p.pixelSizeColMm() != first.pixelSizeColMm() || p.pixelSizeRowMm() != first.pixelSizeRowMm()
                    || p.timePerViewS() != first.timePerViewS()) {
                throw InputException.field("energy window '" + p.window().name() + "'", "must share the orbit, matrix,"
                        + " pixel size and time per view of window '" + first.window().name() + "'");
            }
            checkName(p.window());
            checkCounts(p);
        }
        long frameMs = Math.round(first.timePerViewS() * 1000);
        if (frameMs < 1 || frameMs > Integer.MAX_VALUE) {
            throw InputException.field("time per projection (sec)", "must be 0.001 s to 2e6 s to be written as"
                    + " DICOM Actual Frame Duration in whole ms, got " + first.timePerViewS());
        }
        int perHead = views / heads;
        int frames = windows.size() * views;

        DataSet d = new DataSet();
        Modules.common(d, info, Modules.NM_IMAGE_STORAGE, SERIES, 0);
        Modules.patientOrientation(d);
        d.putText(Tag.IMAGE_TYPE, Vr.CS, "ORIGINAL", "PRIMARY", "TOMO", "EMISSION");
        Modules.pixelModule(d, rows, cols, false);
        d.putDecimal(Tag.PIXEL_SPACING, first.pixelSizeRowMm(), first.pixelSizeColMm());
        d.putInteger(Tag.NUMBER_OF_FRAMES, frames);
        d.putTags(Tag.FRAME_INCREMENT_POINTER, Tag.ENERGY_WINDOW_VECTOR, Tag.DETECTOR_VECTOR, Tag.ROTATION_VECTOR,
                Tag.ANGULAR_VIEW_VECTOR);
        int[] windowVector = new int[frames];
        int[] detectorVector = new int[frames];
        int[] rotationVector = new int[frames];
        int[] viewVector = new int[frames];
        for (int f = 0; f < frames; f++) {
            int v = f % views;
            windowVector[f] = f / views + 1;
            detectorVector[f] = v / perHead + 1;
            rotationVector[f] = 1;
            viewVector[f] = v % perHead + 1;
        }
        d.putUnsignedShorts(Tag.ENERGY_WINDOW_VECTOR, windowVector);
        d.putUnsignedShorts(Tag.NUMBER_OF_ENERGY_WINDOWS, windows.size());
        d.putUnsignedShorts(Tag.DETECTOR_VECTOR, detectorVector);
        d.putUnsignedShorts(Tag.NUMBER_OF_DETECTORS, heads);
        d.putUnsignedShorts(Tag.ROTATION_VECTOR, rotationVector);
        d.putUnsignedShorts(Tag.NUMBER_OF_ROTATIONS, 1);
        d.putUnsignedShorts(Tag.ANGULAR_VIEW_VECTOR, viewVector);
        d.putText(Tag.TYPE_OF_DETECTOR_MOTION, Vr.CS, "STEP AND SHOOT");
        double total = 0;
        for (ProjectionSet p : windows) {
            total += p.total();
        }
        if (total <= Integer.MAX_VALUE) {
            d.putInteger(Tag.COUNTS_ACCUMULATED, (long) total);
        } else {
            d.putEmpty(Tag.COUNTS_ACCUMULATED, Vr.IS);
        }

        List<DataSet> windowItems = new ArrayList<>();
        for (ProjectionSet p : windows) {
            DataSet range = new DataSet();
            range.putDecimal(Tag.ENERGY_WINDOW_LOWER_LIMIT, p.window().lowerKeV());
            range.putDecimal(Tag.ENERGY_WINDOW_UPPER_LIMIT, p.window().upperKeV());
            DataSet item = new DataSet();
            item.putSequence(Tag.ENERGY_WINDOW_RANGE_SEQUENCE, List.of(range));
            item.putText(Tag.ENERGY_WINDOW_NAME, Vr.SH, p.window().name());
            windowItems.add(item);
        }
        d.putSequence(Tag.ENERGY_WINDOW_INFORMATION_SEQUENCE, windowItems);
        d.putEmpty(Tag.RADIOPHARMACEUTICAL_INFORMATION_SEQUENCE, Vr.SQ);

        double[] radii = g.radiiMm();
        List<DataSet> detectorItems = new ArrayList<>();
        for (int h = 0; h < heads; h++) {
            double theta = g.angleDeg(h * perHead);
            DataSet item = new DataSet();
            item.putDecimal(Tag.START_ANGLE, NmAngles.toDicom(theta));
            item.putEmpty(Tag.COLLIMATOR_TYPE, Vr.CS);
            double[] headRadii = new double[perHead];
            System.arraycopy(radii, h * perHead, headRadii, 0, perHead);
            item.putDecimal(Tag.RADIAL_POSITION, headRadii);
            double c = Math.cos(Math.toRadians(theta));
            double s = Math.sin(Math.toRadians(theta));
            // first transmitted pixel: column 0, top row (most superior), in the plane through the axis
            double u0 = -0.5 * (cols - 1) * first.pixelSizeColMm();
            double z0 = 0.5 * (rows - 1) * first.pixelSizeRowMm();
            item.putDecimal(Tag.IMAGE_POSITION_PATIENT, clean(u0 * c), clean(u0 * s), z0);
            item.putDecimal(Tag.IMAGE_ORIENTATION_PATIENT, clean(c), clean(s), 0, 0, 0, -1);
            detectorItems.add(item);
        }
        d.putSequence(Tag.DETECTOR_INFORMATION_SEQUENCE, detectorItems);

        DataSet rotation = new DataSet();
        rotation.putDecimal(Tag.START_ANGLE, NmAngles.toDicom(g.startAngleDeg()));
        rotation.putDecimal(Tag.ANGULAR_STEP, g.stepDeg());
        rotation.putText(Tag.ROTATION_DIRECTION, Vr.CS, NmAngles.toDicom(g.direction()));
        rotation.putDecimal(Tag.SCAN_ARC, g.extentDeg() / heads);
        rotation.putInteger(Tag.ACTUAL_FRAME_DURATION, frameMs);
        if (heads == 1) {
            rotation.putDecimal(Tag.RADIAL_POSITION, radii);
        } else {
            double mean = 0;
            for (double r : radii) {
                mean += r / radii.length;
            }
            rotation.putDecimal(Tag.RADIAL_POSITION, mean);
        }
        rotation.putUnsignedShorts(Tag.NUMBER_OF_FRAMES_IN_ROTATION, perHead);
        d.putSequence(Tag.ROTATION_INFORMATION_SEQUENCE, List.of(rotation));

        ByteBuffer pixels = ByteBuffer.allocate(2 * frames * rows * cols).order(ByteOrder.LITTLE_ENDIAN);
        for (ProjectionSet p : windows) {
            float[] data = p.data();
            for (int v = 0; v < views; v++) {
                for (int r = rows - 1; r >= 0; r--) {
                    int base = p.index(v, r, 0);
                    for (int c = 0; c < cols; c++) {
                        pixels.putShort((short) (int) data[base + c]);
                    }
                }
            }
        }
        d.putRaw(Tag.PIXEL_DATA, Vr.OW, pixels.array());
        Part10.write(file, d);
    }

    /** Rounds away the 1e-16 residues of cos/sin at multiples of 90 degrees (direction cosines only). */
    private static double clean(double v) {
        double r = Math.rint(v * 1e12) / 1e12;
        return r == 0 ? 0 : r;
    }

    private static void checkName(EnergyWindow w) {
        String n = w.name();
        if (n.length() > 16 || !n.chars().allMatch(ch -> ch >= 0x20 && ch <= 0x7E && ch != '\\')) {
            throw InputException.field("energy window '" + n + "'", "DICOM Energy Window Name is at most 16 printable"
                    + " ASCII characters without backslashes");
        }
    }

    private static void checkCounts(ProjectionSet p) {
        float[] data = p.data();
        for (int i = 0; i < data.length; i++) {
            float x = data[i];
            if (!(x >= 0) || x > 65535 || x != Math.rint(x)) {
                int cols = p.cols();
                int rows = p.rows();
                throw InputException.field("projections of window '" + p.window().name() + "'", "DICOM NM"
                        + " projections hold counts as 16-bit unsigned whole numbers (0 to 65535), but view "
                        + i / (rows * cols) + " row " + (i / cols) % rows + " column " + i % cols + " is " + x
                        + "; export measured (noisy) counts, or use Interfile float for expected counts");
            }
        }
    }
}
