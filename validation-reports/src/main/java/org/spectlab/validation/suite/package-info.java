/**
 * The validation framework: a {@link org.spectlab.validation.suite.ValidationCase} (name, description,
 * configuration, measurement) yields {@link org.spectlab.validation.suite.Quantity quantities}, each with
 * its value (and standard uncertainty when statistical), a {@link org.spectlab.validation.suite.Reference}
 * with its citation and uncertainty, and a {@link org.spectlab.validation.suite.Tolerance} (absolute,
 * relative, or a z-score on the combined uncertainty) that decides pass/fail.
 * {@link org.spectlab.validation.suite.Suite suites} are named lists of cases held by a
 * {@link org.spectlab.validation.suite.SuiteRegistry}; new cases join a suite through a
 * {@link org.spectlab.validation.suite.SuiteContributor} without touching the others.
 * {@link org.spectlab.validation.suite.SuiteRunner} runs a suite (one progress line per case) and
 * {@link org.spectlab.validation.suite.SummaryJson} writes and reads {@code summary.json}.
 *
 * <p>Randomness: every case draws from {@link org.spectlab.validation.suite.CaseContext#random(long)},
 * a pure function of (suite seed, case name, stream), so a run is reproducible and adding a case does
 * not change the others.
 */
package org.spectlab.validation.suite;
