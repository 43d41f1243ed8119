package org.spectlab.metrics.stats;

/**
 * The result of a hypothesis test.
 *
 * @param test             name of the test, e.g. {@code "chi-square (Poisson counts)"}
 * @param statistic        the test statistic
 * @param degreesOfFreedom degrees of freedom (chi-square tests), or 0 when not applicable
 * @param pValue           the p-value
 */
public record TestOutcome(String test, double statistic, int degreesOfFreedom, double pValue) {

    /** A test outcome. */
    public static TestOutcome of(String test, double statistic, int degreesOfFreedom, double pValue) {
        return new TestOutcome(test, statistic, degreesOfFreedom, pValue);
    }

    /** True when the null hypothesis (same distribution) is rejected at level alpha, i.e. {@code p < alpha}. */
    public boolean rejects(double alpha) {
        return pValue < alpha;
    }
}
