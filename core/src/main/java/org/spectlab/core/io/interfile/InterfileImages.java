package org.spectlab.core.io.interfile;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.AtomicFiles;

/**
 * Interfile 3.3 images ({@code .hv} header + {@code .v} data) for a {@link Volume}, in the dialect STIR
 * writes and reads. Matrix axes [1], [2], [3] are spectlab's x, y, z with no flips (x fastest, slice
 * 0 the most inferior); the origin goes in STIR's {@code first pixel offset (mm)} keys as the centre
 * of voxel (0, 0, 0) in spectlab patient millimetres; the unit goes in {@code quantification units}.
 */
public final class InterfileImages {

    private InterfileImages() {
    }

    /**
     * Writes the volume to {@code headerFile} (must end in {@code .hv}) and its data file (same name
     * ending {@code .v}), data first and header last, each atomically.
     */
    public static void write(Volume volume, Path headerFile, InterfileNumberFormat format, ByteOrder order) {
        Path dataFile = siblingDataFile(headerFile, ".hv", ".v");
        float[] data = volume.data();
        RawSamples.checkStorable(data, format, "image " + headerFile);
        String header = headerText(volume, dataFile.getFileName().toString(), format, order);
        AtomicFiles.write(dataFile, out -> RawSamples.write(out, data, format, order));
        AtomicFiles.writeString(headerFile, header);
    }

    /** Writes float32 little-endian. */
    public static void write(Volume volume, Path headerFile) {
        write(volume, headerFile, InterfileNumberFormat.FLOAT32, ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Reads an Interfile image. Slice count comes from {@code !matrix size [3]} or
     * {@code !number of slices}; slice spacing from {@code scaling factor (mm/pixel) [3]} or
     * {@code slice thickness (pixels)} times the x pixel size; the origin from
     * {@code first pixel offset (mm) [1..3]} (a centred grid when absent); values are mapped through
     * {@code data rescale slope/offset} when present.
     */
    public static Volume read(Path headerFile) {
        InterfileHeader h = InterfileHeader.read(headerFile);
        int nx = h.requireInt("!matrix size [1]");
        int ny = h.requireInt("!matrix size [2]");
        String nzKey = h.has("!matrix size [3]") ? "!matrix size [3]" : "!number of slices";
        int nz = h.requireInt(nzKey);
        positive(h, "!matrix size [1]", nx);
        positive(h, "!matrix size [2]", ny);
        positive(h, nzKey, nz);
        if ((long) nx * ny * nz > Grid3.MAX_VOXELS) {
            throw h.error("!matrix size [1]", "x [2] x [3] = " + nx + " x " + ny + " x " + nz
                    + " exceeds the maximum of " + Grid3.MAX_VOXELS + " voxels");
        }
        double dx = h.requireDouble("scaling factor (mm/pixel) [1]");
        double dy = h.requireDouble("scaling factor (mm/pixel) [2]");
        double dz;
        if (h.has("scaling factor (mm/pixel) [3]")) {
            dz = h.requireDouble("scaling factor (mm/pixel) [3]");
        } else if (h.has("slice thickness (pixels)")) {
            dz = h.requireDouble("slice thickness (pixels)") * dx;
        } else {
            throw h.error("scaling factor (mm/pixel) [3]", "is required but missing (or give 'slice thickness (pixels)')");
        }
        InterfileNumberFormat format = InterfileNumberFormat.fromHeader(h);
        ByteOrder order = RawSamples.byteOrder(h);
        long offset = RawSamples.dataOffset(h);
        Grid3 grid;
        try {
            if (h.has("first pixel offset (mm) [1]") || h.has("first pixel offset (mm) [2]")
                    || h.has("first pixel offset (mm) [3]")) {
                grid = Grid3.of(nx, ny, nz, dx, dy, dz, h.requireDouble("first pixel offset (mm) [1]"),
                        h.requireDouble("first pixel offset (mm) [2]"), h.requireDouble("first pixel offset (mm) [3]"));
            } else {
                grid = Grid3.centred(nx, ny, nz, dx, dy, dz);
            }
        } catch (InputException e) {
            throw new InputException(headerFile + ": " + e.getMessage(), e);
        }
        float[] data = RawSamples.read(h, RawSamples.dataFile(h), offset, grid.voxelCount(), format, order,
                h.getDouble("data rescale slope", 1.0), h.getDouble("data rescale offset", 0.0));
        String unit = h.get("quantification units");
        return Volume.of(grid, data, unit == null ? "unknown" : unit.trim());
    }

    private static void positive(InterfileHeader h, String key, int v) {
        if (v <= 0) {
            throw h.error(key, "must be positive, got " + v);
        }
    }

    /** The data file written beside a header: {@code name.hs -> name.s}, {@code name.hv -> name.v}. */
    static Path siblingDataFile(Path headerFile, String headerExt, String dataExt) {
        String name = headerFile.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(headerExt) || name.length() == headerExt.length()) {
            throw InputException.field("output file", "Interfile header name must end in " + headerExt + ", got "
                    + headerFile);
        }
        return headerFile.resolveSibling(name.substring(0, name.length() - headerExt.length()) + dataExt);
    }

    private static String headerText(Volume v, String dataName, InterfileNumberFormat format, ByteOrder order) {
        Grid3 g = v.grid();
        StringBuilder s = new StringBuilder(1024);
        s.append("!INTERFILE :=\n");
        s.append("; written by spectlab: axes [1],[2],[3] = patient x (left), y (posterior), z (superior)\n");
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
        s.append("!SPECT STUDY (General) :=\n");
        s.append("!process status := Reconstructed\n");
        s.append("!number format := ").append(format.interfileName()).append('\n');
        s.append("!number of bytes per pixel := ").append(format.bytesPerPixel()).append('\n');
        s.append("number of dimensions := 3\n");
        axis(s, 1, "x", g.nx(), g.voxelXMm());
        axis(s, 2, "y", g.ny(), g.voxelYMm());
        axis(s, 3, "z", g.nz(), g.voxelZMm());
        s.append("!number of slices := ").append(g.nz()).append('\n');
        s.append("slice thickness (pixels) := ").append(InterfileProjections.num(g.voxelZMm() / g.voxelXMm()))
                .append('\n');
        s.append("first pixel offset (mm) [1] := ").append(InterfileProjections.num(g.originXMm())).append('\n');
        s.append("first pixel offset (mm) [2] := ").append(InterfileProjections.num(g.originYMm())).append('\n');
        s.append("first pixel offset (mm) [3] := ").append(InterfileProjections.num(g.originZMm())).append('\n');
        s.append("quantification units := ").append(v.unit()).append('\n');
        s.append("data rescale slope := 1\n");
        s.append("data rescale offset := 0\n");
        s.append("number of time frames := 1\n");
        s.append("!END OF INTERFILE :=\n");
        return s.toString();
    }

    private static void axis(StringBuilder s, int n, String label, int size, double mm) {
        s.append("matrix axis label [").append(n).append("] := ").append(label).append('\n');
        s.append("!matrix size [").append(n).append("] := ").append(size).append('\n');
        s.append("scaling factor (mm/pixel) [").append(n).append("] := ").append(InterfileProjections.num(mm))
                .append('\n');
    }
}
