/**
 * The metrics report: a tree of records gathering detection performance, image quality and
 * simulation-vs-reference comparisons, written to {@code metrics.json} with snake_case keys (numbers
 * in the units their names state; absent or undefined figures are omitted rather than written as NaN).
 */
package org.spectlab.metrics.report;
