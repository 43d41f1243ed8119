package org.spectlab.metrics.report;

import java.util.List;

/**
 * Everything {@code spectlab score} writes to {@code metrics.json}. Parts that were not computed are null
 * and omitted from the file.
 *
 * @param format      file format tag, {@value #FORMAT}
 * @param study       the scored study (folder or name), or null
 * @param detection   detection performance, or null
 * @param image       image quality, or null
 * @param comparisons simulation-vs-reference comparisons (possibly empty)
 */
public record MetricsReport(String format, String study, DetectionReport detection, ImageReport image,
                            List<ComparisonEntry> comparisons) {

    /** Format tag of this version of the file. */
    public static final String FORMAT = "spectlab-metrics/1";

    /** A report of the current format. */
    public static MetricsReport of(String study, DetectionReport detection, ImageReport image,
                                   List<ComparisonEntry> comparisons) {
        return new MetricsReport(FORMAT, study, detection, image, comparisons == null ? List.of() : List.copyOf(comparisons));
    }
}
