package org.spectlab.core.io.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.spectlab.core.error.InputException;
import org.spectlab.core.io.AtomicFiles;

/**
 * DICOM Part 10 files (PS3.10 section 7.1): the 128-byte preamble, "DICM", the File Meta Information
 * group (always explicit VR little endian, with its group length), then the data set.
 *
 * <p>Writing uses Explicit VR Little Endian (1.2.840.10008.1.2.1) with defined lengths everywhere.
 * Reading accepts Explicit and Implicit VR Little Endian (1.2.840.10008.1.2), defined or undefined
 * lengths for sequences and items; every length is checked against the bytes left before anything
 * is allocated, and any inconsistency gives one {@link InputException} naming the file and tag.
 */
final class Part10 {
    static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    /** Largest file accepted: the largest Java array. */
    static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8L;
    private static final int MAX_DEPTH = 16;
    private static final long UNDEFINED = 0xFFFF_FFFFL;

    private Part10() {
    }

    // ------------------------------------------------------------------ writing

    /** Writes a data set as a Part 10 file, atomically. */
    static void write(Path file, DataSet data) {
        String sopClass = data.text(Tag.SOP_CLASS_UID);
        String sopInstance = data.text(Tag.SOP_INSTANCE_UID);
        DataSet meta = new DataSet();
        meta.putRaw(Tag.FILE_META_VERSION, Vr.OB, new byte[] {0, 1});
        meta.putText(Tag.MEDIA_STORAGE_SOP_CLASS, Vr.UI, sopClass);
        meta.putText(Tag.MEDIA_STORAGE_SOP_INSTANCE, Vr.UI, sopInstance);
        meta.putText(Tag.TRANSFER_SYNTAX, Vr.UI, EXPLICIT_VR_LITTLE_ENDIAN);
        meta.putText(Tag.IMPLEMENTATION_CLASS_UID, Vr.UI, Uids.IMPLEMENTATION_CLASS_UID);
        meta.putText(Tag.IMPLEMENTATION_VERSION_NAME, Vr.SH, Uids.IMPLEMENTATION_VERSION_NAME);
        byte[] metaBytes = encode(meta);
        AtomicFiles.write(file, out -> {
            out.write(new byte[128]);
            out.write("DICM".getBytes(StandardCharsets.US_ASCII));
            writeHeader(out, Tag.FILE_META_GROUP_LENGTH, Vr.UL, 4);
            out.write(le32(metaBytes.length));
            out.write(metaBytes);
            writeDataSet(out, data);
        });
    }

    private static byte[] encode(DataSet data) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try {
            writeDataSet(bos, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    private static void writeDataSet(OutputStream out, DataSet data) throws IOException {
        for (Map.Entry<Integer, DataSet.Element> entry : data.elements().entrySet()) {
            int tag = entry.getKey();
            DataSet.Element e = entry.getValue();
            if (e.vr() == Vr.SQ) {
                ByteArrayOutputStream items = new ByteArrayOutputStream();
                for (DataSet item : e.items()) {
                    byte[] content = encode(item);
                    items.write(le16(Tag.ITEM >>> 16));
                    items.write(le16(Tag.ITEM & 0xFFFF));
                    items.write(le32(content.length));
                    items.write(content);
                }
                writeHeader(out, tag, Vr.SQ, items.size());
                items.writeTo(out);
            } else {
                writeHeader(out, tag, e.vr(), e.bytes().length);
                out.write(e.bytes());
            }
        }
    }

    private static void writeHeader(OutputStream out, int tag, Vr vr, long length) throws IOException {
        if (vr.longHeader() ? length > 0xFFFF_FFFEL : length > 0xFFFF) {
            throw new IllegalArgumentException("value of " + Tag.name(tag) + " too long for VR " + vr + ": "
                    + length + " bytes");
        }
        out.write(le16(tag >>> 16));
        out.write(le16(tag & 0xFFFF));
        out.write(vr.name().getBytes(StandardCharsets.US_ASCII));
        if (vr.longHeader()) {
            out.write(new byte[2]);
            out.write(le32((int) length));
        } else {
            out.write(le16((int) length));
        }
    }

    private static byte[] le16(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8)};
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    // ------------------------------------------------------------------ reading

    /** Reads a Part 10 file in Explicit or Implicit VR Little Endian. */
    static DataSet read(Path file) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new InputException(file + ": DICOM file of " + size + " bytes exceeds the maximum of "
                        + MAX_FILE_BYTES);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": DICOM file not found");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read DICOM file: " + e.getMessage(), e);
        }
        if (bytes.length < 132 || bytes[128] != 'D' || bytes[129] != 'I' || bytes[130] != 'C' || bytes[131] != 'M') {
            throw new InputException(file + ": not a DICOM Part 10 file (no 'DICM' after the 128-byte preamble)");
        }
        Parser p = new Parser(file, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
        DataSet meta = new DataSet();
        meta.source = file;
        p.pos = 132;
        while (p.pos + 4 <= bytes.length && p.peekGroup() == 0x0002) {
            p.readElement(meta, true, 0);
        }
        String ts = meta.text(Tag.TRANSFER_SYNTAX);
        boolean explicit;
        if (EXPLICIT_VR_LITTLE_ENDIAN.equals(ts)) {
            explicit = true;
        } else if (IMPLICIT_VR_LITTLE_ENDIAN.equals(ts)) {
            explicit = false;
        } else if (ts == null) {
            throw meta.invalid(Tag.TRANSFER_SYNTAX, "(Transfer Syntax UID) is missing from the file meta information");
        } else {
            throw meta.invalid(Tag.TRANSFER_SYNTAX, "(Transfer Syntax UID) is " + ts + "; only uncompressed little"
                    + " endian is supported: " + EXPLICIT_VR_LITTLE_ENDIAN + " (explicit VR) or "
                    + IMPLICIT_VR_LITTLE_ENDIAN + " (implicit VR)");
        }
        DataSet data = new DataSet();
        data.source = file;
        while (p.pos < bytes.length) {
            p.readElement(data, explicit, 0);
        }
        return data;
    }

    /** A cursor over the file's bytes that turns every inconsistency into an InputException. */
    private static final class Parser {
        private final Path file;
        private final ByteBuffer bb;
        private int pos;

        Parser(Path file, ByteBuffer bb) {
            this.file = file;
            this.bb = bb;
        }

        private InputException truncated(int tag, String what) {
            return new InputException(file + ": DICOM file truncated or corrupt at byte " + pos + " in attribute "
                    + Tag.name(tag) + ": " + what);
        }

        int peekGroup() {
            return Short.toUnsignedInt(bb.getShort(pos));
        }

        private int readTag(int context) {
            if (pos + 4 > bb.limit()) {
                throw truncated(context, "the file ends inside an element header");
            }
            int group = Short.toUnsignedInt(bb.getShort(pos));
            int element = Short.toUnsignedInt(bb.getShort(pos + 2));
            pos += 4;
            return (group << 16) | element;
        }

        private long readLength32(int tag) {
            if (pos + 4 > bb.limit()) {
                throw truncated(tag, "the file ends inside an element header");
            }
            long len = Integer.toUnsignedLong(bb.getInt(pos));
            pos += 4;
            return len;
        }

        /** Reads one element at the cursor into {@code into}; returns its tag. */
        int readElement(DataSet into, boolean explicit, int depth) {
            int tag = readTag(0);
            if ((tag >>> 16) == 0xFFFE) {
                readLength32(tag);
                return tag;
            }
            Vr vr;
            long len;
            if (explicit) {
                if (pos + 4 > bb.limit()) {
                    throw truncated(tag, "the file ends inside the element header");
                }
                vr = Vr.fromBytes(bb.get(pos) & 0xFF, bb.get(pos + 1) & 0xFF);
                if (vr == null) {
                    throw truncated(tag, "unknown value representation '" + (char) (bb.get(pos) & 0xFF)
                            + (char) (bb.get(pos + 1) & 0xFF) + "'");
                }
                if (vr.longHeader()) {
                    pos += 4;
                    len = readLength32(tag);
                } else {
                    len = Short.toUnsignedInt(bb.getShort(pos + 2));
                    pos += 4;
                }
            } else {
                vr = Tag.implicitVr(tag);
                len = readLength32(tag);
            }
            if (len == UNDEFINED) {
                if (tag == Tag.PIXEL_DATA) {
                    throw new InputException(file + ": attribute " + Tag.name(tag) + " (Pixel Data) is encapsulated"
                            + " (compressed); only native uncompressed pixel data is supported");
                }
                if (vr != Vr.SQ && vr != Vr.UN) {
                    throw truncated(tag, "undefined length is only allowed for sequences, VR is " + vr);
                }
                into.putSequence(tag, readItems(tag, -1, explicit && vr == Vr.SQ, depth));
                return tag;
            }
            long left = bb.limit() - pos;
            if (len > left) {
                throw truncated(tag, "value length " + len + " exceeds the " + left + " bytes left in the file");
            }
            if (vr == Vr.SQ) {
                into.putSequence(tag, readItems(tag, pos + (int) len, explicit, depth));
            } else {
                into.putRaw(tag, vr, Arrays.copyOfRange(bb.array(), pos, pos + (int) len));
                pos += (int) len;
            }
            return tag;
        }

        /** Items of a sequence ending at {@code end}, or at a sequence delimiter when {@code end < 0}. */
        private List<DataSet> readItems(int seqTag, int end, boolean explicit, int depth) {
            if (depth >= MAX_DEPTH) {
                throw truncated(seqTag, "sequences nested deeper than " + MAX_DEPTH + " levels");
            }
            List<DataSet> items = new ArrayList<>();
            while (end < 0 || pos < end) {
                int tag = readTag(seqTag);
                long len = readLength32(seqTag);
                if (tag == Tag.SEQUENCE_DELIMITATION && end < 0) {
                    return items;
                }
                if (tag != Tag.ITEM) {
                    throw truncated(seqTag, "expected a sequence item (FFFE,E000), found " + Tag.name(tag));
                }
                DataSet item = new DataSet();
                item.source = file;
                if (len == UNDEFINED) {
                    while (true) {
                        if (readElement(item, explicit, depth + 1) == Tag.ITEM_DELIMITATION) {
                            break;
                        }
                    }
                } else {
                    long left = (end < 0 ? bb.limit() : end) - pos;
                    if (len > left) {
                        throw truncated(seqTag, "item length " + len + " exceeds the " + left + " bytes left");
                    }
                    int itemEnd = pos + (int) len;
                    while (pos < itemEnd) {
                        readElement(item, explicit, depth + 1);
                    }
                    if (pos != itemEnd) {
                        throw truncated(seqTag, "an element runs past the end of its item");
                    }
                }
                items.add(item);
            }
            if (pos != end) {
                throw truncated(seqTag, "an item runs past the end of its sequence");
            }
            return items;
        }
    }
}
