package org.spectlab.core.io.interfile;

import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;
import org.spectlab.core.error.InputException;
import org.spectlab.core.io.AtomicFiles;
import org.spectlab.core.projection.AcquisitionGeometry;
import org.spectlab.core.projection.EnergyWindow;
import org.spectlab.core.projection.ProjectionSet;
import org.spectlab.core.projection.RotationDirection;

/**
 * Interfile 3.3 SPECT projections ({@code .hs} header + {@code .s} data) for one energy window, in
 * the dialect STIR, SIMIND and CASToR read. The mapping of angles, rotation direction and matrix axes
 * between the file and spectlab's convention is described in the package documentation; in short:
 * header start angle = spectlab start angle + 180&deg;, header direction = the opposite of spectlab's
 * {@link RotationDirection}, columns stored in reverse order, rows stored as they are (row 0 is the
 * most inferior row).
 */
public final class InterfileProjections {
    private static final BigDecimal HALF_TURN = BigDecimal.valueOf(180);
    private static final BigDecimal FULL_TURN = BigDecimal.valueOf(360);

    private InterfileProjections() {
    }

    /**
     * Writes {@code projections} to {@code headerFile} (must end in {@code .hs}) and its data file
     * (same name ending {@code .s}), data first and header last, each atomically.
     *
     * @throws InputException when the name does not end in .hs, or a value cannot be stored exactly in
     *                        an integer {@code format}
     */
    public static void write(ProjectionSet projections, Path headerFile, InterfileNumberFormat format,
                             ByteOrder order) {
        Path dataFile = InterfileImages.siblingDataFile(headerFile, ".hs", ".s");
        float[] stored = mirrorColumns(projections.data(), projections.cols());
        RawSamples.checkStorable(stored, format, "projections " + headerFile);
        String header = headerText(projections, dataFile.getFileName().toString(), format, order, stored);
        AtomicFiles.write(dataFile, out -> RawSamples.write(out, stored, format, order));
        AtomicFiles.writeString(headerFile, header);
    }

    /** Writes float32 little-endian (the format STIR writes and reads most directly). */
    public static void write(ProjectionSet projections, Path headerFile) {
        write(projections, headerFile, InterfileNumberFormat.FLOAT32, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Reads an Interfile SPECT projection header and its data.
     *
     * @throws InputException naming the header file and key when the header or data is unusable
     */
    public static ProjectionSet read(Path headerFile) {
        InterfileHeader h = InterfileHeader.read(headerFile);
        String type = h.get("!type of data");
        if (type != null && !type.trim().equalsIgnoreCase("tomographic")) {
            throw h.error("!type of data", "must be Tomographic for SPECT projections, got '" + type + "'");
        }
        int windows = h.getInt("number of energy windows", 1);
        if (windows != 1) {
            throw h.error("number of energy windows", "must be 1 (one file per energy window), got " + windows);
        }
        int cols = h.requireInt("!matrix size [1]");
        int rows = h.requireInt("!matrix size [2]");
        int views = h.requireInt("!number of projections");
        requirePositive(h, "!matrix size [1]", cols);
        requirePositive(h, "!matrix size [2]", rows);
        requirePositive(h, "!number of projections", views);
        long total = (long) cols * rows * views;
        if (total > ProjectionSet.MAX_VALUES) {
            throw h.error("!matrix size [1]", "x '!matrix size [2]' x '!number of projections' = " + cols + " x "
                    + rows + " x " + views + " exceeds the maximum of " + ProjectionSet.MAX_VALUES + " values");
        }
        if (h.has("!number of images/energy window")) {
            int images = h.requireInt("!number of images/energy window");
            if (images != views) {
                throw h.error("!number of images/energy window", "is " + images + " but '!number of projections' is "
                        + views + "; they must agree");
            }
        }
        double pixelColMm = h.requireDouble("scaling factor (mm/pixel) [1]");
        double pixelRowMm = h.requireDouble("scaling factor (mm/pixel) [2]");
        InterfileNumberFormat format = InterfileNumberFormat.fromHeader(h);
        ByteOrder order = RawSamples.byteOrder(h);
        long offset = RawSamples.dataOffset(h);

        double extentDeg = h.requireDouble("!extent of rotation");
        double startDeg = spectlabStartAngle(h.getDecimal("start angle", BigDecimal.ZERO));
        RotationDirection direction = spectlabDirection(h);
        double[] radii = radii(h, views);
        int heads = h.getInt("number of detector heads", 1);
        double timeS = timePerView(h, views);
        EnergyWindow window = window(h);

        AcquisitionGeometry geometry;
        try {
            geometry = AcquisitionGeometry.of(views, startDeg, extentDeg, direction, radii, heads);
        } catch (InputException e) {
            throw new InputException(headerFile + ": " + e.getMessage(), e);
        }
        float[] stored = RawSamples.read(h, RawSamples.dataFile(h), offset, (int) total, format, order,
                h.getDouble("data rescale slope", 1.0), h.getDouble("data rescale offset", 0.0));
        float[] data = mirrorColumns(stored, cols);
        try {
            return ProjectionSet.of(geometry, rows, cols, pixelColMm, pixelRowMm, window, timeS, data);
        } catch (InputException e) {
            throw new InputException(headerFile + ": " + e.getMessage(), e);
        }
    }

    /** Header start angle (STIR convention, in [0, 360)) for a spectlab start angle; exact in decimal. */
    static BigDecimal headerStartAngle(double spectlabStartDeg) {
        return wrap(new BigDecimal(Double.toString(spectlabStartDeg)).add(HALF_TURN));
    }

    /** spectlab start angle in [0, 360) for a header start angle; exact in decimal. */
    static double spectlabStartAngle(BigDecimal headerStartDeg) {
        return wrap(headerStartDeg.subtract(HALF_TURN)).doubleValue();
    }

    private static BigDecimal wrap(BigDecimal deg) {
        BigDecimal r = deg.remainder(FULL_TURN);
        if (r.signum() < 0) {
            r = r.add(FULL_TURN);
        }
        return r;
    }

    /** Header direction for a spectlab direction: opposite names (see the package documentation). */
    static String headerDirection(RotationDirection d) {
        return d == RotationDirection.CW ? "CCW" : "CW";
    }

    private static RotationDirection spectlabDirection(InterfileHeader h) {
        String v = h.require("!direction of rotation").trim().toUpperCase(Locale.ROOT);
        return switch (v) {
            case "CW" -> RotationDirection.CCW;
            case "CCW" -> RotationDirection.CW;
            default -> throw h.error("!direction of rotation", "must be CW or CCW, got '" + v + "'");
        };
    }

    private static double[] radii(InterfileHeader h, int views) {
        String orbit = h.get("orbit");
        String o = orbit == null ? "circular" : orbit.trim().toLowerCase(Locale.ROOT);
        if (!o.equals("circular") && !o.equals("non-circular") && !o.equals("noncircular")) {
            throw h.error("orbit", "must be Circular or Non-circular, got '" + orbit + "'");
        }
        double[] list = h.getDoubleList("radii");
        String key = "radii";
        if (list == null) {
            list = h.getDoubleList("radius");
            key = "radius";
        }
        if (list == null) {
            throw h.error(o.equals("circular") ? "radius" : "radii", "is required but missing");
        }
        if (list.length == 1 && o.equals("circular")) {
            double[] r = new double[views];
            java.util.Arrays.fill(r, list[0]);
            return r;
        }
        if (list.length != views) {
            throw h.error(key, "lists " + list.length + " radii but '!number of projections' is " + views
                    + "; give one radius per projection");
        }
        return list;
    }

    private static double timePerView(InterfileHeader h, int views) {
        if (h.has("!time per projection (sec)")) {
            return h.requireDouble("!time per projection (sec)");
        }
        if (h.has("study duration (sec)")) {
            return h.requireDouble("study duration (sec)") / views;
        }
        if (h.has("image duration (sec)[1]")) {
            return h.requireDouble("image duration (sec)[1]") / views;
        }
        throw h.error("!time per projection (sec)", "is required but missing (or give 'study duration (sec)')");
    }

    private static EnergyWindow window(InterfileHeader h) {
        double lower = h.requireDouble("energy window lower level[1]");
        double upper = h.requireDouble("energy window upper level[1]");
        String name = h.get("energy window name[1]");
        if (name == null) {
            String file = h.file().getFileName().toString();
            int dot = file.lastIndexOf('.');
            name = dot > 0 ? file.substring(0, dot) : file;
        }
        try {
            return EnergyWindow.of(name.trim(), lower, upper);
        } catch (InputException e) {
            throw h.error("energy window lower level[1]", "and upper level: " + e.getMessage());
        }
    }

    private static void requirePositive(InterfileHeader h, String key, int v) {
        if (v <= 0) {
            throw h.error(key, "must be positive, got " + v);
        }
    }

    /** A copy with the column order of every row reversed (an involution). */
    static float[] mirrorColumns(float[] data, int cols) {
        float[] out = new float[data.length];
        for (int rowStart = 0; rowStart < data.length; rowStart += cols) {
            for (int c = 0; c < cols; c++) {
                out[rowStart + c] = data[rowStart + cols - 1 - c];
            }
        }
        return out;
    }

    private static String headerText(ProjectionSet p, String dataName, InterfileNumberFormat format, ByteOrder order,
                                     float[] stored) {
        AcquisitionGeometry g = p.geometry();
        EnergyWindow w = p.window();
        float max = 0;
        for (float v : stored) {
            max = Math.max(max, v);
        }
        StringBuilder s = new StringBuilder(512 + (g.isCircular() ? 0 : 12 * g.views()));
        s.append("!INTERFILE :=\n");
        s.append("; written by spectlab: angles and column order follow STIR's SPECT convention\n");
        s.append("!imaging modality := nucmed\n");
        s.append("!version of keys := 3.3\n");
        s.append("!GENERAL DATA :=\n");
        s.append("!name of data file := ").append(dataName).append('\n');
        s.append("data offset in bytes := 0\n");
        s.append("patient orientation := head_in\n");
        s.append("patient rotation := supine\n");
        s.append("!GENERAL IMAGE DATA :=\n");
        s.append("!type of data := Tomographic\n");
        s.append("imagedata byte order := ").append(RawSamples.byteOrderName(order)).append('\n');
        s.append("number of energy windows := 1\n");
        s.append("energy window name [1] := ").append(w.name()).append('\n');
        s.append("energy window lower level [1] := ").append(num(w.lowerKeV())).append('\n');
        s.append("energy window upper level [1] := ").append(num(w.upperKeV())).append('\n');
        s.append("!SPECT STUDY (General) :=\n");
        s.append("number of detector heads := ").append(g.heads()).append('\n');
        s.append("!number of images/energy window := ").append(g.views()).append('\n');
        s.append("!process status := Acquired\n");
        s.append("number of dimensions := 2\n");
        s.append("matrix axis label [1] := bin coordinate\n");
        s.append("!matrix size [1] := ").append(p.cols()).append('\n');
        s.append("scaling factor (mm/pixel) [1] := ").append(num(p.pixelSizeColMm())).append('\n');
        s.append("matrix axis label [2] := axial coordinate\n");
        s.append("!matrix size [2] := ").append(p.rows()).append('\n');
        s.append("scaling factor (mm/pixel) [2] := ").append(num(p.pixelSizeRowMm())).append('\n');
        s.append("!number format := ").append(format.interfileName()).append('\n');
        s.append("!number of bytes per pixel := ").append(format.bytesPerPixel()).append('\n');
        s.append("!number of projections := ").append(g.views()).append('\n');
        s.append("!extent of rotation := ").append(num(g.extentDeg())).append('\n');
        s.append("!time per projection (sec) := ").append(num(p.timePerViewS())).append('\n');
        s.append("study duration (sec) := ").append(num(p.timePerViewS() * g.views())).append('\n');
        s.append("!maximum pixel count := ").append(num(max)).append('\n');
        s.append("!SPECT STUDY (acquired data) :=\n");
        s.append("!direction of rotation := ").append(headerDirection(g.direction())).append('\n');
        String start = headerStartAngle(g.startAngleDeg()).stripTrailingZeros().toPlainString();
        s.append("start angle := ").append(start).append('\n');
        s.append("first projection angle in data set := ").append(start).append('\n');
        s.append("acquisition mode := stepped\n");
        s.append("Centre of rotation := Corrected\n");
        if (g.isCircular()) {
            s.append("orbit := Circular\n");
            s.append("Radius := ").append(num(g.radiusMm(0))).append('\n');
        } else {
            s.append("orbit := Non-circular\n");
            s.append("Radii := {");
            for (int v = 0; v < g.views(); v++) {
                s.append(v == 0 ? "" : ", ").append(num(g.radiusMm(v)));
            }
            s.append("}\n");
        }
        s.append("!END OF INTERFILE :=\n");
        return s.toString();
    }

    /** A number in the shortest text that reads back to the same double (integers without ".0"). */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
