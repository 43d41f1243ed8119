package org.spectlab.simulator.collimator;

/**
 * One-dimensional profile tools of planar camera quality control: the NEMA NU 1 peak-width
 * measurement and a discrete Gaussian blur.
 *
 * <p>Peak widths follow NEMA NU 1 (Performance Measurements of Gamma Cameras, 2012/2018, spatial
 * resolution and energy resolution sections): the peak value is the vertex of the parabola through
 * the maximum sample and its two neighbours, and each edge of the width at a fraction of that peak is
 * found by linear interpolation between the two adjacent samples that bracket it, walking outwards
 * from the maximum.
 */
public final class Profiles {
    private static final double FWHM_TO_SIGMA = 1.0 / (2.0 * Math.sqrt(2.0 * Math.log(2.0)));

    private Profiles() {
    }

    /** Full width at half maximum (in the unit of {@code spacing}), NEMA NU 1 method. */
    public static double fwhm(double[] profile, double spacing) {
        return widthAtFraction(profile, spacing, 0.5);
    }

    /** Full width at tenth maximum (in the unit of {@code spacing}), NEMA NU 1 method. */
    public static double fwtm(double[] profile, double spacing) {
        return widthAtFraction(profile, spacing, 0.1);
    }

    /**
     * The peak value by a parabolic fit of the maximum sample and its two neighbours (the maximum
     * sample itself when it lies on the profile's edge).
     */
    public static double parabolicPeak(double[] profile) {
        int m = argMax(profile);
        if (m == 0 || m == profile.length - 1) {
            return profile[m];
        }
        double a = profile[m - 1];
        double b = profile[m];
        double c = profile[m + 1];
        double denom = a - 2 * b + c;
        if (denom >= 0) {
            return b;
        }
        // vertex of the parabola through (-1, a), (0, b), (1, c)
        return b - (a - c) * (a - c) / (8.0 * denom);
    }

    /**
     * Full width at {@code fraction} of the (parabolic) peak, by linear interpolation on each side.
     *
     * @throws IllegalArgumentException if the profile does not fall below the level on both sides
     */
    public static double widthAtFraction(double[] profile, double spacing, double fraction) {
        double w = widthAtFractionOrNaN(profile, spacing, fraction);
        if (Double.isNaN(w)) {
            throw new IllegalArgumentException("profile does not fall to " + fraction + " of its peak on both sides");
        }
        return w;
    }

    /**
     * As {@link #widthAtFraction}, but NaN when the profile does not fall below the level on both
     * sides within its extent (e.g. a penetration-dominated tail wider than the image).
     */
    public static double widthAtFractionOrNaN(double[] profile, double spacing, double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1), got " + fraction);
        }
        int m = argMax(profile);
        double level = fraction * parabolicPeak(profile);
        if (!(level > 0)) {
            return Double.NaN;
        }
        int i = m;
        while (i > 0 && profile[i - 1] >= level) {
            i--;
        }
        int j = m;
        while (j < profile.length - 1 && profile[j + 1] >= level) {
            j++;
        }
        if (i == 0 || j == profile.length - 1) {
            return Double.NaN;
        }
        double left = (i - 1) + (level - profile[i - 1]) / (profile[i] - profile[i - 1]);
        double right = j + (profile[j] - level) / (profile[j] - profile[j + 1]);
        return (right - left) * spacing;
    }

    /** Index of the largest sample (the first one on ties). */
    public static int argMax(double[] profile) {
        int m = 0;
        for (int i = 1; i < profile.length; i++) {
            if (profile[i] > profile[m]) {
                m = i;
            }
        }
        return m;
    }

    /**
     * The profile convolved with a normalised Gaussian of the given FWHM (samples outside the
     * profile are zero). The kernel is the Gaussian integrated over each sample interval (via the
     * error function), so it sums to one up to its ±6σ truncation even when the spacing is coarse.
     *
     * @return a new array (a copy when {@code fwhm} is 0)
     */
    public static double[] gaussianBlur(double[] profile, double spacing, double fwhm) {
        if (fwhm == 0) {
            return profile.clone();
        }
        if (!(fwhm > 0) || !(spacing > 0)) {
            throw new IllegalArgumentException("fwhm and spacing must be positive, got " + fwhm + ", " + spacing);
        }
        double sigma = fwhm * FWHM_TO_SIGMA;
        int half = (int) Math.ceil(6.0 * sigma / spacing);
        double[] kernel = new double[2 * half + 1];
        double norm = spacing / (sigma * Math.sqrt(2.0));
        for (int k = -half; k <= half; k++) {
            kernel[k + half] = 0.5 * (org.apache.commons.numbers.gamma.Erf.value((k + 0.5) * norm)
                    - org.apache.commons.numbers.gamma.Erf.value((k - 0.5) * norm));
        }
        double[] out = new double[profile.length];
        for (int i = 0; i < profile.length; i++) {
            double v = profile[i];
            if (v == 0) {
                continue;
            }
            int lo = Math.max(0, i - half);
            int hi = Math.min(profile.length - 1, i + half);
            for (int j = lo; j <= hi; j++) {
                out[j] += v * kernel[j - i + half];
            }
        }
        return out;
    }
}
