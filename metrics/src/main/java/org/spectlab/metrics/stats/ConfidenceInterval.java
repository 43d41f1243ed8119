package org.spectlab.metrics.stats;

/**
 * A point estimate with a two-sided confidence interval.
 *
 * @param estimate the statistic on the original sample
 * @param lower    lower bound
 * @param upper    upper bound
 * @param level    confidence level, e.g. 0.95
 */
public record ConfidenceInterval(double estimate, double lower, double upper, double level) {

    /** An interval. */
    public static ConfidenceInterval of(double estimate, double lower, double upper, double level) {
        return new ConfidenceInterval(estimate, lower, upper, level);
    }

    /** True when {@code lower <= value <= upper}. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }
}
