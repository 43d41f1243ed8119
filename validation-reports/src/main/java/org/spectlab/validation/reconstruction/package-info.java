/**
 * The {@code reconstruction} validation suite: OSEM with attenuation correction and FBP on analytic
 * projections of uniform objects, and the analytic phantoms that produce them. Later stages add
 * whole-pipeline cases through {@link org.spectlab.validation.suite.SuiteContributor}.
 */
package org.spectlab.validation.reconstruction;
