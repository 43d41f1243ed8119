package org.spectlab.core.io.dicom;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.spectlab.core.error.InputException;

/**
 * An in-memory DICOM data set: elements sorted by tag, values kept as their little-endian encoded
 * bytes (or, for sequences, as lists of item data sets). Text is ASCII (the default character
 * repertoire, so no Specific Character Set is written).
 *
 * <p>Getters used by the readers throw {@link InputException} naming the file and the tag when an
 * attribute is missing or malformed; the file is set by the parser through {@link #source}.
 */
final class DataSet {
    /** One element: its VR and either encoded bytes or a list of items. */
    record Element(Vr vr, byte[] bytes, List<DataSet> items) {
    }

    private final TreeMap<Integer, Element> elements = new TreeMap<>(Integer::compareUnsigned);
    /** The file this data set was read from (for error messages); null for data sets being written. */
    Path source;

    Map<Integer, Element> elements() {
        return elements;
    }

    boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    Element get(int tag) {
        return elements.get(tag);
    }

    // ---------------------------------------------------------------- writing

    void putRaw(int tag, Vr vr, byte[] bytes) {
        elements.put(tag, new Element(vr, bytes, null));
    }

    /** Text values joined with backslashes, padded to even length (UI with NUL, others with space). */
    DataSet putText(int tag, Vr vr, String... values) {
        String s = String.join("\\", values);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("non-ASCII or control character in " + Tag.name(tag));
            }
        }
        byte[] raw = s.getBytes(StandardCharsets.US_ASCII);
        if (raw.length % 2 == 1) {
            byte[] padded = new byte[raw.length + 1];
            System.arraycopy(raw, 0, padded, 0, raw.length);
            padded[raw.length] = (byte) (vr == Vr.UI ? 0 : ' ');
            raw = padded;
        }
        putRaw(tag, vr, raw);
        return this;
    }

    /** An empty (zero-length) value: how type 2 attributes with no known value are written. */
    DataSet putEmpty(int tag, Vr vr) {
        if (vr == Vr.SQ) {
            elements.put(tag, new Element(vr, null, List.of()));
        } else {
            putRaw(tag, vr, new byte[0]);
        }
        return this;
    }

    DataSet putDecimal(int tag, double... values) {
        String[] s = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            s[i] = formatDecimal(values[i]);
        }
        return putText(tag, Vr.DS, s);
    }

    DataSet putInteger(int tag, long... values) {
        String[] s = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            s[i] = Long.toString(values[i]);
        }
        return putText(tag, Vr.IS, s);
    }

    DataSet putUnsignedShorts(int tag, int... values) {
        ByteBuffer bb = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            bb.putShort((short) v);
        }
        putRaw(tag, Vr.US, bb.array());
        return this;
    }

    DataSet putUnsignedInt(int tag, long value) {
        putRaw(tag, Vr.UL, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array());
        return this;
    }

    DataSet putDoubles(int tag, double... values) {
        ByteBuffer bb = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            bb.putDouble(v);
        }
        putRaw(tag, Vr.FD, bb.array());
        return this;
    }

    DataSet putTags(int tag, int... tags) {
        ByteBuffer bb = ByteBuffer.allocate(4 * tags.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int t : tags) {
            bb.putShort((short) (t >>> 16)).putShort((short) t);
        }
        putRaw(tag, Vr.AT, bb.array());
        return this;
    }

    DataSet putSequence(int tag, List<DataSet> items) {
        elements.put(tag, new Element(Vr.SQ, null, List.copyOf(items)));
        return this;
    }

    /**
     * A DS value: the shortest decimal that reads back as the same double, rounded to fewer
     * significant digits only when it would exceed the 16 characters DS allows (PS3.5 Table 6.2-1).
     */
    static String formatDecimal(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("DS value must be finite, got " + v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        String s = plainOrScientific(d);
        for (int digits = 16; s.length() > 16 && digits > 0; digits--) {
            s = plainOrScientific(d.round(new MathContext(digits)).stripTrailingZeros());
        }
        return s;
    }

    private static String plainOrScientific(BigDecimal d) {
        String plain = d.toPlainString();
        return plain.length() <= 16 ? plain : d.toString();
    }

    // ---------------------------------------------------------------- reading

    private InputException error(int tag, String problem) {
        return new InputException((source == null ? "DICOM" : source.toString()) + ": attribute " + Tag.name(tag)
                + " " + problem);
    }

    private Element required(int tag) {
        Element e = elements.get(tag);
        if (e == null) {
            throw error(tag, "is missing");
        }
        return e;
    }

    /** The text value (trailing spaces and NULs removed), or null when absent. */
    String text(int tag) {
        Element e = elements.get(tag);
        if (e == null || e.bytes == null) {
            return null;
        }
        String s = new String(e.bytes, StandardCharsets.ISO_8859_1);
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == 0)) {
            end--;
        }
        return s.substring(0, end).strip();
    }

    /** The backslash-separated values of a text attribute (empty when absent or empty). */
    String[] texts(int tag) {
        String s = text(tag);
        if (s == null || s.isEmpty()) {
            return new String[0];
        }
        String[] parts = s.split("\\\\", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].strip();
        }
        return parts;
    }

    /** The numbers of a DS, IS, FD, FL, US, SS, UL or SL attribute; empty when absent. */
    double[] numbers(int tag) {
        Element e = elements.get(tag);
        if (e == null || e.bytes == null) {
            return new double[0];
        }
        ByteBuffer bb = ByteBuffer.wrap(e.bytes).order(ByteOrder.LITTLE_ENDIAN);
        int n;
        double[] out;
        switch (e.vr) {
            case DS, IS -> {
                String[] parts = texts(tag);
                out = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    try {
                        out[i] = Double.parseDouble(parts[i]);
                    } catch (NumberFormatException ex) {
                        throw error(tag, "value '" + parts[i] + "' is not a number");
                    }
                    if (!Double.isFinite(out[i])) {
                        throw error(tag, "value '" + parts[i] + "' is not a finite number");
                    }
                }
                return out;
            }
            case FD -> {
                n = e.bytes.length / 8;
                out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = bb.getDouble();
                }
            }
            case FL -> {
                n = e.bytes.length / 4;
                out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = bb.getFloat();
                }
            }
            case US -> {
                n = e.bytes.length / 2;
                out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = Short.toUnsignedInt(bb.getShort());
                }
            }
            case SS -> {
                n = e.bytes.length / 2;
                out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = bb.getShort();
                }
            }
            case UL -> {
                n = e.bytes.length / 4;
                out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = Integer.toUnsignedLong(bb.getInt());
                }
            }
            case SL -> {
                n = e.bytes.length / 4;
                out = new double[n];
                for (int i = 0; i < n; i++) {
                    out[i] = bb.getInt();
                }
            }
            default -> throw error(tag, "has VR " + e.vr + ", expected a number");
        }
        return out;
    }

    /** The decimal strings of a DS attribute, kept as written (for exact decimal arithmetic). */
    BigDecimal[] decimals(int tag) {
        String[] parts = texts(tag);
        BigDecimal[] out = new BigDecimal[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = new BigDecimal(parts[i]);
            } catch (NumberFormatException ex) {
                throw error(tag, "value '" + parts[i] + "' is not a decimal number");
            }
        }
        return out;
    }

    /** The first value of a required decimal attribute, as written. */
    BigDecimal requireDecimal(int tag) {
        required(tag);
        BigDecimal[] d = decimals(tag);
        if (d.length == 0) {
            throw error(tag, "is empty");
        }
        return d[0];
    }

    /** Exactly {@code count} numbers of a required attribute. */
    double[] requireNumbers(int tag, int count) {
        required(tag);
        double[] v = numbers(tag);
        if (v.length != count) {
            throw error(tag, "needs " + count + " value(s), has " + v.length);
        }
        return v;
    }

    /** A required number. */
    double requireNumber(int tag) {
        required(tag);
        double[] v = numbers(tag);
        if (v.length == 0) {
            throw error(tag, "is empty");
        }
        return v[0];
    }

    /** A required whole number in [min, max]. */
    int requireInt(int tag, int min, int max) {
        double v = requireNumber(tag);
        if (v != Math.rint(v) || v < min || v > max) {
            throw error(tag, "must be a whole number in [" + min + ", " + max + "], got " + v);
        }
        return (int) v;
    }

    /** An optional number with a default. */
    double number(int tag, double defaultValue) {
        double[] v = numbers(tag);
        return v.length == 0 ? defaultValue : v[0];
    }

    /** A required text value. */
    String requireText(int tag) {
        required(tag);
        String s = text(tag);
        if (s == null || s.isEmpty()) {
            throw error(tag, "is empty");
        }
        return s;
    }

    /** The items of a sequence (empty when absent). */
    List<DataSet> items(int tag) {
        Element e = elements.get(tag);
        if (e == null || e.items == null) {
            return List.of();
        }
        return e.items;
    }

    /** The items of a required sequence with at least one item. */
    List<DataSet> requireItems(int tag) {
        required(tag);
        List<DataSet> items = items(tag);
        if (items.isEmpty()) {
            throw error(tag, "is a sequence with no items");
        }
        return items;
    }

    /** The raw bytes of a required element. */
    byte[] requireBytes(int tag) {
        Element e = required(tag);
        if (e.bytes == null) {
            throw error(tag, "has no value");
        }
        return e.bytes;
    }

    /** An error naming this data set's file and the tag. */
    InputException invalid(int tag, String problem) {
        return error(tag, problem);
    }
}
