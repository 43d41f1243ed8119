/**
 * Statistics for comparing a simulation with reference data and for uncertainty of figures over
 * cases: relative difference with combined standard uncertainty and z-score, chi-square tests between
 * histograms, the two-sample Kolmogorov-Smirnov test, and percentile bootstrap confidence intervals
 * over cases.
 *
 * <p>Hypothesis tests return a {@link org.spectlab.metrics.stats.TestOutcome} with the statistic, the
 * degrees of freedom where they apply and the p-value; a comparison "passes" at level {@code alpha}
 * when {@code p >= alpha}. Exact definitions are on each method.
 */
package org.spectlab.metrics.stats;
