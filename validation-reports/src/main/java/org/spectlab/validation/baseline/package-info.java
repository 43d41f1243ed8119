/**
 * Regression baselines: a stored {@code summary.json} of a suite run (metrics only, no images) against
 * which later runs are compared quantity by quantity, within each quantity's own tolerance.
 *
 * <p>The quick suite's baseline lives in {@code validation-reports/baselines/quick/summary.json}.
 * To refresh it after an intended change of results (new physics data, a better algorithm), run
 * <pre>
 *   ./spectlab validate --suite quick --out /tmp/quick
 *   cp /tmp/quick/summary.json validation-reports/baselines/quick/summary.json
 * </pre>
 * check that the run passed, review the diff of the JSON (every changed number should be explained by
 * the change), and commit it with a message that says why the baseline moved
 * (see {@code validation-reports/baselines/README.md}).
 */
package org.spectlab.validation.baseline;
