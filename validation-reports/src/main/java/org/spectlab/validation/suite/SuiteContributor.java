package org.spectlab.validation.suite;

/**
 * Adds suites or cases to a {@link SuiteRegistry}. The built-in contributors are applied by
 * {@link SuiteRegistry#defaults()}; further ones are found with {@link java.util.ServiceLoader}
 * (a line with the class name in {@code META-INF/services/org.spectlab.validation.suite.SuiteContributor}),
 * so a later stage (e.g. the Monte Carlo camera QC, or whole-pipeline phantom studies) adds its cases
 * to {@code camera} or {@code reconstruction} without editing the existing ones.
 */
@FunctionalInterface
public interface SuiteContributor {
    /** Defines suites and/or adds cases to existing ones. */
    void contribute(SuiteRegistry registry);
}
