package org.spectlab.core.io.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Native (uncompressed) grey pixel data of an image or multi-frame image: checks the Image Pixel
 * module attributes a reader relies on and decodes stored values to floats with Rescale Slope and
 * Intercept applied (PS3.3 C.7.6.3 and C.11.1.1.2).
 */
final class PixelFrames {
    final int rows;
    final int cols;
    final int frames;
    private final DataSet d;
    private final int bytesPerSample;
    private final boolean signed;
    private final byte[] pixels;

    private PixelFrames(DataSet d, int rows, int cols, int frames, int bytesPerSample, boolean signed, byte[] pixels) {
        this.d = d;
        this.rows = rows;
        this.cols = cols;
        this.frames = frames;
        this.bytesPerSample = bytesPerSample;
        this.signed = signed;
        this.pixels = pixels;
    }

    /** Checks sizes and pixel format; {@code maxValues} bounds frames x rows x cols. */
    static PixelFrames of(DataSet d, long maxValues) {
        d.requireInt(Tag.SAMPLES_PER_PIXEL, 1, 1);
        String photometric = d.requireText(Tag.PHOTOMETRIC_INTERPRETATION);
        if (!photometric.equals("MONOCHROME2") && !photometric.equals("MONOCHROME1")) {
            throw d.invalid(Tag.PHOTOMETRIC_INTERPRETATION, "is " + photometric + "; only MONOCHROME1/2 is supported");
        }
        int rows = d.requireInt(Tag.ROWS, 1, 0xFFFF);
        int cols = d.requireInt(Tag.COLUMNS, 1, 0xFFFF);
        int frames = d.contains(Tag.NUMBER_OF_FRAMES) ? d.requireInt(Tag.NUMBER_OF_FRAMES, 1, Integer.MAX_VALUE) : 1;
        int bits = d.requireInt(Tag.BITS_ALLOCATED, 8, 16);
        if (bits != 8 && bits != 16) {
            throw d.invalid(Tag.BITS_ALLOCATED, "is " + bits + "; only 8 or 16 is supported");
        }
        int stored = d.requireInt(Tag.BITS_STORED, 1, bits);
        if (stored != bits) {
            throw d.invalid(Tag.BITS_STORED, "is " + stored + "; only Bits Stored = Bits Allocated (" + bits
                    + ") is supported");
        }
        boolean signed = d.requireInt(Tag.PIXEL_REPRESENTATION, 0, 1) == 1;
        long count = (long) rows * cols * frames;
        if (count > maxValues) {
            throw d.invalid(Tag.NUMBER_OF_FRAMES, "gives " + frames + " frames of " + rows + "x" + cols
                    + " pixels, more than the maximum of " + maxValues + " values");
        }
        byte[] pixels = d.requireBytes(Tag.PIXEL_DATA);
        long needed = count * (bits / 8);
        if (pixels.length < needed) {
            throw d.invalid(Tag.PIXEL_DATA, "holds " + pixels.length + " bytes but " + frames + " frames of " + rows
                    + "x" + cols + " " + bits + "-bit pixels need " + needed);
        }
        return new PixelFrames(d, rows, cols, frames, bits / 8, signed, pixels);
    }

    /** Rescale Slope (0028,1053), 1 when absent. */
    double slope() {
        return d.number(Tag.RESCALE_SLOPE, 1);
    }

    /** Rescale Intercept (0028,1052), 0 when absent. */
    double intercept() {
        return d.number(Tag.RESCALE_INTERCEPT, 0);
    }

    /** Stored value of pixel (frame, row, col) without rescaling. */
    int stored(int frame, int row, int col) {
        int i = col + cols * (row + rows * frame);
        if (bytesPerSample == 1) {
            int v = pixels[i] & 0xFF;
            return signed ? (byte) v : v;
        }
        int v = (pixels[2 * i] & 0xFF) | (pixels[2 * i + 1] & 0xFF) << 8;
        return signed ? (short) v : v;
    }

    /** Copies frame {@code frame} into {@code out} from {@code offset}, rescaled, rows optionally reversed. */
    void copyFrame(int frame, float[] out, int offset, double slope, double intercept, boolean flipRows) {
        for (int r = 0; r < rows; r++) {
            int target = offset + cols * (flipRows ? rows - 1 - r : r);
            for (int c = 0; c < cols; c++) {
                out[target + c] = (float) (slope * stored(frame, r, c) + intercept);
            }
        }
    }

    /** Encodes values as little-endian 16-bit words. */
    static byte[] words(int[] values) {
        ByteBuffer bb = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            bb.putShort((short) v);
        }
        return bb.array();
    }
}
