package org.spectlab.core.io.nifti;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.spectlab.core.error.InputException;
import org.spectlab.core.grid.Grid3;
import org.spectlab.core.grid.LabelVolume;
import org.spectlab.core.grid.Volume;
import org.spectlab.core.io.AtomicFiles;

/**
 * NIfTI-1 single-file images ({@code .nii}, or gzip-compressed {@code .nii.gz}) for {@link Volume}s
 * (written float32) and {@link LabelVolume}s (written int16), placed so that 3D Slicer, nibabel, ITK
 * and FSL show them where spectlab means them. See the package documentation for the orientation
 * mapping and what is accepted on reading.
 */
public final class Nifti {
    private static final int CHUNK_BYTES = 1 << 20;

    private Nifti() {
    }

    /** Writes a volume as float32; gzip-compressed when the name ends in {@code .gz}. The unit goes in descrip. */
    public static void writeVolume(Volume volume, Path file) {
        NiftiHeader h = header(volume.grid(), NiftiDataType.FLOAT32, volume.unit());
        float[] data = volume.data();
        write(file, h, (bb, i) -> bb.putFloat(data[i]), data.length, 4);
    }

    /**
     * Writes a volume as int16 with {@code scl_slope}/{@code scl_inter} (value = slope * stored + inter),
     * the usual storage of CT numbers (slope 1, intercept 0 for whole HU). Values are rounded to the
     * nearest step; a value outside the int16 range after scaling is an error naming the voxel.
     *
     * @param slope     value of one stored step (> 0)
     * @param intercept value of stored 0
     */
    public static void writeVolumeInt16(Volume volume, Path file, double slope, double intercept) {
        if (!(slope > 0) || !Double.isFinite(slope) || !Double.isFinite(intercept)) {
            throw InputException.field("NIfTI scl_slope/scl_inter", "slope must be positive and both finite, got "
                    + slope + ", " + intercept);
        }
        float[] data = volume.data();
        short[] stored = new short[data.length];
        for (int i = 0; i < data.length; i++) {
            double q = Math.rint((data[i] - intercept) / slope);
            if (!(q >= Short.MIN_VALUE && q <= Short.MAX_VALUE)) {
                throw new InputException(file + ": value " + data[i] + " at voxel " + i
                        + " does not fit int16 with slope " + slope + " and intercept " + intercept);
            }
            stored[i] = (short) q;
        }
        NiftiHeader h = header(volume.grid(), NiftiDataType.INT16, volume.unit());
        h.sclSlope = (float) slope;
        h.sclInter = (float) intercept;
        write(file, h, (bb, i) -> bb.putShort(stored[i]), stored.length, 2);
    }

    /** Writes a label volume as int16 (label names are not stored; they travel in a separate JSON file). */
    public static void writeLabels(LabelVolume labels, Path file) {
        NiftiHeader h = header(labels.grid(), NiftiDataType.INT16, "labels");
        short[] data = labels.labels();
        write(file, h, (bb, i) -> bb.putShort(data[i]), data.length, 2);
    }

    /**
     * Reads a volume: any of uint8, int8, int16, uint16, int32, uint32, float32, float64, with
     * {@code scl_slope}/{@code scl_inter} applied (slope 0 means no scaling). The unit is the
     * {@code descrip} text ({@code "unknown"} when empty).
     */
    public static Volume readVolume(Path file) {
        Decoded d = readData(file);
        String unit = d.header.descrip.trim();
        return Volume.of(d.placement.grid(), d.values, unit.isEmpty() ? "unknown" : unit);
    }

    /**
     * Reads a label map: the (scaled) values must be whole numbers in the int16 range. The returned
     * volume has an empty name table.
     */
    public static LabelVolume readLabels(Path file) {
        Decoded d = readData(file);
        float[] v = d.values;
        short[] labels = new short[v.length];
        for (int i = 0; i < v.length; i++) {
            float x = v[i];
            if (x != Math.rint(x) || x < Short.MIN_VALUE || x > Short.MAX_VALUE) {
                throw new InputException(file + ": label value " + x + " at voxel " + i
                        + " is not a whole number in [-32768, 32767]");
            }
            labels[i] = (short) x;
        }
        return LabelVolume.of(d.placement.grid(), labels, Map.of());
    }

    private record Decoded(NiftiHeader header, NiftiOrientation.Placement placement, float[] values) {
    }

    @FunctionalInterface
    private interface Putter {
        void put(ByteBuffer bb, int index);
    }

    private static NiftiHeader header(Grid3 g, NiftiDataType type, String descrip) {
        NiftiHeader h = new NiftiHeader();
        h.order = ByteOrder.LITTLE_ENDIAN;
        h.dim[0] = 3;
        h.dim[1] = dimension(g.nx(), "nx");
        h.dim[2] = dimension(g.ny(), "ny");
        h.dim[3] = dimension(g.nz(), "nz");
        for (int i = 4; i < 8; i++) {
            h.dim[i] = 1;
        }
        h.datatype = type.code;
        h.bitpix = type.bitpix;
        h.voxOffset = NiftiHeader.VOX_OFFSET;
        h.sclSlope = 1;
        h.sclInter = 0;
        h.xyztUnits = NiftiHeader.XYZT_UNITS_MM;
        h.descrip = descrip;
        NiftiOrientation.setAffine(h, g);
        return h;
    }

    private static short dimension(int n, String name) {
        if (n > Short.MAX_VALUE) {
            throw InputException.field(name, "NIfTI-1 allows at most 32767 voxels per axis, got " + n);
        }
        return (short) n;
    }

    private static boolean gzipped(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    }

    private static void write(Path file, NiftiHeader h, Putter putter, int count, int bytesPerValue) {
        boolean gz = gzipped(file);
        AtomicFiles.write(file, raw -> {
            OutputStream out = gz ? new GZIPOutputStream(raw, 1 << 16) : raw;
            out.write(h.toBytes());
            ByteBuffer bb = ByteBuffer.allocate((CHUNK_BYTES / bytesPerValue) * bytesPerValue).order(h.order);
            int per = bb.capacity() / bytesPerValue;
            for (int start = 0; start < count; start += per) {
                int end = Math.min(count, start + per);
                bb.clear();
                for (int i = start; i < end; i++) {
                    putter.put(bb, i);
                }
                out.write(bb.array(), 0, bb.position());
            }
            if (out instanceof GZIPOutputStream g) {
                g.finish();
            }
        });
    }

    private static Decoded readData(Path file) {
        boolean gz = gzipped(file);
        try (InputStream in = open(file, gz)) {
            NiftiHeader h = NiftiHeader.parse(in.readNBytes(NiftiHeader.SIZEOF_HDR), file);
            int nx;
            int ny;
            int nz;
            int rank = h.dim[0];
            if (!(rank == 3 || rank == 4 && h.dim[4] == 1)) {
                throw new InputException(file + ": NIfTI field 'dim[0]' must be 3 (or 4 with dim[4] = 1), got dim = "
                        + rank + (rank >= 4 && rank <= 7 ? " with dim[4] = " + h.dim[4] : ""));
            }
            nx = h.dim[1];
            ny = h.dim[2];
            nz = h.dim[3];
            if (nx <= 0 || ny <= 0 || nz <= 0) {
                throw new InputException(file + ": NIfTI field 'dim[1..3]' must be positive, got " + nx + " x " + ny
                        + " x " + nz);
            }
            long count = (long) nx * ny * nz;
            if (count > Grid3.MAX_VOXELS) {
                throw new InputException(file + ": NIfTI field 'dim[1..3]' = " + nx + " x " + ny + " x " + nz
                        + " exceeds the maximum of " + Grid3.MAX_VOXELS + " voxels");
            }
            NiftiDataType type = NiftiDataType.fromCode(h.datatype);
            if (type == null) {
                throw new InputException(file + ": NIfTI field 'datatype' " + h.datatype + " is not supported; allowed:"
                        + " 2 (uint8), 4 (int16), 8 (int32), 16 (float32), 64 (float64), 256 (int8), 512 (uint16),"
                        + " 768 (uint32)");
            }
            if (h.bitpix != type.bitpix) {
                throw new InputException(file + ": NIfTI field 'bitpix' is " + h.bitpix + " but datatype "
                        + h.datatype + " needs " + type.bitpix);
            }
            if (!(h.voxOffset >= NiftiHeader.SIZEOF_HDR) || h.voxOffset != Math.rint(h.voxOffset)) {
                throw new InputException(file + ": NIfTI field 'vox_offset' must be a whole number >= 348, got "
                        + h.voxOffset);
            }
            long voxOffset = (long) h.voxOffset;
            long needed = voxOffset + count * type.bytes();
            if (!gz) {
                long size = Files.size(file);
                if (size < needed) {
                    throw new InputException(file + ": NIfTI data truncated: file has " + size + " bytes, header needs "
                            + needed + " (vox_offset " + voxOffset + " + " + count + " voxels of " + type.bytes()
                            + " bytes)");
                }
            }
            NiftiOrientation.Placement placement = NiftiOrientation.place(h, nx, ny, nz, file);
            in.skipNBytes(voxOffset - NiftiHeader.SIZEOF_HDR);
            float[] values = decode(in, h.order, type, (int) count, file, needed);
            double slope = h.sclSlope;
            double inter = h.sclInter;
            if (slope != 0 && Double.isFinite(slope) && (slope != 1 || inter != 0)) {
                double b = Double.isFinite(inter) ? inter : 0;
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (slope * values[i] + b);
                }
            }
            flip(values, placement);
            return new Decoded(h, placement, values);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": NIfTI file not found", e);
        } catch (java.io.EOFException e) {
            throw new InputException(file + ": NIfTI file truncated (ended before the end of the data)", e);
        } catch (java.util.zip.ZipException e) {
            throw new InputException(file + ": not a valid gzip file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static InputStream open(Path file, boolean gz) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return gz ? new GZIPInputStream(raw, 1 << 16) : raw;
    }

    private static float[] decode(InputStream in, ByteOrder order, NiftiDataType type, int count, Path file,
                                  long neededBytes) throws IOException {
        int bpp = type.bytes();
        float[] out = new float[count];
        byte[] buf = new byte[(CHUNK_BYTES / bpp) * bpp];
        int done = 0;
        while (done < count) {
            int n = Math.min(count - done, buf.length / bpp);
            int got = in.readNBytes(buf, 0, n * bpp);
            if (got != n * bpp) {
                throw new InputException(file + ": NIfTI data truncated: got " + (done * (long) bpp + got)
                        + " data bytes, header needs " + (long) count * bpp + " (file of " + neededBytes
                        + " bytes expected when uncompressed)");
            }
            ByteBuffer bb = ByteBuffer.wrap(buf, 0, got).order(order);
            int end = done + n;
            switch (type) {
                case UINT8 -> {
                    for (int i = done; i < end; i++) {
                        out[i] = bb.get() & 0xFF;
                    }
                }
                case INT8 -> {
                    for (int i = done; i < end; i++) {
                        out[i] = bb.get();
                    }
                }
                case INT16 -> {
                    for (int i = done; i < end; i++) {
                        out[i] = bb.getShort();
                    }
                }
                case UINT16 -> {
                    for (int i = done; i < end; i++) {
                        out[i] = bb.getShort() & 0xFFFF;
                    }
                }
                case INT32 -> {
                    for (int i = done; i < end; i++) {
                        out[i] = bb.getInt();
                    }
                }
                case UINT32 -> {
                    for (int i = done; i < end; i++) {
                        out[i] = (float) (bb.getInt() & 0xFFFFFFFFL);
                    }
                }
                case FLOAT32 -> {
                    for (int i = done; i < end; i++) {
                        out[i] = bb.getFloat();
                    }
                }
                case FLOAT64 -> {
                    for (int i = done; i < end; i++) {
                        out[i] = (float) bb.getDouble();
                    }
                }
                default -> throw new IllegalStateException(type.toString());
            }
            done = end;
        }
        return out;
    }

    /** Reverses, in place, the axes the file stores in decreasing patient coordinate. */
    private static void flip(float[] v, NiftiOrientation.Placement p) {
        Grid3 g = p.grid();
        int nx = g.nx();
        int ny = g.ny();
        int nz = g.nz();
        if (p.flipX()) {
            for (int row = 0; row < ny * nz; row++) {
                int base = row * nx;
                for (int i = 0, j = nx - 1; i < j; i++, j--) {
                    swap(v, base + i, base + j);
                }
            }
        }
        if (p.flipY()) {
            for (int k = 0; k < nz; k++) {
                for (int j = 0, m = ny - 1; j < m; j++, m--) {
                    int a = nx * (j + ny * k);
                    int b = nx * (m + ny * k);
                    for (int i = 0; i < nx; i++) {
                        swap(v, a + i, b + i);
                    }
                }
            }
        }
        if (p.flipZ()) {
            int plane = nx * ny;
            for (int k = 0, m = nz - 1; k < m; k++, m--) {
                for (int i = 0; i < plane; i++) {
                    swap(v, k * plane + i, m * plane + i);
                }
            }
        }
    }

    private static void swap(float[] v, int a, int b) {
        float t = v[a];
        v[a] = v[b];
        v[b] = t;
    }
}
