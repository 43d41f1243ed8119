/**
 * Validation suites with published references and tolerances, regression baselines, teaching datasets and HTML reports.
 */
package org.spectlab.validation;
