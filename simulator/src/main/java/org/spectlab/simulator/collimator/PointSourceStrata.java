package org.spectlab.simulator.collimator;

/**
 * The solid-angle strata of {@link PointSourceSimulation}'s stratified emission, in polar angle θ
 * from the collimator axis (uniform in cosθ and azimuth within each): stratum 0 is the inner cone
 * tanθ &le; the collimator's widest geometric acceptance; then, for penetrable septa, annuli out to
 * the field-of-view corners plus 6σ of intrinsic blur, each doubling tanθ; then, for the Monte Carlo
 * collimator, the rest of the forward hemisphere; and in a scattering medium the backward hemisphere.
 * Each stratum's estimate is weighted by its solid-angle fraction (half its cosθ range), so any
 * photon allocation over the strata is unbiased ({@link PointSourceResult}, {@link CameraQc}).
 */
final class PointSourceStrata {
    private PointSourceStrata() {
    }

    /**
     * Number of solid-angle strata of a setup: the inner cone; for penetrable septa the annuli out
     * to the field-of-view corners, in tanθ steps of a factor 2 from the cone's edge (so that the
     * small angles, where septal penetration concentrates, get as many photons as the wide ones);
     * for the Monte Carlo model the rest of the forward hemisphere; in a scattering medium also the
     * backward hemisphere.
     */
    static int count(PointSourceSetup s) {
        if (s.scatterMedium()) {
            return 1 + annuli(s) + 2;
        }
        if (s.idealSepta()) {
            return 1;
        }
        return 1 + annuli(s) + (s.monteCarlo() ? 1 : 0);
    }

    private static double innerTan(PointSourceSetup s) {
        return s.holes().maxAcceptanceTan();
    }

    private static double outerTan(PointSourceSetup s) {
        double sigma = s.intrinsicFwhmMm() / (2.0 * Math.sqrt(2.0 * Math.log(2.0)));
        double tanOuter = (s.detectorHalfWidthMm() + 6.0 * sigma) * Math.sqrt(2.0) / s.imageDistanceMm();
        return Math.max(tanOuter, innerTan(s));
    }

    private static int annuli(PointSourceSetup s) {
        double ratio = outerTan(s) / innerTan(s);
        return ratio <= 1.0 ? 1 : Math.max(1, (int) Math.ceil(Math.log(ratio) / Math.log(2.0) - 1e-9));
    }

    private static double cosOfTan(double tan) {
        return 1.0 / Math.sqrt(1.0 + tan * tan);
    }

    /** Lower and upper cosθ of a stratum: {cosMin, cosMax}; an empty stratum has cosMin = cosMax. */
    static double[] cosines(PointSourceSetup s, int stratum) {
        double tanInner = innerTan(s);
        if (stratum == 0) {
            return new double[] {cosOfTan(tanInner), 1.0};
        }
        int annuli = annuli(s);
        double tanOuter = outerTan(s);
        if (stratum <= annuli) {
            double lo = tanInner * Math.pow(2.0, stratum - 1);
            double hi = stratum == annuli ? tanOuter : Math.min(tanOuter, 2.0 * lo);
            return new double[] {cosOfTan(hi), cosOfTan(lo)};
        }
        if (stratum == annuli + 1) {
            return new double[] {0.0, cosOfTan(tanOuter)};
        }
        return new double[] {-1.0, 0.0};
    }
}
