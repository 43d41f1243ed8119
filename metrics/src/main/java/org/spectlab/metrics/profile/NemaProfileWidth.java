package org.spectlab.metrics.profile;

/**
 * FWHM and FWTM of a sampled profile by the NEMA NU 1 method (NEMA NU 1-2018, "Performance
 * Measurements of Gamma Cameras", sec. 2.1 intrinsic spatial resolution, also used by NU 2 sec. 3):
 * the maximum is the vertex of the parabola through the highest sample and its two neighbours; the
 * half (tenth) maximum positions are found by linear interpolation between the two adjacent samples
 * that bracket the level, searching outwards from the peak on each side.
 *
 * <p>Levels are fractions of the parabolic peak value, optionally above a constant baseline the
 * caller subtracts first. Samples may be unequally spaced but must be strictly increasing in
 * position. Sampling error: linear interpolation overestimates a Gaussian's width by at most
 * {@code (h^2/4) |u^2 - 1| / (sigma u)} (u = 1.177 at half, 2.146 at tenth maximum); at the NEMA-style
 * spacing {@code h = FWHM / 10} that is 0.2% of the FWHM and 0.6% of the FWTM, 4x more at twice the
 * spacing.
 */
public final class NemaProfileWidth {

    private NemaProfileWidth() {
    }

    /** Widths of a profile sampled at positions {@code i * spacingMm}. */
    public static ProfileWidths measure(double spacingMm, double[] values) {
        double[] x = new double[values.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * spacingMm;
        }
        return measure(x, values);
    }

    /**
     * Widths of a profile.
     *
     * @param positionsMm sample positions, strictly increasing, mm
     * @param values      profile values
     * @throws IllegalArgumentException when the peak is on the first or last sample or the profile does
     *                                  not fall below a tenth of its maximum on both sides
     */
    public static ProfileWidths measure(double[] positionsMm, double[] values) {
        int n = values.length;
        if (positionsMm.length != n || n < 3) {
            throw new IllegalArgumentException("profile needs at least 3 samples with as many positions");
        }
        for (int i = 1; i < n; i++) {
            if (!(positionsMm[i] > positionsMm[i - 1])) {
                throw new IllegalArgumentException("profile positions must be strictly increasing (index " + i + ")");
            }
        }
        int m = 0;
        for (int i = 1; i < n; i++) {
            if (values[i] > values[m]) {
                m = i;
            }
        }
        if (m == 0 || m == n - 1) {
            throw new IllegalArgumentException("profile maximum is on its edge (index " + m + ")");
        }
        double[] vertex = parabolaVertex(positionsMm[m - 1], values[m - 1], positionsMm[m], values[m],
                positionsMm[m + 1], values[m + 1]);
        double peak = vertex[1];
        double fwhm = widthAt(positionsMm, values, m, 0.5 * peak);
        double fwtm = widthAt(positionsMm, values, m, 0.1 * peak);
        return ProfileWidths.of(vertex[0], peak, fwhm, fwtm);
    }

    /** Full width at the given absolute level around peak index m. */
    static double widthAt(double[] x, double[] y, int m, double level) {
        int i = m;
        while (i > 0 && y[i - 1] >= level) {
            i--;
        }
        if (i == 0) {
            throw new IllegalArgumentException("profile does not fall below " + level + " on the low side");
        }
        double left = interpolate(x[i - 1], y[i - 1], x[i], y[i], level);
        int j = m;
        while (j < y.length - 1 && y[j + 1] >= level) {
            j++;
        }
        if (j == y.length - 1) {
            throw new IllegalArgumentException("profile does not fall below " + level + " on the high side");
        }
        double right = interpolate(x[j], y[j], x[j + 1], y[j + 1], level);
        return right - left;
    }

    private static double interpolate(double x0, double y0, double x1, double y1, double level) {
        return x0 + (level - y0) * (x1 - x0) / (y1 - y0);
    }

    /** Vertex (x, y) of the parabola through three points with x0 < x1 < x2. */
    static double[] parabolaVertex(double x0, double y0, double x1, double y1, double x2, double y2) {
        double d0 = (y1 - y0) / (x1 - x0);
        double d1 = (y2 - y1) / (x2 - x1);
        double a = (d1 - d0) / (x2 - x0);
        if (a >= 0) {
            // Flat or not concave (e.g. a plateau): the sample itself is the best estimate.
            return new double[] {x1, y1};
        }
        // Newton form y(x) = y0 + d0 (x - x0) + a (x - x0)(x - x1); its derivative vanishes at xv.
        double xv = 0.5 * (x0 + x1) - d0 / (2 * a);
        double yv = y0 + d0 * (xv - x0) + a * (xv - x0) * (xv - x1);
        return new double[] {xv, yv};
    }
}
