package org.spectlab.validation.suite;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a suite run, as written to {@code summary.json}.
 *
 * @param suite           suite name
 * @param description     suite description
 * @param cases           case results in run order
 * @param wallTimeS       wall time of the whole suite, s
 * @param softwareVersion spectlab version that produced it
 * @param seed            the seed of every random stream
 * @param threads         worker threads allowed per case
 * @param startedUtc      ISO-8601 start time (UTC)
 */
public record SuiteResult(String suite, String description, List<CaseResult> cases, double wallTimeS,
                          String softwareVersion, long seed, int threads, String startedUtc) {

    /** Copies the list. */
    public SuiteResult {
        Objects.requireNonNull(suite, "suite");
        cases = List.copyOf(cases);
    }

    /** True when every case passed (and there is at least one). */
    public boolean passed() {
        if (cases.isEmpty()) {
            return false;
        }
        for (CaseResult c : cases) {
            if (!c.passed()) {
                return false;
            }
        }
        return true;
    }

    /** Number of cases that failed. */
    public int failedCases() {
        int n = 0;
        for (CaseResult c : cases) {
            if (!c.passed()) {
                n++;
            }
        }
        return n;
    }

    /** The case of that name, or null. */
    public CaseResult caseNamed(String name) {
        for (CaseResult c : cases) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
