package org.spectlab.core.io.interfile;

import java.util.Locale;

/**
 * How one pixel value is stored in an Interfile data file: Interfile's {@code !number format} and
 * {@code !number of bytes per pixel} together. Byte order is given separately by
 * {@code imagedata byte order}.
 */
public enum InterfileNumberFormat {
    /** IEEE 754 single precision ("float", 4 bytes); spectlab's default. */
    FLOAT32("float", 4),
    /** IEEE 754 double precision ("float", 8 bytes). */
    FLOAT64("float", 8),
    /** Unsigned 8-bit integer. */
    UINT8("unsigned integer", 1),
    /** Unsigned 16-bit integer (the usual format of acquired counts). */
    UINT16("unsigned integer", 2),
    /** Unsigned 32-bit integer. */
    UINT32("unsigned integer", 4),
    /** Signed 8-bit integer. */
    INT8("signed integer", 1),
    /** Signed 16-bit integer. */
    INT16("signed integer", 2),
    /** Signed 32-bit integer. */
    INT32("signed integer", 4);

    private final String interfileName;
    private final int bytes;

    InterfileNumberFormat(String interfileName, int bytes) {
        this.interfileName = interfileName;
        this.bytes = bytes;
    }

    /** The value of {@code !number format} for this format. */
    public String interfileName() {
        return interfileName;
    }

    /** The value of {@code !number of bytes per pixel}. */
    public int bytesPerPixel() {
        return bytes;
    }

    /** True for the integer formats. */
    public boolean isInteger() {
        return this != FLOAT32 && this != FLOAT64;
    }

    /** Smallest storable value (integer formats) or negative infinity. */
    public double minValue() {
        return switch (this) {
            case UINT8, UINT16, UINT32 -> 0;
            case INT8 -> Byte.MIN_VALUE;
            case INT16 -> Short.MIN_VALUE;
            case INT32 -> Integer.MIN_VALUE;
            default -> Double.NEGATIVE_INFINITY;
        };
    }

    /** Largest storable value (integer formats) or positive infinity. */
    public double maxValue() {
        return switch (this) {
            case UINT8 -> 255;
            case UINT16 -> 65535;
            case UINT32 -> 4294967295.0;
            case INT8 -> Byte.MAX_VALUE;
            case INT16 -> Short.MAX_VALUE;
            case INT32 -> Integer.MAX_VALUE;
            default -> Double.POSITIVE_INFINITY;
        };
    }

    /** Readable description, e.g. "unsigned integer 16-bit". */
    public String describe() {
        return interfileName + " " + (8 * bytes) + "-bit";
    }

    /**
     * The format a header declares, failing with a message naming the key when the number format is
     * not one of float / unsigned integer / signed integer, or its byte count is not supported.
     */
    public static InterfileNumberFormat fromHeader(InterfileHeader header) {
        String name = header.require("!number format").trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        int bytes = header.requireInt("!number of bytes per pixel");
        switch (name) {
            case "float", "short float", "long float" -> {
                if (name.equals("short float") && bytes != 4 || name.equals("long float") && bytes != 8) {
                    throw header.error("!number of bytes per pixel", "must be " + (name.equals("short float") ? 4 : 8)
                            + " for '" + name + "', got " + bytes);
                }
                if (bytes == 4) {
                    return FLOAT32;
                }
                if (bytes == 8) {
                    return FLOAT64;
                }
                throw header.error("!number of bytes per pixel", "must be 4 or 8 for 'float', got " + bytes);
            }
            case "unsigned integer", "signed integer" -> {
                boolean unsigned = name.startsWith("unsigned");
                return switch (bytes) {
                    case 1 -> unsigned ? UINT8 : INT8;
                    case 2 -> unsigned ? UINT16 : INT16;
                    case 4 -> unsigned ? UINT32 : INT32;
                    default -> throw header.error("!number of bytes per pixel",
                            "must be 1, 2 or 4 for '" + name + "', got " + bytes);
                };
            }
            default -> throw header.error("!number format", "'" + name
                    + "' is not supported; allowed: float, unsigned integer, signed integer");
        }
    }
}
