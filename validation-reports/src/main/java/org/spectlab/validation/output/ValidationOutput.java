package org.spectlab.validation.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.spectlab.core.io.AtomicFiles;
import org.spectlab.validation.baseline.BaselineComparison;
import org.spectlab.validation.suite.SuiteResult;
import org.spectlab.validation.suite.SummaryJson;

/**
 * Writes the outputs of a suite run into a directory: {@code summary.json} (with a {@code baseline}
 * member when compared) and the self-contained {@code report.html}. Both are written atomically.
 */
public final class ValidationOutput {
    /** Summary file name. */
    public static final String SUMMARY = "summary.json";
    /** Report file name. */
    public static final String REPORT = "report.html";

    private ValidationOutput() {
    }

    /** The summary tree of a run, with the baseline comparison when given. */
    public static ObjectNode summary(SuiteResult result, BaselineComparison baseline) {
        ObjectNode tree = SummaryJson.toTree(result);
        if (baseline != null) {
            baseline.addTo(tree);
            tree.put("passed", result.passed() && baseline.passed());
        }
        return tree;
    }

    /**
     * Writes summary.json and report.html into {@code dir} (created if needed).
     *
     * @return the summary tree written
     */
    public static ObjectNode write(Path dir, SuiteResult result, BaselineComparison baseline) {
        return write(dir, result, baseline, summary(result, baseline));
    }

    /**
     * Writes a given summary tree (e.g. {@link #summary} with more members) and the report into {@code dir}.
     *
     * @return {@code tree}
     */
    public static ObjectNode write(Path dir, SuiteResult result, BaselineComparison baseline, ObjectNode tree) {
        AtomicFiles.writeString(dir.resolve(SUMMARY), SummaryJson.toText(tree));
        ValidationReport.of(result, baseline).write(dir.resolve(REPORT));
        return tree;
    }
}
