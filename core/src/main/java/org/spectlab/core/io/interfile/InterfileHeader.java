package org.spectlab.core.io.interfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spectlab.core.error.InputException;

/**
 * The key/value pairs of one Interfile header, parsed leniently the way Interfile 3.3 readers do:
 * keys are case-insensitive, runs of white space count as one space, a leading {@code !} (the
 * "required key" marker) is optional, {@code ;} starts a comment, and reading stops at
 * {@code END OF INTERFILE}. Keys this package does not use are kept but never looked at.
 *
 * <p>Every typed getter fails with one {@link InputException} line naming the header file and the
 * key, so that a user can fix the file by hand.
 */
public final class InterfileHeader {
    private final Path file;
    private final Map<String, String> values;

    private InterfileHeader(Path file, Map<String, String> values) {
        this.file = file;
        this.values = values;
    }

    /** Reads and parses a header file (any encoding is read byte-for-byte as ISO-8859-1). */
    public static InterfileHeader read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": Interfile header not found", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(file, lines);
    }

    /** Parses header lines; {@code file} is used in error messages and to resolve the data file. */
    public static InterfileHeader parse(Path file, List<String> lines) {
        Map<String, String> values = new HashMap<>();
        boolean sawStart = false;
        for (String raw : lines) {
            String line = raw;
            int comment = line.indexOf(';');
            if (comment >= 0) {
                line = line.substring(0, comment);
            }
            int sep = line.indexOf(":=");
            if (sep < 0) {
                continue;
            }
            String key = normaliseKey(line.substring(0, sep));
            String value = line.substring(sep + 2).trim();
            if (key.isEmpty()) {
                continue;
            }
            if (key.equals("interfile")) {
                sawStart = true;
            }
            if (key.equals("end of interfile")) {
                break;
            }
            values.put(key, value);
        }
        if (!sawStart) {
            throw new InputException(file + ": not an Interfile header (no '!INTERFILE :=' line)");
        }
        return new InterfileHeader(file, values);
    }

    /**
     * The canonical form of a key: lower case, no leading {@code !}, single spaces, no space before
     * {@code [} (so {@code "!Matrix Size [1]"} and {@code "matrix size[1]"} are the same key).
     */
    public static String normaliseKey(String key) {
        String k = key.trim();
        while (k.startsWith("!")) {
            k = k.substring(1).trim();
        }
        k = k.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return k.replace(" [", "[").replace("[ ", "[").replace(" ]", "]");
    }

    /** The header file. */
    public Path file() {
        return file;
    }

    /** True when the key is present (with any value, possibly empty). */
    public boolean has(String key) {
        String v = values.get(normaliseKey(key));
        return v != null && !v.isEmpty();
    }

    /** The raw value, or null when absent or empty. */
    public String get(String key) {
        String v = values.get(normaliseKey(key));
        return v == null || v.isEmpty() ? null : v;
    }

    /** The raw value; fails when absent. */
    public String require(String key) {
        String v = get(key);
        if (v == null) {
            throw error(key, "is required but missing");
        }
        return v;
    }

    /** A required number. */
    public double requireDouble(String key) {
        return toDouble(key, require(key));
    }

    /** An optional number, or the default. */
    public double getDouble(String key, double defaultValue) {
        String v = get(key);
        return v == null ? defaultValue : toDouble(key, v);
    }

    /** A required integer (written as an integer, or a number with no fractional part). */
    public int requireInt(String key) {
        return toInt(key, require(key));
    }

    /** An optional integer, or the default. */
    public int getInt(String key, int defaultValue) {
        String v = get(key);
        return v == null ? defaultValue : toInt(key, v);
    }

    /** An optional number kept as its exact decimal value, or the default. */
    public BigDecimal getDecimal(String key, BigDecimal defaultValue) {
        String v = get(key);
        if (v == null) {
            return defaultValue;
        }
        toDouble(key, v);
        return new BigDecimal(v.trim());
    }

    /**
     * A list of numbers written {@code {a, b, c}} (braces optional, as some writers omit them); a
     * single number gives a list of one.
     */
    public double[] getDoubleList(String key) {
        String v = get(key);
        if (v == null) {
            return null;
        }
        String s = v.trim();
        if (s.startsWith("{")) {
            if (!s.endsWith("}")) {
                throw error(key, "list '" + s + "' has '{' but no closing '}'");
            }
            s = s.substring(1, s.length() - 1);
        }
        String[] parts = s.split(",");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = toDouble(key, parts[i]);
        }
        return out;
    }

    /** An {@link InputException} naming this header file and the key. */
    public InputException error(String key, String problem) {
        return new InputException(file + ": Interfile key '" + key + "' " + problem);
    }

    private double toDouble(String key, String value) {
        String s = value.trim();
        double d;
        try {
            d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw error(key, "must be a number, got '" + s + "'");
        }
        if (!Double.isFinite(d)) {
            throw error(key, "must be a finite number, got '" + s + "'");
        }
        return d;
    }

    private int toInt(String key, String value) {
        String s = value.trim();
        double d = toDouble(key, s);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw error(key, "must be an integer, got '" + s + "'");
        }
        return (int) d;
    }
}
