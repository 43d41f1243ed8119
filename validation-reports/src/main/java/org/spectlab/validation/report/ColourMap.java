package org.spectlab.validation.report;

/** Colour maps for slice images: value t in [0, 1] to packed 0xRRGGBB. */
public enum ColourMap {
    /** Black to white. */
    GREY,
    /** "Hot" / hot-iron: black, red, yellow, white (the usual NM display). */
    HOT;

    /** Packed RGB of a normalised value (clamped to [0, 1]; NaN is black). */
    public int rgb(double t) {
        double v = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        return switch (this) {
            case GREY -> {
                int g = (int) Math.round(255 * v);
                yield (g << 16) | (g << 8) | g;
            }
            case HOT -> {
                int r = (int) Math.round(255 * Math.min(1, 3 * v));
                int g = (int) Math.round(255 * Math.max(0, Math.min(1, 3 * v - 1)));
                int b = (int) Math.round(255 * Math.max(0, Math.min(1, 3 * v - 2)));
                yield (r << 16) | (g << 8) | b;
            }
        };
    }
}
