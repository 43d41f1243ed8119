/**
 * Validation suites with published references and tolerances, regression baselines and HTML reports.
 *
 * <ul>
 *   <li>{@code suite}: the framework (cases, quantities, references with citations, tolerances,
 *       registry, runner, {@code summary.json}).</li>
 *   <li>{@code physics}, {@code camera}, {@code reconstruction}: the built-in suites; {@code quick} is a
 *       subset that the tests run.</li>
 *   <li>{@code baseline}: comparison of a run with a stored {@code summary.json}.</li>
 *   <li>{@code report}: the reusable self-contained HTML report builder, plots, slice images, findings.</li>
 *   <li>{@code output}: writes {@code summary.json} and {@code report.html} of a run.</li>
 * </ul>
 *
 * <p>Refreshing the regression baseline of the quick suite (after an intended change of results):
 * run {@code spectlab validate --suite quick --out DIR}, check that it passed, copy
 * {@code DIR/summary.json} over {@code validation-reports/baselines/quick/summary.json}, review the diff
 * (every changed number must be explained) and commit it with the reason; details in
 * {@code validation-reports/baselines/README.md}.
 */
package org.spectlab.validation;
