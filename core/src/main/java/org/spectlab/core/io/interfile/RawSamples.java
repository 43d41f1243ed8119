package org.spectlab.core.io.interfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.spectlab.core.error.InputException;

/** Reads and writes the flat binary data file that an Interfile header describes. */
final class RawSamples {
    private static final int CHUNK_BYTES = 1 << 20;

    private RawSamples() {
    }

    /**
     * Reads {@code count} values starting {@code offsetBytes} into the data file, converted to float
     * and mapped through {@code slope * value + intercept}. The file size is checked before any
     * array is allocated.
     */
    static float[] read(InterfileHeader header, Path dataFile, long offsetBytes, int count,
                        InterfileNumberFormat format, ByteOrder order, double slope, double intercept) {
        long needed = offsetBytes + (long) count * format.bytesPerPixel();
        long size;
        try {
            if (!Files.isRegularFile(dataFile)) {
                throw header.error("!name of data file", "points to " + dataFile + ", which does not exist");
            }
            size = Files.size(dataFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dataFile + ": " + e.getMessage(), e);
        }
        if (size < needed) {
            throw header.error("!name of data file", "points to " + dataFile + " of " + size
                    + " bytes, but the header needs " + needed + " bytes (" + count + " values of "
                    + format.describe() + (offsetBytes > 0 ? " after an offset of " + offsetBytes + " bytes" : "")
                    + ")");
        }
        float[] out = new float[count];
        int bpp = format.bytesPerPixel();
        byte[] buf = new byte[Math.max(bpp, (CHUNK_BYTES / bpp) * bpp)];
        try (InputStream in = Files.newInputStream(dataFile)) {
            in.skipNBytes(offsetBytes);
            int done = 0;
            while (done < count) {
                int n = Math.min(count - done, buf.length / bpp);
                int got = in.readNBytes(buf, 0, n * bpp);
                if (got != n * bpp) {
                    throw header.error("!name of data file", "data file " + dataFile + " ended early");
                }
                decode(ByteBuffer.wrap(buf, 0, got).order(order), format, out, done, n);
                done += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dataFile + ": " + e.getMessage(), e);
        }
        if (slope != 1.0 || intercept != 0.0) {
            for (int i = 0; i < count; i++) {
                out[i] = (float) (slope * out[i] + intercept);
            }
        }
        return out;
    }

    private static void decode(ByteBuffer bb, InterfileNumberFormat format, float[] out, int pos, int n) {
        int end = pos + n;
        switch (format) {
            case FLOAT32 -> {
                for (int i = pos; i < end; i++) {
                    out[i] = bb.getFloat();
                }
            }
            case FLOAT64 -> {
                for (int i = pos; i < end; i++) {
                    out[i] = (float) bb.getDouble();
                }
            }
            case UINT8 -> {
                for (int i = pos; i < end; i++) {
                    out[i] = bb.get() & 0xFF;
                }
            }
            case INT8 -> {
                for (int i = pos; i < end; i++) {
                    out[i] = bb.get();
                }
            }
            case UINT16 -> {
                for (int i = pos; i < end; i++) {
                    out[i] = bb.getShort() & 0xFFFF;
                }
            }
            case INT16 -> {
                for (int i = pos; i < end; i++) {
                    out[i] = bb.getShort();
                }
            }
            case UINT32 -> {
                for (int i = pos; i < end; i++) {
                    out[i] = (float) (bb.getInt() & 0xFFFFFFFFL);
                }
            }
            case INT32 -> {
                for (int i = pos; i < end; i++) {
                    out[i] = bb.getInt();
                }
            }
            default -> throw new IllegalStateException(format.toString());
        }
    }

    /**
     * Checks that every value can be stored exactly in an integer format (whole numbers in range);
     * float formats accept everything. Done before writing so that a refused file is never begun.
     */
    static void checkStorable(float[] data, InterfileNumberFormat format, String what) {
        if (!format.isInteger()) {
            return;
        }
        double lo = format.minValue();
        double hi = format.maxValue();
        for (int i = 0; i < data.length; i++) {
            float v = data[i];
            if (!(v >= lo && v <= hi) || v != Math.rint(v)) {
                throw new InputException("cannot write " + what + " as " + format.describe() + ": value " + v
                        + " at index " + i + " is not a whole number in [" + (long) lo + ", " + (long) hi
                        + "]; write float instead");
            }
        }
    }

    /** Writes the values in the given format and byte order (values already checked). */
    static void write(OutputStream out, float[] data, InterfileNumberFormat format, ByteOrder order)
            throws IOException {
        int bpp = format.bytesPerPixel();
        ByteBuffer bb = ByteBuffer.allocate((CHUNK_BYTES / bpp) * bpp).order(order);
        int per = bb.capacity() / bpp;
        for (int start = 0; start < data.length; start += per) {
            int end = Math.min(data.length, start + per);
            bb.clear();
            for (int i = start; i < end; i++) {
                float v = data[i];
                switch (format) {
                    case FLOAT32 -> bb.putFloat(v);
                    case FLOAT64 -> bb.putDouble(v);
                    case UINT8, INT8 -> bb.put((byte) (long) v);
                    case UINT16, INT16 -> bb.putShort((short) (long) v);
                    case UINT32, INT32 -> bb.putInt((int) (long) v);
                    default -> throw new IllegalStateException(format.toString());
                }
            }
            out.write(bb.array(), 0, bb.position());
        }
    }

    /** The byte order a header declares ({@code imagedata byte order}; Interfile's default is BIGENDIAN). */
    static ByteOrder byteOrder(InterfileHeader header) {
        String v = header.get("imagedata byte order");
        if (v == null) {
            return ByteOrder.BIG_ENDIAN;
        }
        String s = v.trim().toUpperCase(java.util.Locale.ROOT).replace(" ", "").replace("_", "");
        return switch (s) {
            case "LITTLEENDIAN" -> ByteOrder.LITTLE_ENDIAN;
            case "BIGENDIAN" -> ByteOrder.BIG_ENDIAN;
            default -> throw header.error("imagedata byte order", "must be LITTLEENDIAN or BIGENDIAN, got '" + v + "'");
        };
    }

    /** The Interfile name of a byte order. */
    static String byteOrderName(ByteOrder order) {
        return order == ByteOrder.LITTLE_ENDIAN ? "LITTLEENDIAN" : "BIGENDIAN";
    }

    /** The data file a header names, resolved against the header's directory when relative. */
    static Path dataFile(InterfileHeader header) {
        String name = header.require("!name of data file").trim();
        Path p = Path.of(name);
        if (p.isAbsolute()) {
            return p;
        }
        Path dir = header.file().toAbsolutePath().getParent();
        return dir == null ? p : dir.resolve(p);
    }

    /** Byte offset of the data: {@code data offset in bytes}, else {@code data starting block} x 2048. */
    static long dataOffset(InterfileHeader header) {
        if (header.has("data offset in bytes")) {
            int off = header.getInt("data offset in bytes", 0);
            if (off < 0) {
                throw header.error("data offset in bytes", "must be >= 0, got " + off);
            }
            return off;
        }
        int block = header.getInt("data starting block", 0);
        if (block < 0) {
            throw header.error("data starting block", "must be >= 0, got " + block);
        }
        return 2048L * block;
    }
}
