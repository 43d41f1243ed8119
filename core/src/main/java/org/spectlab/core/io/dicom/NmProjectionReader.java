package org.spectlab.core.io.dicom;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.spectlab.core.error.InputException;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.core.projection.RotationDirection;

/**
 * Reads an NM TOMO multi-frame object back into one {@link ProjectionSet} per energy window. The
 * layouts accepted are listed in the package documentation.
 */
final class NmProjectionReader {
    /** Largest disagreement, degrees, between a frame's angle and the evenly spaced orbit (DS rounding). */
    private static final double ANGLE_TOLERANCE_DEG = 1e-3;

    private NmProjectionReader() {
    }

    static List<ProjectionSet> read(Path file) {
        return read(Part10.read(file));
    }

    static List<ProjectionSet> read(DataSet d) {
        String[] imageType = d.texts(Tag.IMAGE_TYPE);
        if (!"NM".equals(d.text(Tag.MODALITY)) || imageType.length < 3 || !imageType[2].equals("TOMO")) {
            throw d.invalid(Tag.IMAGE_TYPE, "is " + String.join("\\", imageType) + " (modality " + d.text(Tag.MODALITY)
                    + "); NM projections need modality NM and Image Type value 3 TOMO");
        }
        PixelFrames px = PixelFrames.of(d, ProjectionSet.MAX_VALUES);
        int frames = px.frames;
        double[] spacing = d.requireNumbers(Tag.PIXEL_SPACING, 2);

        List<DataSet> windowItems = d.requireItems(Tag.ENERGY_WINDOW_INFORMATION_SEQUENCE);
        int nWindows = windowItems.size();
        int[] windowVector = vector(d, Tag.ENERGY_WINDOW_VECTOR, frames, nWindows);
        List<DataSet> detectorItems = d.items(Tag.DETECTOR_INFORMATION_SEQUENCE);
        int heads = Math.max(1, detectorItems.size());
        int[] detectorVector = vector(d, Tag.DETECTOR_VECTOR, frames, heads);
        if (d.contains(Tag.NUMBER_OF_ROTATIONS) && d.requireInt(Tag.NUMBER_OF_ROTATIONS, 1, 0xFFFF) != 1) {
            throw d.invalid(Tag.NUMBER_OF_ROTATIONS, "is " + d.text(Tag.NUMBER_OF_ROTATIONS)
                    + "; only single-rotation acquisitions are supported");
        }
        DataSet rotation = d.requireItems(Tag.ROTATION_INFORMATION_SEQUENCE).get(0);
        int perHead = rotation.requireInt(Tag.NUMBER_OF_FRAMES_IN_ROTATION, 1, 0xFFFF);
        int[] viewVector = vector(d, Tag.ANGULAR_VIEW_VECTOR, frames, perHead);
        BigDecimal step = rotation.requireDecimal(Tag.ANGULAR_STEP);
        if (step.signum() <= 0) {
            throw rotation.invalid(Tag.ANGULAR_STEP, "must be positive, got " + step);
        }
        String dir = rotation.requireText(Tag.ROTATION_DIRECTION);
        RotationDirection direction;
        if (dir.equals("CW")) {
            direction = RotationDirection.CW;
        } else if (dir.equals("CC") || dir.equals("CCW")) {
            direction = RotationDirection.CCW;
        } else {
            throw rotation.invalid(Tag.ROTATION_DIRECTION, "is '" + dir + "'; allowed: CW, CC");
        }
        BigDecimal sign = BigDecimal.valueOf(direction.sign());
        double frameMs = rotation.requireNumber(Tag.ACTUAL_FRAME_DURATION);
        if (!(frameMs > 0)) {
            throw rotation.invalid(Tag.ACTUAL_FRAME_DURATION, "must be a positive time in ms, got " + frameMs);
        }

        // per head: spectlab start angle and radii of its views
        BigDecimal[] headTheta = new BigDecimal[heads];
        double[][] headRadii = new double[heads][];
        double[] rotationRadii = rotation.numbers(Tag.RADIAL_POSITION);
        boolean flipRows = true;
        for (int h = 0; h < heads; h++) {
            DataSet item = detectorItems.isEmpty() ? null : detectorItems.get(h);
            BigDecimal alpha;
            if (item != null && item.contains(Tag.START_ANGLE)) {
                alpha = item.requireDecimal(Tag.START_ANGLE);
            } else if (h == 0) {
                alpha = rotation.requireDecimal(Tag.START_ANGLE);
            } else {
                throw d.invalid(Tag.DETECTOR_INFORMATION_SEQUENCE, "item " + (h + 1) + " has no Start Angle (0054,0200);"
                        + " needed to place the views of detector " + (h + 1));
            }
            headTheta[h] = new BigDecimal(DataSet.formatDecimal(NmAngles.fromDicom(alpha)));
            double[] r = item == null ? new double[0] : item.numbers(Tag.RADIAL_POSITION);
            headRadii[h] = radii(r.length > 0 ? r : rotationRadii, h, heads, perHead, rotation);
            if (item != null && h == 0) {
                double[] orientation = item.numbers(Tag.IMAGE_ORIENTATION_PATIENT);
                flipRows = orientation.length != 6 || orientation[5] <= 0.5;
            }
        }

        BigDecimal theta0 = headTheta[detectorVector[0] - 1].add(sign.multiply(step)
                .multiply(BigDecimal.valueOf(viewVector[0] - 1L)));
        List<ProjectionSet> out = new ArrayList<>();
        int views = -1;
        AcquisitionGeometry geometry = null;
        for (int w = 1; w <= nWindows; w++) {
            int[] frameOf = framesOf(windowVector, w);
            int n = frameOf.length;
            if (n == 0) {
                throw d.invalid(Tag.ENERGY_WINDOW_VECTOR, "has no frame for energy window " + w);
            }
            if (views >= 0 && n != views) {
                throw d.invalid(Tag.ENERGY_WINDOW_VECTOR, "gives " + n + " frames to window " + w + " but " + views
                        + " to window 1; every window needs the same views");
            }
            views = n;
            double[] offset = new double[n];
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                int f = frameOf[i];
                BigDecimal theta = headTheta[detectorVector[f] - 1].add(sign.multiply(step)
                        .multiply(BigDecimal.valueOf(viewVector[f] - 1L)));
                offset[i] = NmAngles.wrap(theta.subtract(theta0).multiply(sign)).doubleValue();
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(offset[a], offset[b]));
            double stepDeg = step.doubleValue();
            double[] radii = new double[n];
            float[] data = new float[n * px.rows * px.cols];
            for (int i = 0; i < n; i++) {
                int f = frameOf[order[i]];
                double expected = i * stepDeg;
                double off = offset[order[i]];
                if (Math.abs(off - expected) > ANGLE_TOLERANCE_DEG && Math.abs(off - expected + 360) > ANGLE_TOLERANCE_DEG) {
                    throw d.invalid(Tag.ANGULAR_VIEW_VECTOR, "frames of window " + w + " are not evenly spaced by the"
                            + " Angular Step " + step + " deg: view " + i + " is " + off + " deg from the first, expected "
                            + expected);
                }
                radii[i] = headRadii[detectorVector[f] - 1][viewVector[f] - 1];
                px.copyFrame(f, data, i * px.rows * px.cols, px.slope(), px.intercept(), flipRows);
            }
            if (geometry == null) {
                BigDecimal byStep = step.multiply(BigDecimal.valueOf(n));
                BigDecimal extent = byStep;
                if (rotation.contains(Tag.SCAN_ARC)) {
                    BigDecimal byArc = rotation.requireDecimal(Tag.SCAN_ARC).multiply(BigDecimal.valueOf(heads));
                    if (byArc.subtract(byStep).abs().doubleValue() <= ANGLE_TOLERANCE_DEG) {
                        extent = byArc;
                    }
                }
                if (extent.doubleValue() > 360 + ANGLE_TOLERANCE_DEG) {
                    throw rotation.invalid(Tag.ANGULAR_STEP, step + " deg x " + n + " views covers more than 360 deg");
                }
                geometry = AcquisitionGeometry.of(n, NmAngles.wrap(theta0).doubleValue(),
                        Math.min(360, extent.doubleValue()), direction, radii, heads);
            } else if (!Arrays.equals(radii, geometry.radiiMm())) {
                throw d.invalid(Tag.RADIAL_POSITION, "differs between energy windows 1 and " + w);
            }
            DataSet item = windowItems.get(w - 1);
            out.add(ProjectionSet.of(geometry, px.rows, px.cols, spacing[1], spacing[0], window(item, w),
                    frameMs / 1000.0, data));
        }
        return out;
    }

    private static EnergyWindow window(DataSet item, int w) {
        DataSet range = item.requireItems(Tag.ENERGY_WINDOW_RANGE_SEQUENCE).get(0);
        double lower = range.requireNumber(Tag.ENERGY_WINDOW_LOWER_LIMIT);
        double upper = range.requireNumber(Tag.ENERGY_WINDOW_UPPER_LIMIT);
        String name = item.text(Tag.ENERGY_WINDOW_NAME);
        try {
            return EnergyWindow.of(name == null || name.isBlank() ? "window" + w : name, lower, upper);
        } catch (InputException e) {
            throw range.invalid(Tag.ENERGY_WINDOW_LOWER_LIMIT, "and upper limit do not form a window: " + e.getMessage());
        }
    }

    private static double[] radii(double[] values, int head, int heads, int perHead, DataSet where) {
        double[] r = new double[perHead];
        if (values.length == 1) {
            Arrays.fill(r, values[0]);
        } else if (values.length == perHead) {
            System.arraycopy(values, 0, r, 0, perHead);
        } else if (values.length == perHead * heads) {
            System.arraycopy(values, head * perHead, r, 0, perHead);
        } else if (values.length == 0) {
            throw where.invalid(Tag.RADIAL_POSITION, "is missing from both the Detector and the Rotation Information"
                    + " Sequence; spectlab needs the radius of rotation");
        } else {
            throw where.invalid(Tag.RADIAL_POSITION, "has " + values.length + " values; expected 1 or one per view ("
                    + perHead + ")");
        }
        return r;
    }

    /** A frame vector with values in [1, max], one per frame; all ones when absent and max is 1. */
    private static int[] vector(DataSet d, int tag, int frames, int max) {
        double[] v = d.numbers(tag);
        int[] out = new int[frames];
        if (v.length == 0 && max == 1) {
            Arrays.fill(out, 1);
            return out;
        }
        if (v.length != frames) {
            throw d.invalid(tag, "needs one value per frame (" + frames + "), has " + v.length);
        }
        for (int f = 0; f < frames; f++) {
            if (v[f] < 1 || v[f] > max) {
                throw d.invalid(tag, "value " + (long) v[f] + " at frame " + (f + 1) + " is outside 1.." + max);
            }
            out[f] = (int) v[f];
        }
        return out;
    }

    private static int[] framesOf(int[] windowVector, int w) {
        int n = 0;
        for (int x : windowVector) {
            if (x == w) {
                n++;
            }
        }
        int[] out = new int[n];
        int k = 0;
        for (int f = 0; f < windowVector.length; f++) {
            if (windowVector[f] == w) {
                out[k++] = f;
            }
        }
        return out;
    }
}
