package org.spectlab.validation.suite;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.spectlab.validation.report.LinePlot;

/**
 * The outcome of one case.
 *
 * @param name          case name
 * @param description   case description
 * @param configuration the configuration it ran
 * @param quantities    measured quantities (empty when the case failed with an error)
 * @param wallTimeS     wall time, s
 * @param error         null, or a one-line description of the exception that stopped the case
 * @param figures       figures the case drew for the report (not stored in summary.json)
 */
public record CaseResult(String name, String description, Map<String, Object> configuration,
                         List<Quantity> quantities, double wallTimeS, String error, List<LinePlot> figures) {

    /** Copies the lists. */
    public CaseResult {
        Objects.requireNonNull(name, "name");
        quantities = List.copyOf(quantities);
        figures = figures == null ? List.of() : List.copyOf(figures);
        configuration = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configuration));
    }

    /** A result without figures (e.g. read back from summary.json). */
    public CaseResult(String name, String description, Map<String, Object> configuration, List<Quantity> quantities,
                      double wallTimeS, String error) {
        this(name, description, configuration, quantities, wallTimeS, error, List.of());
    }

    /** True when the case ran without error, measured something, and every quantity passed. */
    public boolean passed() {
        if (error != null || quantities.isEmpty()) {
            return false;
        }
        for (Quantity q : quantities) {
            if (!q.passed()) {
                return false;
            }
        }
        return true;
    }

    /** Number of quantities that failed. */
    public int failedCount() {
        int n = 0;
        for (Quantity q : quantities) {
            if (!q.passed()) {
                n++;
            }
        }
        return n;
    }
}
