package org.spectlab.metrics.stats;

/**
 * The relative difference of a simulated value from a reference value, with its combined standard
 * uncertainty and a z-score, following the GUM law of propagation for uncorrelated inputs (JCGM
 * 100:2008, eq. 10).
 *
 * <p>{@code rd = (s - r) / r}; {@code u(rd) = (s / r) sqrt((u_s/s)^2 + (u_r/r)^2)} (first order);
 * {@code z = (s - r) / sqrt(u_s^2 + u_r^2)}, which is approximately standard normal when both values
 * are unbiased estimates of the same quantity.
 *
 * @param simulated             the simulated value s
 * @param simulatedUncertainty  standard uncertainty u_s of s
 * @param reference             the reference value r (non-zero)
 * @param referenceUncertainty  standard uncertainty u_r of r
 * @param relativeDifference    rd
 * @param relativeUncertainty   u(rd)
 * @param zScore                z
 */
public record RelativeDifference(double simulated, double simulatedUncertainty, double reference,
                                 double referenceUncertainty, double relativeDifference,
                                 double relativeUncertainty, double zScore) {

    /**
     * Computes the comparison.
     *
     * @throws IllegalArgumentException when the reference is zero or an uncertainty is negative
     */
    public static RelativeDifference of(double simulated, double simulatedUncertainty, double reference,
                                        double referenceUncertainty) {
        if (reference == 0 || !Double.isFinite(reference)) {
            throw new IllegalArgumentException("reference value must be finite and non-zero, got " + reference);
        }
        if (!(simulatedUncertainty >= 0) || !(referenceUncertainty >= 0)) {
            throw new IllegalArgumentException("uncertainties must be >= 0");
        }
        double ratio = simulated / reference;
        double relS = simulated == 0 ? 0 : simulatedUncertainty / simulated;
        double relR = referenceUncertainty / reference;
        double uRd = simulated == 0
                ? simulatedUncertainty / Math.abs(reference)
                : Math.abs(ratio) * Math.sqrt(relS * relS + relR * relR);
        double uc = Math.sqrt(simulatedUncertainty * simulatedUncertainty
                + referenceUncertainty * referenceUncertainty);
        double z = uc == 0 ? (simulated == reference ? 0 : Math.copySign(Double.POSITIVE_INFINITY,
                simulated - reference)) : (simulated - reference) / uc;
        return new RelativeDifference(simulated, simulatedUncertainty, reference, referenceUncertainty,
                ratio - 1, uRd, z);
    }

    /** True when {@code |z| <= k}. */
    public boolean agreesWithin(double k) {
        return Math.abs(zScore) <= k;
    }
}
