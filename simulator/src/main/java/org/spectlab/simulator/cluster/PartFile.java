package org.spectlab.simulator.cluster;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.spectlab.core.error.InputException;
import org.spectlab.core.io.AtomicFiles;
import org.spectlab.simulator.run.FixedPointTally;
import org.spectlab.simulator.run.TallySet;

/**
 * The binary part file ({@code part-<k>.bin}, checkpoint chunks), big-endian, written atomically
 * (temporary file + rename, so a killed job leaves no half-written part):
 * <pre>
 * magic "SPECTLAB-PART\n" (14 bytes), int format version (2; version 1 files, which never hold
 * the collimator components, are read too)
 * UTF config hash, long seed, int job index (-1: checkpoint chunk)
 * UTF unit ("views" | "batches"), long first, long count, long total units of the run
 * views:   int rows, cols, windows, groups, components, bins; long histories, sites;
 *          per component the count * rows * cols doubles of the range's views;
 *          per view of the range, bins doubles of the primary then of the scatter spectrum;
 *          with the Monte Carlo collimator (components = 5 windows + groups: the last 3 windows
 *          images are its components) then per view of the range, bins doubles of each
 *          component's measured spectrum (penetration, collimator scatter, lead x-ray)
 * batches: int tallies; per tally UTF name, int size, double resolution, size longs (raw
 *          fixed-point values); int counters; per counter UTF name, long value
 * long CRC-32 of every byte before it
 * </pre>
 * Doubles and fixed-point values are stored bit for bit, so merging parts read back is exact.
 */
public final class PartFile {
    /** Current format version. */
    public static final int FORMAT_VERSION = 2;
    private static final byte[] MAGIC = "SPECTLAB-PART\n".getBytes(StandardCharsets.US_ASCII);
    private static final int CHUNK_DOUBLES = 8192;

    private PartFile() {
    }

    /** Writes a part atomically. */
    public static void write(Path file, Part part) {
        AtomicFiles.write(file, raw -> {
            CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32());
            DataOutputStream out = new DataOutputStream(checked);
            writeHeader(out, part.header());
            if (part.views() != null) {
                writeViews(out, part.views());
            } else {
                writeTallies(out, part.tallies());
            }
            out.flush();
            long crc = checked.getChecksum().getValue();
            new DataOutputStream(raw).writeLong(crc);
        });
    }

    /**
     * Reads the header only (cheap; the checksum is not verified).
     *
     * @throws InputException naming the file when it is not a part file of this format
     */
    public static PartHeader readHeader(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 4096))) {
            return readHeader(in, file);
        } catch (EOFException e) {
            throw new InputException(file.getFileName() + ": incomplete part file (truncated)", e);
        } catch (IOException e) {
            throw new InputException(file.getFileName() + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads and verifies a whole part (checksum, shape).
     *
     * @throws InputException naming the file when it is truncated, corrupt or not a part file
     */
    public static Part read(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            CheckedInputStream checked = new CheckedInputStream(raw, new CRC32());
            DataInputStream in = new DataInputStream(checked);
            PartHeader h = readHeader(in, file);
            Part part = h.range().unit() == WorkUnit.VIEWS
                    ? Part.ofViews(h, readViews(in, h.range(), file))
                    : Part.ofBatches(h, readTallies(in, file));
            long expected = checked.getChecksum().getValue();
            long stored = new DataInputStream(raw).readLong();
            if (stored != expected || raw.read() != -1) {
                throw new InputException(file.getFileName() + ": corrupt part file (checksum mismatch)");
            }
            return part;
        } catch (EOFException e) {
            throw new InputException(file.getFileName() + ": incomplete part file (truncated)", e);
        } catch (IOException e) {
            throw new InputException(file.getFileName() + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static void writeHeader(DataOutputStream out, PartHeader h) throws IOException {
        out.write(MAGIC);
        out.writeInt(FORMAT_VERSION);
        out.writeUTF(h.identity().configHash());
        out.writeLong(h.identity().seed());
        out.writeInt(h.jobIndex());
        out.writeUTF(h.range().unit().key());
        out.writeLong(h.range().first());
        out.writeLong(h.range().count());
        out.writeLong(h.identity().totalUnits());
    }

    private static PartHeader readHeader(DataInputStream in, Path file) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new InputException(file.getFileName() + ": not a spectlab part file");
        }
        int version = in.readInt();
        if (version != FORMAT_VERSION && version != 1) {
            throw new InputException(file.getFileName() + ": part format version " + version + ", this spectlab reads "
                    + FORMAT_VERSION);
        }
        String hash = in.readUTF();
        long seed = in.readLong();
        int job = in.readInt();
        WorkUnit unit = WorkUnit.fromKey(in.readUTF(), file.getFileName() + " unit");
        long first = in.readLong();
        long count = in.readLong();
        long total = in.readLong();
        if (first < 0 || count < 1 || first + count > total) {
            throw new InputException(file.getFileName() + ": corrupt part header (range " + first + "+" + count
                    + " of " + total + ")");
        }
        return new PartHeader(version, new ConfigIdentity(hash, seed, unit, total), job,
                new UnitRange(unit, first, count));
    }

    private static void writeViews(DataOutputStream out, Part.ViewData d) throws IOException {
        out.writeInt(d.rows());
        out.writeInt(d.cols());
        out.writeInt(d.windows());
        out.writeInt(d.groups());
        out.writeInt(d.projections().length);
        out.writeInt(d.bins());
        out.writeLong(d.histories());
        out.writeLong(d.sites());
        for (double[] c : d.projections()) {
            writeDoubles(out, c);
        }
        for (int v = 0; v < d.spectrumPrimary().length; v++) {
            writeDoubles(out, d.spectrumPrimary()[v]);
            writeDoubles(out, d.spectrumScatter()[v]);
        }
        if (d.spectrumCollimator() != null) {
            for (int v = 0; v < d.spectrumPrimary().length; v++) {
                for (double[][] component : d.spectrumCollimator()) {
                    writeDoubles(out, component[v]);
                }
            }
        }
    }

    private static Part.ViewData readViews(DataInputStream in, UnitRange range, Path file) throws IOException {
        int rows = in.readInt();
        int cols = in.readInt();
        int windows = in.readInt();
        int groups = in.readInt();
        int components = in.readInt();
        int bins = in.readInt();
        long histories = in.readLong();
        long sites = in.readLong();
        long values = (long) rows * cols * range.count();
        boolean collimator = components == 5 * windows + groups;
        if (rows < 1 || cols < 1 || windows < 1 || groups < 0 || (components != 2 * windows + groups && !collimator)
                || bins < 1
                || bins > 1_000_000 || values * components > Integer.MAX_VALUE) {
            throw new InputException(file.getFileName() + ": corrupt part file (shape)");
        }
        double[][] proj = new double[components][(int) values];
        for (double[] c : proj) {
            readDoubles(in, c);
        }
        int count = (int) range.count();
        double[][] sp = new double[count][bins];
        double[][] ss = new double[count][bins];
        for (int v = 0; v < count; v++) {
            readDoubles(in, sp[v]);
            readDoubles(in, ss[v]);
        }
        double[][][] sc = collimator ? new double[3][count][bins] : null;
        for (int v = 0; collimator && v < count; v++) {
            for (double[][] component : sc) {
                readDoubles(in, component[v]);
            }
        }
        return new Part.ViewData(rows, cols, windows, groups, histories, sites, proj, sp, ss, sc);
    }

    private static void writeTallies(DataOutputStream out, TallySet t) throws IOException {
        Map<String, FixedPointTally> tallies = t.tallies();
        out.writeInt(tallies.size());
        for (Map.Entry<String, FixedPointTally> e : tallies.entrySet()) {
            FixedPointTally f = e.getValue();
            if (f.resolution() != FixedPointTally.DEFAULT_RESOLUTION) {
                throw new IllegalStateException("tally " + e.getKey() + " has a non-default resolution");
            }
            out.writeUTF(e.getKey());
            out.writeInt(f.size());
            out.writeDouble(f.resolution());
            for (long v : f.rawBins()) {
                out.writeLong(v);
            }
        }
        Map<String, Long> counters = t.counters();
        out.writeInt(counters.size());
        for (Map.Entry<String, Long> e : counters.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeLong(e.getValue());
        }
    }

    private static TallySet readTallies(DataInputStream in, Path file) throws IOException {
        TallySet set = TallySet.create();
        int n = in.readInt();
        if (n < 0 || n > 10_000) {
            throw new InputException(file.getFileName() + ": corrupt part file (tally count)");
        }
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            int size = in.readInt();
            double resolution = in.readDouble();
            if (size < 0 || size > 500_000_000 || resolution != FixedPointTally.DEFAULT_RESOLUTION) {
                throw new InputException(file.getFileName() + ": corrupt part file (tally " + name + ")");
            }
            long[] raw = new long[size];
            byte[] buf = new byte[8 * Math.min(size, CHUNK_DOUBLES)];
            for (int off = 0; off < size; off += CHUNK_DOUBLES) {
                int len = Math.min(CHUNK_DOUBLES, size - off);
                in.readFully(buf, 0, 8 * len);
                ByteBuffer.wrap(buf, 0, 8 * len).asLongBuffer().get(raw, off, len);
            }
            set.tally(name, size).addRaw(raw);
        }
        int counters = in.readInt();
        if (counters < 0 || counters > 10_000) {
            throw new InputException(file.getFileName() + ": corrupt part file (counter count)");
        }
        for (int i = 0; i < counters; i++) {
            set.count(in.readUTF(), in.readLong());
        }
        return set;
    }

    private static void writeDoubles(OutputStream out, double[] a) throws IOException {
        byte[] buf = new byte[8 * Math.min(a.length, CHUNK_DOUBLES)];
        for (int off = 0; off < a.length; off += CHUNK_DOUBLES) {
            int len = Math.min(CHUNK_DOUBLES, a.length - off);
            ByteBuffer.wrap(buf, 0, 8 * len).asDoubleBuffer().put(a, off, len);
            out.write(buf, 0, 8 * len);
        }
    }

    private static void readDoubles(DataInputStream in, double[] a) throws IOException {
        byte[] buf = new byte[8 * Math.min(a.length, CHUNK_DOUBLES)];
        for (int off = 0; off < a.length; off += CHUNK_DOUBLES) {
            int len = Math.min(CHUNK_DOUBLES, a.length - off);
            in.readFully(buf, 0, 8 * len);
            ByteBuffer.wrap(buf, 0, 8 * len).asDoubleBuffer().get(a, off, len);
        }
    }
}
