package org.spectlab.metrics.report;

import org.spectlab.metrics.stats.RelativeDifference;
import org.spectlab.metrics.stats.TestOutcome;

/**
 * One simulation-vs-reference comparison: a named quantity with a relative difference, a hypothesis
 * test, or both.
 *
 * @param quantity   what was compared, e.g. {@code "system sensitivity (cps/MBq)"}
 * @param source     where the reference value comes from (citation), or null
 * @param difference relative difference with uncertainty and z-score, or null
 * @param test       hypothesis test outcome, or null
 */
public record ComparisonEntry(String quantity, String source, RelativeDifference difference, TestOutcome test) {

    /** An entry. */
    public static ComparisonEntry of(String quantity, String source, RelativeDifference difference, TestOutcome test) {
        return new ComparisonEntry(quantity, source, difference, test);
    }
}
