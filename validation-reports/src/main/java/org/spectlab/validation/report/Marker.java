package org.spectlab.validation.report;

import java.util.Objects;

/**
 * An overlay marker on a slice image, e.g. a detection or a true lesion: a circle centred at a
 * position in slice pixel coordinates (column, row; 0 at the left/top pixel centre), with a radius in
 * slice pixels, a colour and an optional short label.
 *
 * @param column     centre column, slice pixels
 * @param row        centre row, slice pixels
 * @param radiusPx   radius, slice pixels (&gt; 0)
 * @param rgb        packed 0xRRGGBB colour
 * @param label      short label drawn beside the circle (may be empty)
 */
public record Marker(double column, double row, double radiusPx, int rgb, String label) {
    /** Colour of detections (cyan). */
    public static final int DETECTION = 0x00E5FF;
    /** Colour of true lesions (green). */
    public static final int TRUTH = 0x39FF14;

    /** Validates a positive radius. */
    public Marker {
        Objects.requireNonNull(label, "label");
        if (!(radiusPx > 0)) {
            throw new IllegalArgumentException("marker radius must be > 0, got " + radiusPx);
        }
    }

    /** A marker. */
    public static Marker of(double column, double row, double radiusPx, int rgb, String label) {
        return new Marker(column, row, radiusPx, rgb, label);
    }
}
