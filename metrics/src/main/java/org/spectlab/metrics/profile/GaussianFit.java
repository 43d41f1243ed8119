package org.spectlab.metrics.profile;

/**
 * A Gaussian fitted to a profile: {@code y = baseline + amplitude exp(-(x - mean)^2 / (2 sigma^2))}.
 *
 * @param amplitude height above the baseline (profile units)
 * @param meanMm    centre, mm
 * @param sigmaMm   standard deviation, mm (positive)
 * @param baseline  constant background (0 when fitted without one)
 * @param rmsResidual root-mean-square residual of the fit (profile units)
 */
public record GaussianFit(double amplitude, double meanMm, double sigmaMm, double baseline, double rmsResidual) {

    /** FWHM / sigma of a Gaussian, 2 sqrt(2 ln 2). */
    public static final double FWHM_PER_SIGMA = 2 * Math.sqrt(2 * Math.log(2));
    /** FWTM / sigma of a Gaussian, 2 sqrt(2 ln 10). */
    public static final double FWTM_PER_SIGMA = 2 * Math.sqrt(2 * Math.log(10));

    /** Full width at half maximum, mm. */
    public double fwhmMm() {
        return FWHM_PER_SIGMA * sigmaMm;
    }

    /** Full width at tenth maximum, mm. */
    public double fwtmMm() {
        return FWTM_PER_SIGMA * sigmaMm;
    }
}
