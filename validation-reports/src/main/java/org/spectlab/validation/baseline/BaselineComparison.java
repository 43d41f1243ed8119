package org.spectlab.validation.baseline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spectlab.core.error.InputException;
import org.spectlab.validation.suite.CaseResult;
import org.spectlab.validation.suite.Quantity;
import org.spectlab.validation.suite.SuiteResult;
import org.spectlab.validation.suite.SummaryJson;
import org.spectlab.validation.suite.Tolerance;

/**
 * Regression check of a suite run against a stored baseline run ({@code <dir>/summary.json}): every
 * quantity of the baseline must still be measured, and its value must agree with the baseline value
 * within the quantity's own tolerance (absolute, relative, or a z-score on the combined uncertainty
 * of both runs). Quantities new in this run are listed but do not fail.
 *
 * @param baselineFile the baseline summary read
 * @param drifts       one entry per baseline quantity (and per new quantity)
 */
public record BaselineComparison(String baselineFile, List<Drift> drifts) {

    /** Copies the list. */
    public BaselineComparison {
        drifts = List.copyOf(drifts);
    }

    /** Name of the summary file inside a baseline directory. */
    public static final String SUMMARY = "summary.json";

    /**
     * Reads {@code dir/summary.json} and compares.
     *
     * @throws InputException when the directory has no readable summary or is of another suite
     */
    public static BaselineComparison against(Path dir, SuiteResult current) {
        Path file = dir.resolve(SUMMARY);
        if (!Files.isRegularFile(file)) {
            throw InputException.field("--baseline", "no " + SUMMARY + " in " + dir);
        }
        SuiteResult baseline = SummaryJson.read(file);
        if (!baseline.suite().equals(current.suite())) {
            throw InputException.field("--baseline", file + " is a baseline of suite '" + baseline.suite()
                    + "', not '" + current.suite() + "'");
        }
        return compare(file.toString(), current, baseline);
    }

    /** Compares two runs of the same suite. */
    public static BaselineComparison compare(String baselineName, SuiteResult current, SuiteResult baseline) {
        Map<String, Quantity> now = new HashMap<>();
        for (CaseResult c : current.cases()) {
            for (Quantity q : c.quantities()) {
                now.put(c.name() + "/" + q.name(), q);
            }
        }
        List<Drift> out = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (CaseResult c : baseline.cases()) {
            for (Quantity b : c.quantities()) {
                String key = c.name() + "/" + b.name();
                seen.put(key, true);
                Quantity q = now.get(key);
                if (q == null) {
                    out.add(new Drift(c.name(), b.name(), Double.NaN, 0, b.value(), b.uncertainty(),
                            b.tolerance().describe(), Double.NaN, false, "missing from this run"));
                    continue;
                }
                Tolerance t = q.tolerance();
                double dev = t.deviation(q.value(), q.uncertainty(), b.value(), b.uncertainty());
                boolean ok = Math.abs(dev) <= t.bound();
                out.add(new Drift(c.name(), q.name(), q.value(), q.uncertainty(), b.value(), b.uncertainty(),
                        t.describe(), dev, ok, ok ? "" : "drifted from the baseline"));
            }
        }
        for (CaseResult c : current.cases()) {
            for (Quantity q : c.quantities()) {
                if (!seen.containsKey(c.name() + "/" + q.name())) {
                    out.add(new Drift(c.name(), q.name(), q.value(), q.uncertainty(), Double.NaN, 0,
                            q.tolerance().describe(), Double.NaN, true, "new (not in the baseline)"));
                }
            }
        }
        return new BaselineComparison(baselineName, out);
    }

    /** True when no baseline quantity drifted or went missing. */
    public boolean passed() {
        for (Drift d : drifts) {
            if (!d.passed()) {
                return false;
            }
        }
        return true;
    }

    /** The entries that failed. */
    public List<Drift> failures() {
        List<Drift> f = new ArrayList<>();
        for (Drift d : drifts) {
            if (!d.passed()) {
                f.add(d);
            }
        }
        return f;
    }

    /** Adds this comparison as member {@code baseline} of a summary tree. */
    public void addTo(ObjectNode summary) {
        ObjectNode b = summary.putObject("baseline");
        b.put("file", baselineFile);
        b.put("passed", passed());
        b.put("drifted", failures().size());
        ArrayNode a = b.putArray("quantities");
        for (Drift d : drifts) {
            ObjectNode n = a.addObject();
            n.put("case", d.caseName());
            n.put("quantity", d.quantity());
            n.put("value", d.value());
            n.put("baseline_value", d.baselineValue());
            n.put("tolerance", d.tolerance());
            n.put("deviation", d.deviation());
            n.put("passed", d.passed());
            n.put("note", d.note());
        }
    }
}
